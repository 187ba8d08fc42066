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

// process takes one message to its disposition: the charge is claimed in
// the charge record, the card read from the vault and opened, the
// processor called with the orderId as idempotency key, the decision
// stored, the vault entry deleted, and only then the task answered. A
// redelivery finds the stored decision and answers with it.
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
	p := msg.payment
	log = log.With("orderId", p.OrderID, "executionArn", msg.executionARN, "brand", p.Card.Brand, "last4", p.Card.Last4)

	// A first heartbeat both restarts the task's heartbeat clock for this
	// delivery and tells us, before any card is charged, whether the
	// workflow is still waiting.
	hbErr := h.tasks.Heartbeat(ctx, msg.token)
	closedOnArrival := errors.Is(hbErr, orders.ErrTaskClosed)
	if hbErr != nil && !closedOnArrival {
		log.WarnContext(ctx, "payment heartbeat failed; going on", "error", hbErr.Error())
	}

	claimant := h.newClaimant()
	now := h.clock.Now()
	record, claimed, err := h.charges.Claim(ctx, p.OrderID, claimant, now, now.Add(h.lease))
	if err != nil {
		log.WarnContext(ctx, "cannot claim the charge; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	if !claimed {
		return h.replay(ctx, log, msg, record)
	}
	if closedOnArrival {
		h.release(ctx, log, p.OrderID, claimant)
		h.forget(ctx, log, p)
		log.InfoContext(ctx, "payment task already closed; not charging", "reason", hbErr.Error(), "outcome", "CLOSED")
		return dispositionDone
	}
	return h.charge(ctx, log, msg, claimant)
}

// charge runs a claimed charge to its decision and answers the task.
func (h *Handler) charge(ctx context.Context, log *slog.Logger, msg parsed, claimant string) disposition {
	p := msg.payment
	var card orders.CardSecret
	var err error
	if p.PaymentMethod == "" {
		// A tokenized order has no card in the vault: the processor
		// charges its token.
		card, err = h.openCard(ctx, p)
	}
	if errors.As(err, new(*invalidPayment)) {
		cause := err.Error()
		log.WarnContext(ctx, "card is unusable", "reason", cause)
		return h.decided(ctx, log, msg, orders.ChargeRecord{
			OrderID: p.OrderID, State: orders.ChargeDeclined, Claimant: claimant,
			DeclineCode: orders.ErrorInvalidRequest, DeclineReason: cause, UpdatedAt: h.clock.Now(),
		})
	}
	if err != nil {
		h.release(ctx, log, p.OrderID, claimant)
		log.WarnContext(ctx, "cannot read or open the card; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	approval, closed, err := h.authorize(ctx, msg, card)
	var decline *orders.Decline
	switch {
	case errors.As(err, &decline):
		return h.decided(ctx, log, msg, orders.ChargeRecord{
			OrderID: p.OrderID, State: orders.ChargeDeclined, Claimant: claimant,
			DeclineCode: decline.Code, DeclineReason: decline.Reason, UpdatedAt: h.clock.Now(),
		})
	case err != nil:
		h.release(ctx, log, p.OrderID, claimant)
		log.WarnContext(ctx, "authorization did not conclude; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	if closed {
		log.InfoContext(ctx, "payment task closed while authorizing")
	}
	return h.decided(ctx, log, msg, orders.ChargeRecord{
		OrderID: p.OrderID, State: orders.ChargeApproved, Claimant: claimant,
		AuthorizationID: approval.AuthorizationID, AuthorizedAt: approval.AuthorizedAt.UTC(), UpdatedAt: h.clock.Now(),
	})
}

// openCard reads the placement's card from the vault and opens it. A card
// that is gone (deleted, or past its expiry) or can never be opened comes
// back as *invalidPayment; anything else is worth retrying.
func (h *Handler) openCard(ctx context.Context, p orders.PaymentRequest) (orders.CardSecret, error) {
	entry, err := h.vault.GetCard(ctx, p.OrderID, p.VaultRef)
	if errors.Is(err, orders.ErrNotFound) || (err == nil && entry.Expired(h.clock.Now())) {
		return orders.CardSecret{}, invalidf("the card is no longer held for order %s", p.OrderID)
	}
	if errors.Is(err, orders.ErrCardUnreadable) {
		return orders.CardSecret{}, invalidf("the sealed card cannot be opened for order %s", p.OrderID)
	}
	if err != nil {
		return orders.CardSecret{}, err
	}
	card, err := h.cards.OpenCard(ctx, p.OrderID, entry.Sealed)
	clear(entry.Sealed)
	if errors.Is(err, orders.ErrCardUnreadable) {
		return orders.CardSecret{}, invalidf("the sealed card cannot be opened for order %s", p.OrderID)
	}
	if err != nil {
		return orders.CardSecret{}, err
	}
	if card.Number == "" {
		return orders.CardSecret{}, invalidf("the sealed card does not hold a card")
	}
	if orders.Last4(card.Number) != p.Card.Last4 {
		return orders.CardSecret{}, invalidf("the sealed card does not match card.last4")
	}
	return card, nil
}

// decided stores a decision and deletes the card in one write, then
// answers the task with it. If the decision cannot be stored, the message
// is retried (the card stays for it): the claim runs out and a redelivery
// asks the processor again, which answers from its own record of the
// orderId.
func (h *Handler) decided(ctx context.Context, log *slog.Logger, msg parsed, rec orders.ChargeRecord) disposition {
	if err := h.charges.Settle(ctx, rec, vaultRefOf(msg.payment)); err != nil {
		log.WarnContext(ctx, "cannot store the charge's decision; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	return h.answer(ctx, log, msg, rec)
}

// replay handles an order whose charge record already exists: a stored
// decision is answered again, never charged again; a live claim leaves the
// message for a later delivery.
func (h *Handler) replay(ctx context.Context, log *slog.Logger, msg parsed, rec orders.ChargeRecord) disposition {
	log = log.With("chargeState", rec.State)
	switch rec.State {
	case orders.ChargeApproved, orders.ChargeDeclined:
		h.forget(ctx, log, msg.payment)
		log.InfoContext(ctx, "charge already decided; answering with the stored decision")
		return h.answer(ctx, log, msg, rec)
	case orders.ChargeVoided:
		h.forget(ctx, log, msg.payment)
		log.InfoContext(ctx, "charge already voided", "outcome", orders.PaymentVoided)
		return dispositionDone
	}
	log.InfoContext(ctx, "charge claimed elsewhere; will retry", "leaseUntil", rec.LeaseUntil.UTC().Format(time.RFC3339), "outcome", "RETRY")
	return dispositionRetry
}

// release gives up a claim; failing to is only logged, since the lease
// ends anyway.
func (h *Handler) release(ctx context.Context, log *slog.Logger, orderID, claimant string) {
	if err := h.charges.Release(ctx, orderID, claimant); err != nil {
		log.WarnContext(ctx, "cannot release the charge claim; it will expire", "error", err.Error())
	}
}

// vaultRefOf is the vault reference of the placement's card, or "" for a
// tokenized order, for which nothing was vaulted.
func vaultRefOf(p orders.PaymentRequest) string {
	if p.PaymentMethod != "" {
		return ""
	}
	return p.VaultRef
}

// forget deletes the placement's card from the vault; failing to is only
// logged, since the vault's TTL removes it anyway.
func (h *Handler) forget(ctx context.Context, log *slog.Logger, p orders.PaymentRequest) {
	if vaultRefOf(p) == "" {
		return
	}
	if err := h.vault.DeleteCard(ctx, p.OrderID, p.VaultRef); err != nil {
		log.WarnContext(ctx, "cannot delete the card from the vault; its TTL will", "error", err.Error())
	}
}

// charge builds the processor's request; the orderId is its idempotency
// key.
func charge(p orders.PaymentRequest, card orders.CardSecret) orders.Charge {
	return orders.Charge{OrderID: p.OrderID, Amount: p.Amount, Currency: p.Currency, Card: card, PaymentMethod: p.PaymentMethod}
}
