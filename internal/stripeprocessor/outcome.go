package stripeprocessor

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/stripe/stripe-go/v82"
)

// outcome maps a failed Stripe call onto the workflow's outcomes. It is the
// one place that reads Stripe's error types and codes
// (https://docs.stripe.com/error-codes, https://docs.stripe.com/declines/codes):
//
//   - card_error: expired_card → Payment.CardExpired; insufficient_funds →
//     Payment.InsufficientFunds; authentication_required →
//     Payment.AuthenticationRequired; processing_error → transient;
//     anything else (card_declined, incorrect_cvc, ...) → Payment.Declined
//     with the decline code in the reason.
//   - idempotency_error: the orderId was used with other parameters; a
//     retry cannot fix that → Payment.Failed saying so.
//   - 401/403: the key is wrong or revoked → transient, and the key is
//     read again (it may have been rotated).
//   - 429 (rate limit or lock timeout), 409 (the same key in flight),
//     5xx, api_error, connection failures and deadlines → transient.
//   - any other invalid_request_error → Payment.InvalidRequest.
//
// Reasons never quote Stripe's message verbatim beyond codes, so no card
// data Stripe might echo can reach the workflow.
func (p *Processor) outcome(ctx context.Context, op, orderID string, err error) error {
	if isPortError(err) {
		return err
	}
	var se *stripe.Error
	if !errors.As(err, &se) {
		p.log.WarnContext(ctx, "stripe unreachable", "orderId", orderID, "op", op, "error", err.Error())
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return transient("stripe %s for order %s: no answer within the deadline", op, orderID)
		}
		return transient("stripe %s for order %s: api_connection_error", op, orderID)
	}
	p.log.InfoContext(ctx, "stripe refused", "orderId", orderID, "op", op, "error", describe(se))
	switch {
	case se.Type == stripe.ErrorTypeCard:
		return cardOutcome(se)
	case se.Type == stripe.ErrorTypeIdempotency:
		return decline(errorFailed,
			"Stripe refused the charge: the idempotency key (the orderId %s) was already used with different parameters", orderID)
	case se.HTTPStatusCode == http.StatusUnauthorized || se.HTTPStatusCode == http.StatusForbidden:
		p.cfg.Key.Invalidate()
		return transient("stripe %s for order %s: the secret key was refused (%d); it will be read again", op, orderID, se.HTTPStatusCode)
	case se.HTTPStatusCode == http.StatusTooManyRequests:
		return transient("stripe %s for order %s: rate limited (%s)", op, orderID, codeOr(se, "rate_limit"))
	case se.HTTPStatusCode == http.StatusConflict:
		return transient("stripe %s for order %s: a request with the same idempotency key is in flight", op, orderID)
	case se.HTTPStatusCode >= 500 || se.Type == stripe.ErrorTypeAPI:
		return transient("stripe %s for order %s: Stripe error %d (%s)", op, orderID, se.HTTPStatusCode, codeOr(se, string(se.Type)))
	}
	return decline(errorInvalidRequest, "Stripe refused the request: %s", codeOr(se, string(se.Type)))
}

// cardOutcome maps a card_error. Stripe reports most declines as
// card_declined with the reason in decline_code, and some (expired_card,
// incorrect_cvc) as the code itself, so both are read.
func cardOutcome(se *stripe.Error) error {
	code, dc := string(se.Code), string(se.DeclineCode)
	has := func(c string) bool { return code == c || dc == c }
	switch {
	case has("expired_card"):
		return decline(errorCardExpired, "the card has expired (Stripe: %s)", codeAndDecline(se))
	case has("insufficient_funds"):
		return decline(errorInsufficientFunds, "the card has insufficient funds (Stripe: %s)", codeAndDecline(se))
	case has("authentication_required"):
		return decline(errorAuthenticationRequired,
			"the card's issuer requires 3-D Secure authentication (Stripe: %s); pay with a payment method the storefront has authenticated",
			codeAndDecline(se))
	case code == "processing_error":
		return transient("stripe could not process the card this time (processing_error)")
	}
	return decline(errorDeclined, "the card was declined (Stripe: %s)", codeAndDecline(se))
}

// codeAndDecline names Stripe's code and decline code, such as
// "card_declined, decline code generic_decline".
func codeAndDecline(se *stripe.Error) string {
	s := codeOr(se, "card_error")
	if se.DeclineCode != "" && string(se.DeclineCode) != s {
		s += ", decline code " + string(se.DeclineCode)
	}
	return s
}

func codeOr(se *stripe.Error, fallback string) string {
	if se.Code != "" {
		return string(se.Code)
	}
	return fallback
}

// describe is a one-line account of a Stripe error for logs: status, type,
// codes and request id, never the message (which may echo parameters).
func describe(err error) string {
	var se *stripe.Error
	if !errors.As(err, &se) {
		return err.Error()
	}
	parts := []string{fmt.Sprintf("status %d", se.HTTPStatusCode), "type " + string(se.Type)}
	if se.Code != "" {
		parts = append(parts, "code "+string(se.Code))
	}
	if se.DeclineCode != "" {
		parts = append(parts, "decline_code "+string(se.DeclineCode))
	}
	if se.RequestID != "" {
		parts = append(parts, "request "+se.RequestID)
	}
	return strings.Join(parts, ", ")
}
