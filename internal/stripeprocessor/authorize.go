package stripeprocessor

import (
	"context"
	"strings"

	"github.com/stripe/stripe-go/v82"

	"github.com/payflow-dev/payflow/internal/orders"
)

// metadataOrderID is the PaymentIntent metadata key holding the orderId,
// so that a payment in Stripe's dashboard leads back to its order.
const metadataOrderID = "orderId"

// Authorize charges c through one PaymentIntent, created and confirmed in
// a single request whose Idempotency-Key is the orderId: a retry or a
// redelivery of the same order gets the first PaymentIntent back instead
// of a second charge. A tokenized order's PaymentMethod (pm_..., created by
// the storefront with Stripe's client libraries) is charged as it is; a
// card given by number is first turned into a PaymentMethod, under its own
// idempotency key derived from the orderId.
// The Approval's AuthorizationID is the PaymentIntent id (pi_...).
func (p *Processor) Authorize(ctx context.Context, c orders.Charge) (orders.Approval, error) {
	ctx, cancel := context.WithTimeout(ctx, p.cfg.CallTimeout)
	defer cancel()
	if c.OrderID == "" {
		return orders.Approval{}, decline(errorInvalidRequest, "the charge has no orderId")
	}
	amount, err := c.AmountMinor()
	if err != nil {
		return orders.Approval{}, decline(errorInvalidRequest, "the amount %q cannot be charged: %v", c.Amount, err)
	}
	sc, err := p.stripeClient(ctx)
	if err != nil {
		return orders.Approval{}, err
	}
	pm := c.PaymentMethod
	if pm == "" {
		if pm, err = p.paymentMethod(ctx, sc, c.OrderID, c.Card); err != nil {
			return orders.Approval{}, p.outcome(ctx, "create payment method", c.OrderID, err)
		}
	}
	params := &stripe.PaymentIntentCreateParams{
		Amount:             stripe.Int64(amount),
		Currency:           stripe.String(strings.ToLower(c.Currency)),
		PaymentMethod:      stripe.String(pm),
		PaymentMethodTypes: []*string{stripe.String("card")},
		Confirm:            stripe.Bool(true),
		CaptureMethod:      stripe.String(string(p.cfg.Capture)),
		Metadata:           map[string]string{metadataOrderID: c.OrderID},
	}
	params.SetIdempotencyKey(c.OrderID)
	pi, err := sc.V1PaymentIntents.Create(ctx, params)
	if err != nil {
		return orders.Approval{}, p.outcome(ctx, "create payment intent", c.OrderID, err)
	}
	return p.approval(ctx, sc, c.OrderID, pi)
}

// paymentMethod creates a card PaymentMethod from the card's fields. Its
// idempotency key is derived from the orderId, so a retry reuses it.
func (p *Processor) paymentMethod(ctx context.Context, sc *stripe.Client, orderID string, card orders.CardSecret) (string, error) {
	month, year, err := expiry(card.Expiry)
	if err != nil {
		return "", decline(errorInvalidRequest, "%v", err)
	}
	params := &stripe.PaymentMethodCreateParams{
		Type: stripe.String(string(stripe.PaymentMethodTypeCard)),
		Card: &stripe.PaymentMethodCreateCardParams{
			Number: stripe.String(card.Number), CVC: stripe.String(card.CVV),
			ExpMonth: stripe.Int64(month), ExpYear: stripe.Int64(year),
		},
		BillingDetails: &stripe.PaymentMethodCreateBillingDetailsParams{Name: stripe.String(card.NameOnCard)},
		Metadata:       map[string]string{metadataOrderID: orderID},
	}
	params.SetIdempotencyKey(orderID + "/payment-method")
	pm, err := sc.V1PaymentMethods.Create(ctx, params)
	if err != nil {
		return "", err
	}
	return pm.ID, nil
}

// approval turns a confirmed PaymentIntent into the port's answer: an
// approval when the money is taken (succeeded) or reserved
// (requires_capture), Payment.AuthenticationRequired when the issuer wants
// 3-D Secure, and a retry while Stripe is still processing.
func (p *Processor) approval(ctx context.Context, sc *stripe.Client, orderID string, pi *stripe.PaymentIntent) (orders.Approval, error) {
	switch pi.Status {
	case stripe.PaymentIntentStatusSucceeded, stripe.PaymentIntentStatusRequiresCapture:
		p.log.InfoContext(ctx, "stripe approved", "orderId", orderID, "paymentIntent", pi.ID, "status", string(pi.Status))
		return orders.Approval{AuthorizationID: pi.ID, AuthorizedAt: p.cfg.Clock.Now().UTC()}, nil
	case stripe.PaymentIntentStatusRequiresAction:
		p.log.InfoContext(ctx, "stripe wants 3-D Secure", "orderId", orderID, "paymentIntent", pi.ID)
		p.release(ctx, sc, orderID, pi.ID)
		return orders.Approval{}, decline(errorAuthenticationRequired,
			"the card's issuer requires 3-D Secure authentication, which a server-side charge cannot perform; "+
				"pay with a payment method the storefront has authenticated")
	case stripe.PaymentIntentStatusProcessing:
		return orders.Approval{}, transient("stripe payment intent %s is still processing", pi.ID)
	}
	p.log.WarnContext(ctx, "stripe payment intent in an unexpected state", "orderId", orderID, "paymentIntent", pi.ID, "status", string(pi.Status))
	return orders.Approval{}, decline(errorDeclined, "the payment was not completed (Stripe status %s)", pi.Status)
}

// release cancels a PaymentIntent that will never complete, so that it
// does not linger in requires_action. Failing to is logged only: an
// unconfirmed PaymentIntent moves no money and Stripe expires it.
func (p *Processor) release(ctx context.Context, sc *stripe.Client, orderID, id string) {
	params := &stripe.PaymentIntentCancelParams{CancellationReason: stripe.String("abandoned")}
	params.SetIdempotencyKey(orderID + "/abandon")
	if _, err := sc.V1PaymentIntents.Cancel(ctx, id, params); err != nil {
		p.log.WarnContext(ctx, "stripe payment intent left in requires_action", "orderId", orderID, "paymentIntent", id, "error", describe(err))
	}
}
