package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"github.com/payflow-dev/payflow/internal/orders"
)

// maxBodyBytes bounds a request body. An order is well under 1 KiB; the
// margin is for long names, not for anything a client should send.
const maxBodyBytes = 16 << 10

// requestError is a request refused before it reaches the domain: wrong
// content type, oversized or malformed body, unknown route or method.
type requestError struct {
	status int
	detail string
	fields []orders.FieldError
}

func (e *requestError) Error() string { return fmt.Sprintf("%d %s", e.status, e.detail) }

// decode reads a JSON request body into a T.
//
// It insists on Content-Type application/json in UTF-8, at most
// maxBodyBytes of valid UTF-8 without lone surrogate escapes, a single JSON
// object naming each key once, no fields T does not declare and the right JSON type
// for each field, and it reports these as *requestError (415, 413 or 400).
// Checking the rules of the decoded value is the caller's next step. Error
// details never quote the body, which may carry a card number.
func decode[T any](w http.ResponseWriter, r *http.Request) (T, error) {
	var zero T
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return zero, &requestError{status: http.StatusUnsupportedMediaType, detail: "Content-Type must be application/json."}
	}
	if err := checkCharset(params); err != nil {
		return zero, err
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return zero, &requestError{status: http.StatusRequestEntityTooLarge, detail: fmt.Sprintf("The request body must not exceed %d bytes.", maxBodyBytes)}
		}
		return zero, fmt.Errorf("read request body: %w", err)
	}
	defer clear(body) // decoded strings are copies; drop the card's bytes early
	if err := checkText(body); err != nil {
		return zero, err
	}
	if err := checkDuplicateKeys(body); err != nil {
		return zero, err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var t T
	if err := dec.Decode(&t); err != nil {
		return zero, decodeError[T](err, body)
	}
	if err := dec.Decode(new(json.RawMessage)); !errors.Is(err, io.EOF) {
		return zero, &requestError{status: http.StatusBadRequest, detail: "The request body must hold a single JSON object."}
	}
	// encoding/json matches names regardless of case; the contract does not.
	if unknown := unknownFields[T](body); len(unknown) > 0 {
		return zero, unknownFieldsError(unknown)
	}
	return t, nil
}

// decodeError explains why body did not decode into a T.
func decodeError[T any](err error, body []byte) error {
	bad := func(detail string, fields ...orders.FieldError) error {
		return &requestError{status: http.StatusBadRequest, detail: detail, fields: fields}
	}
	var (
		syntaxErr *json.SyntaxError
		typeErr   *json.UnmarshalTypeError
	)
	switch {
	case errors.Is(err, io.EOF):
		return bad("The request body is empty; it must be a JSON object.")
	case errors.As(err, &syntaxErr):
		return bad(fmt.Sprintf("The request body is not valid JSON (error at byte %d).", syntaxErr.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return bad("The request body is not valid JSON (it ends too early).")
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return bad("The request body must be a JSON object.")
	case errors.As(err, &typeErr):
		return bad("A field has the wrong JSON type.", orders.FieldError{Field: typeErr.Field, Message: "must be a JSON " + jsonTypeName(typeErr.Type)})
	}
	// encoding/json reports unknown fields with an untyped error, so find
	// them ourselves rather than read its message.
	if unknown := unknownFields[T](body); len(unknown) > 0 {
		return unknownFieldsError(unknown)
	}
	return bad("The request body could not be decoded.")
}

// unknownFieldsError refuses a body for the fields it should not have.
func unknownFieldsError(names []string) error {
	fields := make([]orders.FieldError, 0, len(names))
	for _, name := range names {
		fields = append(fields, orders.FieldError{Field: name, Message: "is not a known field (names are case-sensitive)"})
	}
	return &requestError{status: http.StatusBadRequest, detail: "The request body has fields this API does not accept.", fields: fields}
}

// unknownFields returns the top-level keys of a JSON object that do not
// name a field of struct T exactly.
func unknownFields[T any](body []byte) []string {
	var keys map[string]json.RawMessage
	if json.Unmarshal(body, &keys) != nil {
		return nil
	}
	typ := reflect.TypeFor[T]()
	if typ.Kind() != reflect.Struct {
		return nil
	}
	var unknown []string
	for key := range keys {
		if !hasJSONField(typ, key) {
			unknown = append(unknown, key)
		}
	}
	slices.Sort(unknown)
	return unknown
}

// hasJSONField reports whether struct type typ decodes the JSON key.
func hasJSONField(typ reflect.Type, key string) bool {
	for f := range typ.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" {
			name = f.Name
		}
		if f.IsExported() && name != "-" && name == key {
			return true
		}
	}
	return false
}

// jsonTypeName names the JSON type a Go type decodes from.
func jsonTypeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		if t == reflect.TypeFor[amountText]() {
			return `string holding a decimal such as "100.00"`
		}
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	}
	return "object"
}
