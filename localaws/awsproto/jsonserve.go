package awsproto

import (
	"errors"
	"net/http"
	"strings"
)

// JSONAPI describes a service that answers every request in the AWS JSON
// protocol, one operation per X-Amz-Target, and the answers it gives to
// requests that never reach an operation. Each service words those answers
// its own way, so the messages are part of the description.
type JSONAPI struct {
	// Proto is how answers look on the wire.
	Proto JSON
	// TargetPrefix is the X-Amz-Target up to and including the dot, such
	// as "TrentService.".
	TargetPrefix string
	// MaxBody bounds a request body in bytes; a larger one is a
	// ValidationException.
	MaxBody int64
	// Internal is what a client sees of an error that is not an *Error:
	// the service's generic internal error.
	Internal *Error
	// NotPOST is the message for a request that is not a POST.
	NotPOST string
	// Unsupported formats the message for an operation the service does
	// not have, from the operation's name (%q).
	Unsupported string
	// ReadFailed formats the SerializationException message for a body
	// that could not be read, from the error (%v).
	ReadFailed string
}

// JSONOperation runs one operation on its request body in a service's
// per-request context R (such as the region's state) and returns the
// response document.
type JSONOperation[R any] func(ctx R, body []byte) (any, error)

// ServeJSON answers r for api: it checks the method and the X-Amz-Target,
// finds the operation in ops, reads the body, runs the operation with
// contextOf(r), and writes its result or its error. contextOf is called
// only for a request that reaches an operation. Errors that are not *Error
// are answered as api.Internal.
func ServeJSON[R any](w http.ResponseWriter, r *http.Request, api JSONAPI, ops map[string]JSONOperation[R], contextOf func(*http.Request) R) {
	requestID := NewRequestID()
	writeError := func(err error) { api.Proto.WriteError(w, requestID, AsError(err, api.Internal)) }
	if r.Method != http.MethodPost {
		writeError(Errorf(codeUnknownOperation, "%s", api.NotPOST))
		return
	}
	target := r.Header.Get("X-Amz-Target")
	op, ok := strings.CutPrefix(target, api.TargetPrefix)
	if !ok {
		writeError(Errorf(codeUnknownOperation, "unknown target %q", target))
		return
	}
	run, ok := ops[op]
	if !ok {
		writeError(Errorf(codeUnknownOperation, api.Unsupported, op))
		return
	}
	body, err := ReadBody(r, api.MaxBody)
	if errors.Is(err, ErrBodyTooLarge) {
		writeError(Errorf(codeValidation, "request body is larger than %d bytes", api.MaxBody))
		return
	}
	if err != nil {
		writeError(Errorf(CodeSerialization, api.ReadFailed, err))
		return
	}
	out, err := run(contextOf(r), body)
	if err != nil {
		writeError(err)
		return
	}
	api.Proto.WriteResult(w, requestID, out)
}

// Error codes every JSON-protocol service answers requests that reach no
// operation with.
const (
	codeUnknownOperation = "UnknownOperationException"
	codeValidation       = "ValidationException"
)
