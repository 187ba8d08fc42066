package stripeprocessor

import (
	"context"
	"errors"

	"github.com/stripe/stripe-go/v82"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Void releases the money of an authorization nobody will use: it cancels
// the PaymentIntent while it is uncaptured (requires_capture, or never
// completed), and refunds it in full once captured (succeeded). Both
// requests carry an idempotency key derived from the orderId, and voiding
// a PaymentIntent already cancelled or refunded succeeds, so Void may be
// retried freely.
func (p *Processor) Void(ctx context.Context, v orders.VoidRequest) error {
	orderID, paymentIntentID := v.OrderID, v.AuthorizationID
	ctx, cancel := context.WithTimeout(ctx, p.cfg.CallTimeout)
	defer cancel()
	if paymentIntentID == "" {
		return decline(errorInvalidRequest, "nothing to void: no PaymentIntent id")
	}
	sc, err := p.stripeClient(ctx)
	if err != nil {
		return err
	}
	pi, err := sc.V1PaymentIntents.Retrieve(ctx, paymentIntentID, nil)
	if err != nil {
		return p.outcome(ctx, "retrieve payment intent", orderID, err)
	}
	switch pi.Status {
	case stripe.PaymentIntentStatusCanceled:
		return nil
	case stripe.PaymentIntentStatusSucceeded:
		params := &stripe.RefundCreateParams{
			PaymentIntent: stripe.String(pi.ID),
			Reason:        stripe.String(string(stripe.RefundReasonRequestedByCustomer)),
			Metadata:      map[string]string{metadataOrderID: orderID},
		}
		params.SetIdempotencyKey(orderID + "/void")
		_, err := sc.V1Refunds.Create(ctx, params)
		if alreadyRefunded(err) {
			return nil
		}
		if err != nil {
			return p.outcome(ctx, "refund payment intent", orderID, err)
		}
		p.log.InfoContext(ctx, "stripe refunded", "orderId", orderID, "paymentIntent", pi.ID)
		return nil
	}
	params := &stripe.PaymentIntentCancelParams{CancellationReason: stripe.String("abandoned")}
	params.SetIdempotencyKey(orderID + "/void")
	if _, err := sc.V1PaymentIntents.Cancel(ctx, pi.ID, params); err != nil {
		return p.outcome(ctx, "cancel payment intent", orderID, err)
	}
	p.log.InfoContext(ctx, "stripe cancelled", "orderId", orderID, "paymentIntent", pi.ID)
	return nil
}

// alreadyRefunded reports Stripe's answer to refunding a charge that has
// been refunded in full: the void already happened.
func alreadyRefunded(err error) bool {
	var se *stripe.Error
	return errors.As(err, &se) && se.Code == stripe.ErrorCodeChargeAlreadyRefunded
}
