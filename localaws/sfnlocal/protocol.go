package sfnlocal

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

const (
	// targetPrefix starts every X-Amz-Target this service answers.
	targetPrefix = "AWSStepFunctions."
	// maxRequestBytes caps a request body. The largest legal field is a
	// 1 MiB definition, which JSON escaping can at most make a few times
	// larger; anything beyond is refused before it is parsed.
	maxRequestBytes = 4 << 20
)

// operationOf names the action a request asks for.
func operationOf(r *http.Request) (string, error) {
	if r.Method != http.MethodPost {
		return "", errorf(codeUnknownOperation, "Step Functions only accepts POST requests, got %s", r.Method)
	}
	target := r.Header.Get("X-Amz-Target")
	op, ok := strings.CutPrefix(target, targetPrefix)
	if !ok || op == "" {
		return "", errorf(codeUnknownOperation, "Missing or unknown X-Amz-Target %q", target)
	}
	return op, nil
}

// readBody reads the whole request body, refusing bodies over the cap.
func readBody(r *http.Request) ([]byte, error) {
	body, err := awsproto.ReadBody(r, maxRequestBytes)
	if errors.Is(err, awsproto.ErrBodyTooLarge) {
		return nil, errorf(codeValidation, "Request body exceeds the limit of %d bytes", maxRequestBytes)
	}
	if err != nil {
		return nil, errorf(codeSerialization, "Could not read the request body: %v", err)
	}
	return body, nil
}

// handle decodes a request body into In and runs an action on it.
func handle[In, Out any](ctx context.Context, body []byte, action func(context.Context, *In) (*Out, error)) (any, error) {
	in := new(In)
	if err := decodeJSON(body, in); err != nil {
		return nil, err
	}
	out, err := action(ctx, in)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// decodeJSON parses a request body with the endpoint's shared rules:
// unknown members are ignored, as the service does, so that newer SDKs
// sending newer optional members still work; an empty body counts as an
// empty object.
func decodeJSON(body []byte, v any) error {
	return awsproto.DecodeJSON(body, v)
}

// epochTime is a timestamp in AWS JSON's encoding: seconds since the Unix
// epoch as a number, with milliseconds as the fraction.
type epochTime time.Time

// epoch returns t for an optional timestamp member, nil when t is zero.
func epoch(t time.Time) *epochTime {
	if t.IsZero() {
		return nil
	}
	e := epochTime(t)
	return &e
}

// MarshalJSON writes the time as fractional epoch seconds.
func (e epochTime) MarshalJSON() ([]byte, error) {
	ms := time.Time(e).UnixMilli()
	sec, frac := ms/1000, ms%1000
	if frac < 0 {
		sec, frac = sec-1, frac+1000
	}
	b := strconv.AppendInt(nil, sec, 10)
	b = append(b, '.')
	b = append(b, byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10))
	return b, nil
}
