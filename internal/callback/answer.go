package callback

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/payflow-dev/payflow/internal/orders"
)

// answer sends a stored decision to the waiting task.
func (h *Handler) answer(ctx context.Context, log *slog.Logger, msg parsed, rec orders.ChargeRecord) disposition {
	if rec.State == orders.ChargeDeclined {
		return h.fail(ctx, log, msg.token, rec.DeclineCode, rec.DeclineReason)
	}
	p := msg.payment
	err := h.tasks.Succeed(ctx, msg.token, orders.Authorization{
		Status:          orders.PaymentPaid,
		AuthorizationID: rec.AuthorizationID,
		AuthorizedAt:    rec.AuthorizedAt.UTC().Format(time.RFC3339),
		Notification:    notification(p, orders.PaymentPaid, ""),
	})
	log = log.With("outcome", orders.PaymentPaid, "authorizationId", rec.AuthorizationID)
	switch {
	case err == nil:
		log.InfoContext(ctx, "payment task answered")
		return dispositionDone
	case errors.Is(err, orders.ErrTaskClosed):
		return h.closedAfterApproval(ctx, log, msg, rec)
	default:
		log.WarnContext(ctx, "cannot answer payment task; will retry", "error", err.Error())
		return dispositionRetry
	}
}

// closedAfterApproval handles an approval the task can no longer take. If
// the execution succeeded, an earlier answer of ours was taken and all is
// well. Otherwise the workflow ended without it (timed out, stopped): the
// authorization is voided, a VOIDED notification published and the record
// marked, so that nobody is charged for an order the shop sees as unpaid.
func (h *Handler) closedAfterApproval(ctx context.Context, log *slog.Logger, msg parsed, rec orders.ChargeRecord) disposition {
	if msg.executionARN != "" {
		status, err := h.tasks.ExecutionStatus(ctx, msg.executionARN)
		if err != nil {
			log.WarnContext(ctx, "cannot read the execution of a closed task; will retry", "error", err.Error(), "outcome", "RETRY")
			return dispositionRetry
		}
		if status == orders.ExecutionSucceeded {
			log.InfoContext(ctx, "payment task already answered with this approval")
			return dispositionDone
		}
	}
	p := msg.payment
	err := h.processor.Void(ctx, orders.VoidRequest{OrderID: p.OrderID, AuthorizationID: rec.AuthorizationID})
	if err != nil {
		log.WarnContext(ctx, "cannot void the orphaned authorization; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	note := notification(p, orders.PaymentVoided, "The workflow ended before it took the authorization, so it was voided.")
	if err := h.notifier.Notify(ctx, note); err != nil {
		log.WarnContext(ctx, "cannot publish the VOIDED notification; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	if err := h.charges.MarkVoided(ctx, p.OrderID, h.clock.Now()); err != nil {
		log.WarnContext(ctx, "cannot record the void; will retry", "error", err.Error(), "outcome", "RETRY")
		return dispositionRetry
	}
	log.InfoContext(ctx, "payment task closed after approval; authorization voided", "outcome", orders.PaymentVoided)
	return dispositionDone
}

// fail answers the task with a named error.
func (h *Handler) fail(ctx context.Context, log *slog.Logger, token, name, cause string) disposition {
	err := h.tasks.Fail(ctx, token, name, cause)
	log = log.With("outcome", name, "cause", cause)
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

// notification describes the order's outcome for the topic.
func notification(p orders.PaymentRequest, status, reason string) orders.Notification {
	return orders.Notification{
		OrderID: p.OrderID, Status: status, Amount: p.Amount, Currency: p.Currency,
		Brand: p.Card.Brand, Last4: p.Card.Last4, Reason: reason,
	}
}
