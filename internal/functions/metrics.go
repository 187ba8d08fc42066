package functions

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/opsmetrics"
	"github.com/payflow-dev/payflow/internal/orders"
)

// countOrders records how the API answered each POST /orders, read from
// the response status at the edge, so that the handlers stay unaware of
// metrics.
func countOrders(next http.Handler, m *opsmetrics.Recorder) http.Handler {
	if m == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/orders" {
			next.ServeHTTP(w, r)
			return
		}
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		result, ok := orderResult(sw.status)
		if !ok {
			return
		}
		// The Location header names the order for 200 and 202; the id is
		// a property of the document, never a dimension.
		id := strings.TrimSuffix(strings.TrimPrefix(sw.Header().Get("Location"), "/orders/"), "/status")
		m.Order(result, id)
	})
}

// orderResult maps a POST /orders status to the answer it counts as;
// server-side failures are counted by API Gateway's 5xx metric instead.
func orderResult(status int) (opsmetrics.OrderResult, bool) {
	switch {
	case status == http.StatusAccepted:
		return opsmetrics.Accepted, true
	case status == http.StatusOK:
		return opsmetrics.Replayed, true
	case status == http.StatusConflict:
		return opsmetrics.Conflicted, true
	case status >= 400 && status < 500:
		return opsmetrics.Rejected, true
	}
	return "", false
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// measuredProcessor counts each authorization's outcome and times it.
// An error that is neither an approval nor a decline (the processor was
// unreachable) is no outcome: the message is retried.
type measuredProcessor struct {
	next    orders.PaymentProcessor
	metrics *opsmetrics.Recorder
	clock   clock.Clock
}

func measure(p orders.PaymentProcessor, m *opsmetrics.Recorder, c clock.Clock) orders.PaymentProcessor {
	if m == nil {
		return p
	}
	return measuredProcessor{next: p, metrics: m, clock: c}
}

func (p measuredProcessor) Authorize(ctx context.Context, c orders.Charge) (orders.Approval, error) {
	start := p.clock.Now()
	a, err := p.next.Authorize(ctx, c)
	took := p.clock.Now().Sub(start)
	var decline *orders.Decline
	switch {
	case err == nil:
		p.metrics.Payment("PAID", "", took, c.OrderID)
	case errors.As(err, &decline):
		p.metrics.Payment("DECLINED", decline.Code, took, c.OrderID)
	}
	return a, err
}

func (p measuredProcessor) Void(ctx context.Context, v orders.VoidRequest) error {
	err := p.next.Void(ctx, v)
	if err == nil {
		p.metrics.Void(v.OrderID)
	}
	return err
}

// countBatches records each batch's size and partial failures.
func countBatches(h CallbackHandler, m *opsmetrics.Recorder) CallbackHandler {
	if m == nil {
		return h
	}
	return func(ctx context.Context, e events.SQSEvent) (events.SQSEventResponse, error) {
		resp, err := h(ctx, e)
		m.Batch(len(e.Records), len(resp.BatchItemFailures))
		return resp, err
	}
}
