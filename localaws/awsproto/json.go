package awsproto

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
)

// CodeSerialization is the error code every JSON-protocol service answers
// a body it cannot parse with.
const CodeSerialization = "SerializationException"

// JSON describes one service's AWS JSON protocol (1.0 or 1.1): how its
// answers and errors look on the wire.
type JSON struct {
	// Version is "1.0" or "1.1"; it names the Content-Type.
	Version string
	// TypePrefix goes before the code in an error's __type, as SQS writes
	// "com.amazonaws.sqs#QueueDoesNotExist"; most services use none.
	TypePrefix string
	// ErrorTypeHeader sets X-Amzn-ErrorType to the code on errors.
	ErrorTypeHeader bool
	// QueryCode, when set, marks the service as query-compatible (SQS): it
	// returns the query protocol's name for a code, written with the fault
	// in the x-amzn-query-error header so that SDKs report the query code.
	// An empty name leaves the header out.
	QueryCode func(code string) string
	// TypeName, when set, names the error type written in __type for a
	// code (before TypePrefix), for services whose JSON type names differ
	// from their codes. Nil writes the code itself.
	TypeName func(code string) string
	// CapitalMessage writes the message as "Message", as Secrets Manager
	// does; the other JSON services write "message".
	CapitalMessage bool
}

// ContentType is the media type of the protocol's requests and answers.
func (p JSON) ContentType() string { return "application/x-amz-json-" + p.Version }

// WriteResult answers 200 with v encoded as JSON. A v that cannot be
// encoded is answered as internal, the service's fault.
func (p JSON) WriteResult(w http.ResponseWriter, requestID string, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		p.WriteError(w, requestID, Internalf("InternalFailure", "The response could not be encoded."))
		return
	}
	p.write(w, requestID, http.StatusOK, body)
}

// WriteError answers e as {"__type": ..., "message": ...} with its status;
// the message member is left out when e has none.
func (p JSON) WriteError(w http.ResponseWriter, requestID string, e *Error) {
	typeName := e.Code
	if p.TypeName != nil {
		typeName = p.TypeName(e.Code)
	}
	messageMember := "message"
	if p.CapitalMessage {
		messageMember = "Message"
	}
	doc := map[string]string{"__type": p.TypePrefix + typeName}
	if e.Message != "" {
		// An error without words has no message member at all, as AWS
		// answers (KMS's InvalidCiphertextException in LocalStack's
		// AWS-validated KMS snapshots), rather than an empty one.
		doc[messageMember] = e.Message
	}
	body, _ := json.Marshal(doc) // strings always encode
	h := w.Header()
	if p.ErrorTypeHeader {
		h.Set("X-Amzn-ErrorType", e.Code)
	}
	if p.QueryCode != nil {
		if q := p.QueryCode(e.Code); q != "" {
			h.Set("X-Amzn-Query-Error", q+";"+e.Fault.String())
		}
	}
	p.write(w, requestID, e.HTTPStatus(), body)
}

func (p JSON) write(w http.ResponseWriter, requestID string, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", p.ContentType())
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if requestID != "" {
		h.Set("X-Amzn-RequestId", requestID)
	}
	w.WriteHeader(status)
	_, _ = w.Write(body) // the client has gone if this fails; nothing to do
}

// DecodeJSON reads a JSON request body into v. An empty body is an empty
// object, and unknown members are ignored as AWS ignores them, so newer
// SDKs sending newer optional members still work. A body that is not JSON,
// or does not fit v, is a SerializationException.
func DecodeJSON(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return Errorf(CodeSerialization, "The value of %s has the wrong type (%s where %s was expected).",
				typeErr.Field, typeErr.Value, typeErr.Type)
		}
		return Errorf(CodeSerialization, "The request body is not valid JSON: %v", err)
	}
	return nil
}
