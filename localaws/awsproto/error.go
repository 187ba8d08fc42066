package awsproto

import (
	"errors"
	"fmt"
	"net/http"
)

// Fault says who is to blame for an error, as both the query protocol's
// <Type> and SQS's x-amzn-query-error header report it.
type Fault int

const (
	// Sender means the request was wrong; the zero Fault.
	Sender Fault = iota
	// Receiver means the service failed.
	Receiver
)

// String returns "Sender" or "Receiver", the words AWS uses.
func (f Fault) String() string {
	if f == Receiver {
		return "Receiver"
	}
	return "Sender"
}

// Error is an AWS API error as a client sees it. Services return it from
// their actions; the protocol writers render it.
type Error struct {
	// Code is the service's error code, such as "QueueDoesNotExist" or
	// "NotFound". A protocol may rename or prefix it on the wire.
	Code string
	// Message is the human-readable explanation.
	Message string
	// Status is the HTTP status; zero means 400 for a Sender fault and 500
	// for a Receiver fault.
	Status int
	// Fault says who is to blame.
	Fault Fault
}

// Error formats the code and the message.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// HTTPStatus is the status the error is answered with.
func (e *Error) HTTPStatus() int {
	switch {
	case e.Status != 0:
		return e.Status
	case e.Fault == Receiver:
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// Errorf returns a Sender error answered with 400.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// StatusErrorf returns a Sender error answered with status, for the codes
// AWS answers with something other than 400 (404 NotFound, 403
// AuthorizationError, 413 RequestEntityTooLarge).
func StatusErrorf(status int, code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Status: status}
}

// Internalf returns a Receiver error answered with 500: the service's own
// failure.
func Internalf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Fault: Receiver}
}

// AsError returns the *Error in err's chain, or internal when there is
// none, so that an unexpected error reaches the client only as the
// service's generic internal error.
func AsError(err error, internal *Error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return internal
}
