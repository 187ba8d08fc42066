package orders

import (
	"context"
	"time"
)

// PaymentProcessor is the port through which the callback charges cards:
// the simulator in internal/simulator implements it, and so does any real
// acquirer's adapter.
//
// The orderId is the idempotency key of every call. Authorize of an order
// already decided returns the first decision (approval or decline) and
// never charges again; Void of an authorization already voided succeeds.
// Errors are classified by kind: a *Decline (errors.As) is a definitive
// refusal, an error wrapping ErrUnavailable means "try again later", and
// anything else is a bug or a refusal of the request itself.
type PaymentProcessor interface {
	// Authorize reserves the charge's amount on its card.
	Authorize(ctx context.Context, c Charge) (Approval, error)
	// Void releases an authorization nobody will capture, such as one
	// whose workflow ended before it could be told.
	Void(ctx context.Context, v VoidRequest) error
}

// Charge is one authorization request.
type Charge struct {
	// OrderID is the idempotency key.
	OrderID string
	// Amount has exactly two fraction digits ("100.00"); AmountMinor
	// converts it.
	Amount   string
	Currency string
	// Card is the card to charge, for an order placed with card fields.
	Card CardSecret
	// PaymentMethod is the processor's token (Stripe's pm_...) for an
	// order placed with one instead of card fields; Card is then empty.
	PaymentMethod string
}

// AmountMinor returns the charge's amount in minor units (cents), as most
// processors' APIs want it, or ErrInvalid if it breaks an amount rule.
func (c Charge) AmountMinor() (int64, error) {
	n, err := ParseAmount(c.Amount)
	if err != nil {
		return 0, &RequestError{Problems: []string{err.Error()}}
	}
	return n, nil
}

// Approval is a successful authorization.
type Approval struct {
	AuthorizationID string
	AuthorizedAt    time.Time
}

// VoidRequest names the authorization to release.
type VoidRequest struct {
	OrderID         string
	AuthorizationID string
}

// Decline is a definitive answer other than approval. Code is one of the
// Error* names (ErrorDeclined, ErrorInsufficientFunds, ErrorCardExpired,
// ErrorInvalidRequest) and Reason is a sentence a customer may read;
// neither ever carries card data. Callers find it with errors.As.
type Decline struct {
	Code   string
	Reason string
}

// Error returns the code and the reason.
func (d *Decline) Error() string { return d.Code + ": " + d.Reason }
