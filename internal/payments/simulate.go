package payments

import (
	"fmt"
	"time"

	"github.com/payflow-dev/payflow/internal/orders"
)

// simulate applies the test-card rules to a card at time now: nil approves,
// a *Decline refuses, an error wrapping ErrTransient asks for a retry.
func simulate(card orders.CardSecret, now time.Time) error {
	number := normalizeNumber(card.Number)
	if !luhnValid(number) {
		return &Decline{Code: orders.ErrorDeclined, Reason: "the card number is not valid"}
	}
	switch number {
	case CardDeclined:
		return &Decline{Code: orders.ErrorDeclined, Reason: "the card was declined by its issuer"}
	case CardInsufficientFunds:
		return &Decline{Code: orders.ErrorInsufficientFunds, Reason: "the card has insufficient funds"}
	case CardExpired:
		return &Decline{Code: orders.ErrorCardExpired, Reason: "the card has expired"}
	case CardProcessorError:
		return fmt.Errorf("the processor could not reach the issuer: %w", ErrTransient)
	}
	end, err := expiryEnd(card.Expiry)
	if err != nil {
		return &Decline{Code: orders.ErrorInvalidRequest, Reason: "the card " + err.Error()}
	}
	if !now.Before(end) {
		return &Decline{Code: orders.ErrorCardExpired, Reason: "the card expired at the end of " + end.AddDate(0, -1, 0).Format("01/06")}
	}
	return nil
}
