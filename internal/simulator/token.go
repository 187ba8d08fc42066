package simulator

import "github.com/payflow-dev/payflow/internal/orders"

// Stripe's test PaymentMethods (https://docs.stripe.com/testing), which a
// storefront in test mode gets from Stripe's client libraries. The
// simulator decides tokenized orders by them, like the test cards.
const (
	TokenApproved               = "pm_card_visa"
	TokenDeclined               = "pm_card_chargeDeclined"
	TokenInsufficientFunds      = "pm_card_chargeDeclinedInsufficientFunds"
	TokenExpired                = "pm_card_chargeDeclinedExpiredCard"
	TokenAuthenticationRequired = "pm_card_authenticationRequired"
)

// simulateToken applies the test-token rules: any other token approves,
// as any other valid card number does.
func simulateToken(pm string) error {
	switch pm {
	case TokenDeclined:
		return &orders.Decline{Code: orders.ErrorDeclined, Reason: "the card was declined by its issuer"}
	case TokenInsufficientFunds:
		return &orders.Decline{Code: orders.ErrorInsufficientFunds, Reason: "the card has insufficient funds"}
	case TokenExpired:
		return &orders.Decline{Code: orders.ErrorCardExpired, Reason: "the card has expired"}
	case TokenAuthenticationRequired:
		return &orders.Decline{Code: orders.ErrorAuthenticationRequired, Reason: "the card's issuer requires 3-D Secure authentication"}
	}
	return nil
}
