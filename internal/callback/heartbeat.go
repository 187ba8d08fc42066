package callback

import (
	"context"
	"errors"
	"log/slog"
	"sync/atomic"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
)

// authorize charges the card while a companion goroutine sends a heartbeat
// every h.heartbeat. The authorization is never cancelled because the task
// closed: a charge request already on its way to the processor may
// succeed, and only its answer tells whether there is something to void.
// closed reports whether a heartbeat learnt that the task is closed.
func (h *Handler) authorize(ctx context.Context, msg parsed, card orders.CardSecret) (approval orders.Approval, closed bool, err error) {
	beatCtx, stop := context.WithCancel(ctx)
	defer stop()
	var taskGone atomic.Bool
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		h.beat(beatCtx, msg.token, msg.payment.OrderID, func() { taskGone.Store(true) })
	}()
	approval, err = h.processor.Authorize(ctx, charge(msg.payment, card))
	stop()
	<-stopped
	return approval, taskGone.Load(), err
}

// beat sends heartbeats until ctx is done, calling onClosed and returning
// if Step Functions says the task is closed. Other heartbeat errors are
// logged and the beat goes on: a missed heartbeat is not a failed payment.
func (h *Handler) beat(ctx context.Context, token, orderID string, onClosed func()) {
	for {
		if !clock.Sleep(h.clock, h.heartbeat, ctx.Done()) {
			return
		}
		err := h.tasks.Heartbeat(ctx, token)
		switch {
		case err == nil:
			h.log.DebugContext(ctx, "payment heartbeat sent", slog.String("orderId", orderID))
		case ctx.Err() != nil:
			return
		case errors.Is(err, orders.ErrTaskClosed):
			h.log.InfoContext(ctx, "payment task closed while authorizing", "orderId", orderID, "reason", err.Error())
			onClosed()
			return
		default:
			h.log.WarnContext(ctx, "payment heartbeat failed", "orderId", orderID, "error", err.Error())
		}
	}
}
