package functions

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/opsmetrics"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/console"
)

// emitted aggregates the EMF lines written to out as the local console
// would show them: "Metric Dim=Value,...: count".
func emitted(tb testing.TB, out *bytes.Buffer) []string {
	tb.Helper()
	feed := console.NewFeed(0)
	if _, err := feed.Write(out.Bytes()); err != nil {
		tb.Fatal(err)
	}
	var got []string
	for _, m := range feed.Metrics() {
		var dims []string
		for k, v := range m.Dimensions {
			dims = append(dims, k+"="+v)
		}
		got = append(got, m.Name+" "+strings.Join(sorted(dims), ",")+": "+strconv.FormatFloat(m.Sum, 'f', -1, 64))
	}
	return got
}

func TestPostOrdersIsCountedByAnswer(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	m := opsmetrics.New(&out, clock.NewFake(time.Unix(0, 0)))
	status := map[string]int{"new": http.StatusAccepted, "again": http.StatusOK, "clash": http.StatusConflict,
		"bad": http.StatusUnprocessableEntity, "broken": http.StatusServiceUnavailable}
	h := countOrders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Query().Get("id")
		w.Header().Set("Location", "/orders/"+id+"/status")
		w.WriteHeader(status[id])
	}), m)
	for _, id := range []string{"new", "new", "again", "clash", "bad", "broken"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/orders?id="+id, nil))
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/orders/new/status?id=new", nil))
	want := []string{"Orders Result=accepted: 2", "Orders Result=conflicted: 1", "Orders Result=rejected: 1", "Orders Result=replayed: 1"}
	if diff := cmp.Diff(want, emitted(t, &out)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	if !strings.Contains(out.String(), `"orderId":"new"`) || strings.Contains(out.String(), `"Dimensions":[["orderId"`) {
		t.Errorf("the order id should be a property, not a dimension:\n%s", out.String())
	}
}

// answers is a processor whose answer depends on the order id.
type answers struct{}

func (answers) Authorize(_ context.Context, c orders.Charge) (orders.Approval, error) {
	switch c.OrderID {
	case "declined":
		return orders.Approval{}, &orders.Decline{Code: orders.ErrorInsufficientFunds, Reason: "no funds"}
	case "down":
		return orders.Approval{}, errors.New("processor unreachable")
	}
	return orders.Approval{AuthorizationID: "auth-" + c.OrderID}, nil
}

func (answers) Void(context.Context, orders.VoidRequest) error { return nil }

func TestPaymentsAreCountedByOutcome(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	c := clock.NewFake(time.Unix(0, 0))
	p := measure(answers{}, opsmetrics.New(&out, c), c)
	for _, id := range []string{"paid", "declined", "down"} {
		_, _ = p.Authorize(context.Background(), orders.Charge{OrderID: id})
	}
	if err := p.Void(context.Background(), orders.VoidRequest{OrderID: "paid", AuthorizationID: "auth-paid"}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"AuthorizationLatency Service=callback: 0",
		"Payments Outcome=DECLINED: 1",
		"Payments Outcome=DECLINED,Reason=Payment.InsufficientFunds: 1",
		"Payments Outcome=PAID: 1",
		"Payments Outcome=VOIDED: 1",
	}
	if diff := cmp.Diff(want, emitted(t, &out)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
}

func TestBatchesAreCountedWithTheirFailures(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	h := countBatches(func(context.Context, events.SQSEvent) (events.SQSEventResponse, error) {
		return events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{{ItemIdentifier: "b"}}}, nil
	}, opsmetrics.New(&out, clock.NewFake(time.Unix(0, 0))))
	if _, err := h(context.Background(), events.SQSEvent{Records: []events.SQSMessage{{MessageId: "a"}, {MessageId: "b"}, {MessageId: "c"}}}); err != nil {
		t.Fatal(err)
	}
	want := []string{"CallbackBatchItemFailures Service=callback: 1", "CallbackBatchSize Service=callback: 3"}
	if diff := cmp.Diff(want, emitted(t, &out)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
}

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}
