package stripeprocessor

import (
	"errors"
	"fmt"

	"github.com/payflow-dev/payflow/internal/orders"
)

// This file is the only one that knows the processor port's types; the
// rest of the package speaks Stripe.

// Workflow error names for declines, from the orders domain.
const (
	errorAuthenticationRequired = orders.ErrorAuthenticationRequired
	errorDeclined               = orders.ErrorDeclined
	errorInsufficientFunds      = orders.ErrorInsufficientFunds
	errorCardExpired            = orders.ErrorCardExpired
	errorInvalidRequest         = orders.ErrorInvalidRequest
	errorFailed                 = orders.ErrorFailed
)

// decline is a definitive refusal the workflow reports with code.
func decline(code, format string, args ...any) error {
	return &orders.Decline{Code: code, Reason: fmt.Sprintf(format, args...)}
}

// transient is a failure worth retrying later.
func transient(format string, args ...any) error {
	return fmt.Errorf(format+": %w", append(args, orders.ErrUnavailable)...)
}

// isPortError reports whether err is already one of the port's outcomes.
func isPortError(err error) bool {
	var d *orders.Decline
	return errors.As(err, &d) || errors.Is(err, orders.ErrUnavailable)
}

// Processor implements the port.
var _ orders.PaymentProcessor = (*Processor)(nil)
