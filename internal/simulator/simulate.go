package simulator

import (
	"fmt"
	"time"

	"github.com/payflow-dev/payflow/internal/orders"
)

// simulate applies the test-card rules to a card at time now: nil approves,
// an *orders.Decline refuses, an error wrapping orders.ErrUnavailable asks
// for a retry.
func simulate(card orders.CardSecret, now time.Time) error {
	number, ok := orders.ValidCardNumber(card.Number)
	if !ok {
		return &orders.Decline{Code: orders.ErrorDeclined, Reason: "the card number is not valid"}
	}
	switch number {
	case CardDeclined:
		return &orders.Decline{Code: orders.ErrorDeclined, Reason: "the card was declined by its issuer"}
	case CardInsufficientFunds:
		return &orders.Decline{Code: orders.ErrorInsufficientFunds, Reason: "the card has insufficient funds"}
	case CardExpired:
		return &orders.Decline{Code: orders.ErrorCardExpired, Reason: "the card has expired"}
	case CardProcessorError:
		return fmt.Errorf("the processor could not reach the issuer: %w", orders.ErrUnavailable)
	}
	end, ok := orders.ExpiryEnd(card.Expiry)
	if !ok {
		return &orders.Decline{Code: orders.ErrorInvalidRequest, Reason: "the card expiry is not MM/YY"}
	}
	if !now.Before(end) {
		return &orders.Decline{Code: orders.ErrorCardExpired, Reason: "the card expired at the end of " + card.Expiry}
	}
	return nil
}
