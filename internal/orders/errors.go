package orders

import (
	"errors"
	"strings"
)

// Error kinds. Every error the Service returns wraps exactly one of them, so
// the HTTP edge can pick a status with errors.Is and never reads messages.
// The adapters of the ports (internal/awsadapter) classify what AWS says
// into these kinds in one place.
var (
	// ErrInvalid means the order breaks a validation rule. The error is
	// usually a *ValidationError that lists every broken field.
	ErrInvalid = errors.New("invalid order")
	// ErrNotFound means no order with the requested id exists.
	ErrNotFound = errors.New("order not found")
	// ErrConflict means the orderId is already used by a different order.
	ErrConflict = errors.New("order id already used by a different order")
	// ErrUnavailable means an AWS dependency is throttling or failing for
	// now; the same call may succeed later.
	ErrUnavailable = errors.New("dependency unavailable")
	// ErrUpstream means an AWS dependency refused the call for a reason a
	// retry will not fix (permissions, missing key or state machine).
	ErrUpstream = errors.New("dependency refused the call")
	// ErrTaskClosed means the workflow no longer waits for the payment
	// task being answered: it timed out, ended, or the token was never
	// valid. Answering again would only fail again.
	ErrTaskClosed = errors.New("payment task closed")
	// ErrCardUnreadable means a sealed card will never open: corrupt,
	// sealed for another order, or under another key.
	ErrCardUnreadable = errors.New("sealed card cannot be opened")
)

// FieldError is one broken rule, named by the JSON field that broke it.
// It never carries the rejected value, which may be card data.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ValidationError lists every field of an order that broke a rule. It is
// ErrInvalid for errors.Is.
type ValidationError struct {
	Fields []FieldError
}

// Error joins the field messages into one line.
func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		parts = append(parts, f.Field+": "+f.Message)
	}
	return "invalid order: " + strings.Join(parts, "; ")
}

// Unwrap makes a ValidationError match ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }
