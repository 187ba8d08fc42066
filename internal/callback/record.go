package callback

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/internal/orders"
)

// disposition is what becomes of a message once the handler is done with it.
type disposition int

const (
	// dispositionDone deletes the message: the task was answered or can
	// no longer be.
	dispositionDone disposition = iota
	// dispositionRetry reports the message in BatchItemFailures.
	dispositionRetry
)

// process takes one message to its disposition.
func (h *Handler) process(ctx context.Context, rec events.SQSMessage) disposition {
	log := h.log.With("messageId", rec.MessageId)
	msg, err := parseMessage(rec.Body)
	if errors.Is(err, errNoToken) {
		// Nobody can be answered: let the queue's redrive policy move it to
		// the dead-letter queue, where it stays visible.
		log.ErrorContext(ctx, "payment message has no usable task token", "reason", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	var invalid *invalidPayment
	if errors.As(err, &invalid) {
		log.WarnContext(ctx, "payment message is unusable", "reason", invalid.cause)
		return h.fail(ctx, log, msg.token, orders.ErrorInvalidRequest, invalid.cause)
	}
	log = log.With("orderId", msg.payment.OrderID, "brand", msg.payment.Card.Brand, "last4", msg.payment.Card.Last4)

	// A first heartbeat both restarts the task's heartbeat clock for this
	// delivery and tells us, before any card is charged, whether the
	// workflow is still waiting.
	if err := h.tasks.Heartbeat(ctx, msg.token); errors.Is(err, orders.ErrTaskClosed) {
		log.InfoContext(ctx, "payment task already closed; not charging", "reason", err.Error(), "outcome", "CLOSED")
		return dispositionDone
	} else if err != nil {
		log.WarnContext(ctx, "payment heartbeat failed; authorizing anyway", "error", err.Error())
	}

	card, err := h.unseal(ctx, msg)
	if errors.As(err, &invalid) {
		log.WarnContext(ctx, "sealed card is unusable", "reason", invalid.cause)
		return h.fail(ctx, log, msg.token, orders.ErrorInvalidRequest, invalid.cause)
	}
	if err != nil {
		log.WarnContext(ctx, "cannot unseal card; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}

	approval, closed, err := h.authorize(ctx, msg, card)
	var decline *orders.Decline
	switch {
	case closed:
		log.InfoContext(ctx, "payment task closed during authorization", "outcome", "CLOSED")
		return dispositionDone
	case errors.As(err, &decline):
		return h.fail(ctx, log, msg.token, decline.Code, decline.Reason)
	case err != nil:
		log.WarnContext(ctx, "authorization did not conclude; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	return h.succeed(ctx, log, msg.token, approval)
}

// unseal opens the sealed card, bound to its order by the encryption
// context. Problems with the sealed card itself come back as
// *invalidPayment; anything else is worth retrying.
func (h *Handler) unseal(ctx context.Context, msg parsed) (orders.CardSecret, error) {
	card, err := h.cards.OpenCard(ctx, msg.payment.OrderID, msg.ciphertext)
	if errors.Is(err, orders.ErrCardUnreadable) {
		return orders.CardSecret{}, invalidf("the sealed card cannot be opened for order %s", msg.payment.OrderID)
	}
	if err != nil {
		return orders.CardSecret{}, err
	}
	if card.Number == "" {
		return orders.CardSecret{}, invalidf("the sealed card does not hold a card")
	}
	if orders.Last4(card.Number) != msg.payment.Card.Last4 {
		return orders.CardSecret{}, invalidf("the sealed card does not match card.last4")
	}
	return card, nil
}

// succeed answers the task with the authorization.
func (h *Handler) succeed(ctx context.Context, log *slog.Logger, token string, a orders.Approval) disposition {
	err := h.tasks.Succeed(ctx, token, orders.Authorization{
		Status:          orders.PaymentPaid,
		AuthorizationID: a.AuthorizationID,
		AuthorizedAt:    a.AuthorizedAt.UTC().Format(time.RFC3339),
	})
	return h.reported(ctx, log.With("outcome", orders.PaymentPaid, "authorizationId", a.AuthorizationID), err)
}

// fail answers the task with a named error.
func (h *Handler) fail(ctx context.Context, log *slog.Logger, token, name, cause string) disposition {
	err := h.tasks.Fail(ctx, token, name, cause)
	return h.reported(ctx, log.With("outcome", name, "cause", cause), err)
}

// reported logs the fate of an answer to the task.
func (h *Handler) reported(ctx context.Context, log *slog.Logger, err error) disposition {
	switch {
	case err == nil:
		log.InfoContext(ctx, "payment task answered")
		return dispositionDone
	case errors.Is(err, orders.ErrTaskClosed):
		log.InfoContext(ctx, "payment task already closed; result dropped", "reason", err.Error())
		return dispositionDone
	default:
		log.WarnContext(ctx, "cannot answer payment task; will retry", "error", err.Error())
		return dispositionRetry
	}
}

// charge builds the processor's request; the orderId is its idempotency
// key.
func charge(p orders.PaymentRequest, card orders.CardSecret) orders.Charge {
	return orders.Charge{OrderID: p.OrderID, Amount: p.Amount, Currency: p.Currency, Card: card}
}
