package payments

import "errors"

// ErrTransient marks a failure that says nothing about the card: the
// processor could not decide this time and the same charge may succeed when
// retried. Callers test for it with errors.Is.
var ErrTransient = errors.New("transient processor error")

// Decline is a definitive answer other than approval. Code is one of the
// orders.Error* names (Payment.Declined, Payment.InsufficientFunds,
// Payment.CardExpired, Payment.InvalidRequest) and Reason is a sentence a
// customer may read; neither ever carries card data. Callers find it with
// errors.As.
type Decline struct {
	Code   string
	Reason string
}

// Error returns the code and the reason.
func (d *Decline) Error() string { return d.Code + ": " + d.Reason }
