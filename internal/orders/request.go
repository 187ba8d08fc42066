package orders

import (
	"slices"
	"strings"
)

// Check applies to a payment request read from the workflow (by the
// callback, say) the rules the API applied when it built it, so that
// nothing downstream trusts a hand-started execution. It returns nil or a
// *RequestError listing every problem without quoting any value.
func (p PaymentRequest) Check() error {
	var problems []string
	if !IsIdent(p.OrderID) {
		problems = append(problems, "orderId must be 1-64 letters, digits, '-' or '_'")
	}
	if n, err := ParseAmount(p.Amount); err != nil || FormatMinor(n) != p.Amount {
		problems = append(problems, "amount must be a positive decimal with two fraction digits")
	}
	if !KnownCurrency(p.Currency) {
		problems = append(problems, "currency must be an ISO 4217 code")
	}
	if p.VaultRef == "" {
		problems = append(problems, "vaultRef is missing")
	}
	switch {
	case p.PaymentMethod != "" && !IsPaymentMethod(p.PaymentMethod):
		problems = append(problems, "paymentMethod must be a Stripe PaymentMethod id (pm_...)")
	case p.PaymentMethod == "" && !IsLast4(p.Card.Last4):
		problems = append(problems, "card.last4 must be four digits")
	}
	if len(problems) == 0 {
		return nil
	}
	slices.Sort(problems)
	return &RequestError{Problems: problems}
}

// RequestError lists why a payment request cannot be used. It is
// ErrInvalid for errors.Is.
type RequestError struct {
	Problems []string
}

// Error joins the problems into one sentence.
func (e *RequestError) Error() string {
	return "the payment request is invalid: " + strings.Join(e.Problems, "; ")
}

// Unwrap makes a RequestError match ErrInvalid.
func (e *RequestError) Unwrap() error { return ErrInvalid }
