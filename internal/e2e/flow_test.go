package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/cmd/local/hosted"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/eventsource"
	"github.com/payflow-dev/payflow/localaws/stack"
)

func TestPaymentOutcomes(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true})
	tests := []struct {
		name              string
		card              string
		wantStatus        string
		wantPaymentStatus string
		wantError         string
	}{
		{"approved", cardApproved, orders.ExecutionSucceeded, orders.PaymentPaid, ""},
		{"declined", cardDeclined, orders.ExecutionFailed, orders.PaymentDeclined, orders.ErrorDeclined},
		{"insufficient funds", cardInsufficient, orders.ExecutionFailed, orders.PaymentDeclined, orders.ErrorInsufficientFunds},
	}
	t.Run("orders", func(t *testing.T) {
		for i, tt := range tests {
			id := fmt.Sprintf("outcome-%d", i)
			t.Run(tt.name, func(t *testing.T) {
				t.Parallel()
				code, placed := h.place(newOrder(id, tt.card))
				if code != 202 || placed.ExecutionArn == "" {
					t.Fatalf("POST /orders = %d %+v, want 202 with an execution", code, placed)
				}
				got := h.waitTerminal(id, 0)
				if got.Status != tt.wantStatus || got.PaymentStatus != tt.wantPaymentStatus || got.Error != tt.wantError {
					t.Errorf("status = %s/%s error %q, want %s/%s error %q",
						got.Status, got.PaymentStatus, got.Error, tt.wantStatus, tt.wantPaymentStatus, tt.wantError)
				}
			})
		}
	})
	notes := h.notifications()
	for i, tt := range tests {
		id := fmt.Sprintf("outcome-%d", i)
		if n := notes[id]; len(n) != 1 || n[0].Status != tt.wantPaymentStatus {
			t.Errorf("notifications for %s (%s) = %+v, want exactly one %s", id, tt.name, n, tt.wantPaymentStatus)
		}
	}
	h.checkNoCardData(cardApproved, cardDeclined, cardInsufficient)
	h.checkVaultEmpty(t, "outcome-0", "outcome-1", "outcome-2")
}

func TestDuplicateAndConflictingOrders(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true})
	o := newOrder("dup-1", cardApproved)
	code, first := h.place(o)
	if code != 202 {
		t.Fatalf("first POST = %d", code)
	}
	code, again := h.place(o)
	if code != 200 || again.ExecutionArn != first.ExecutionArn {
		t.Errorf("replay = %d %s, want 200 with execution %s", code, again.ExecutionArn, first.ExecutionArn)
	}
	changed := o
	changed.Amount = 999.99
	if code, body := h.do("POST", "/orders", changed); code != 409 {
		t.Errorf("conflicting POST = %d %s, want 409", code, body)
	}
	if got := h.waitTerminal("dup-1", 0); got.PaymentStatus != orders.PaymentPaid {
		t.Errorf("status = %+v", got)
	}
	// A replay after the end still answers with the one execution.
	if code, late := h.place(o); code != 200 || late.ExecutionArn != first.ExecutionArn {
		t.Errorf("late replay = %d %s", code, late.ExecutionArn)
	}
	if n := h.notifications()["dup-1"]; len(n) != 1 {
		t.Errorf("notifications for dup-1 = %+v, want exactly one", n)
	}
	if n := h.executions("dup-1"); n != 1 {
		t.Errorf("%d executions named dup-1, want exactly one", n)
	}
	h.checkNoCardData(cardApproved)
}

func TestCallbackThatNeverComesTimesOut(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true, noCallback: true})
	if code, _ := h.place(newOrder("late-1", cardApproved)); code != 202 {
		t.Fatalf("POST = %d", code)
	}
	waitFor(t, "the payment request on the queue", func() bool { return h.count(h.paymentQueue) == 1 })
	got := h.waitTerminal("late-1", 5*time.Minute)
	if got.Status != orders.ExecutionFailed && got.Status != orders.ExecutionTimedOut || got.PaymentStatus != orders.PaymentTimedOut {
		t.Errorf("status = %+v, want a TIMED_OUT payment", got)
	}
	if n := h.notifications()["late-1"]; len(n) != 1 || n[0].Status != orders.PaymentTimedOut {
		t.Errorf("notifications = %+v, want exactly one TIMED_OUT", n)
	}
	h.checkNoCardData(cardApproved)
	h.checkVaultEmpty(t, "late-1") // the workflow forgets the card on timeout
}

func TestTransientErrorIsRetriedThenDeadLettered(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true, noCallback: true})
	defer dumpLogs(t, h)
	batches := h.startCallback(t)
	seconds := h.visibilitySeconds()
	if code, _ := h.place(newOrder("flaky-1", cardTransient)); code != 202 {
		t.Fatalf("POST = %d", code)
	}
	// After each failed delivery, let the visibility timeout pass so the
	// message comes back; the queue's redrive moves it to the DLQ once it
	// has been received maxReceiveCount times.
	deliveries := 0
	for h.count(h.dlq) == 0 {
		select {
		case <-batches:
			deliveries++
		case <-time.After(20 * time.Second):
			t.Fatalf("no delivery after %d (payment queue holds %d)", deliveries, h.count(h.paymentQueue))
		}
		waitFor(t, "the failed message back in flight", func() bool {
			return h.queueAttributes(h.paymentQueue, "ApproximateNumberOfMessagesNotVisible")["ApproximateNumberOfMessagesNotVisible"] == "1"
		})
		h.clock.Advance(time.Duration(seconds+1) * time.Second)
		if deliveries == h.maxReceiveCount() {
			waitFor(t, "the message in the DLQ", func() bool { return h.count(h.dlq) == 1 })
		}
	}
	if deliveries != h.maxReceiveCount() {
		t.Errorf("delivered %d times before dead-lettering, want maxReceiveCount = %d", deliveries, h.maxReceiveCount())
	}
	if n := h.count(h.paymentQueue); n != 0 {
		t.Errorf("payment queue still holds %d messages", n)
	}
	got := h.waitTerminal("flaky-1", 5*time.Minute)
	if got.Status == orders.ExecutionSucceeded {
		t.Errorf("status = %+v, want a failed payment", got)
	}
	if n := h.notifications()["flaky-1"]; len(n) != 1 {
		t.Errorf("notifications = %+v, want exactly one", n)
	}
	h.checkNoCardData(cardTransient)
}

func TestPoisonedMessageDoesNotFailItsBatch(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true, noCallback: true})
	ids := []string{"batch-1", "batch-2", "batch-3"}
	cards := []string{cardApproved, cardDeclined, cardApproved}
	for i, id := range ids {
		if code, _ := h.place(newOrder(id, cards[i])); code != 202 {
			t.Fatalf("POST %s = %d", id, code)
		}
	}
	_, err := h.sqs.SendMessage(context.Background(), &sqs.SendMessageInput{
		QueueUrl: aws.String(h.paymentQueue), MessageBody: aws.String(`{"this is": "not a payment"`),
	})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "four messages waiting", func() bool { return h.count(h.paymentQueue) == 4 })
	sizes := h.startCallback(t)
	for i, id := range ids {
		want := orders.PaymentPaid
		if cards[i] == cardDeclined {
			want = orders.PaymentDeclined
		}
		if got := h.waitTerminal(id, 0); got.PaymentStatus != want {
			t.Errorf("%s = %+v, want %s", id, got, want)
		}
	}
	if first := <-sizes; first != 4 {
		t.Errorf("first batch had %d records, want all 4 together", first)
	}
	seconds := h.visibilitySeconds()
	waitFor(t, "the poisoned message in the DLQ", func() bool {
		h.clock.Advance(time.Duration(seconds+1) * time.Second)
		return h.count(h.dlq) == 1
	})
	notes := h.notifications()
	for _, id := range ids {
		if len(notes[id]) != 1 {
			t.Errorf("notifications for %s = %+v, want exactly one", id, notes[id])
		}
	}
	h.checkNoCardData(cardApproved, cardDeclined)
}

// startCallback starts the template's callback function late, reporting
// the size of each batch once the function has handled it.
func (h *harness) startCallback(tb testing.TB) <-chan int {
	tb.Helper()
	done := make(chan int, 100)
	build := hosted.Code().Queue["CallbackFunction"]
	err := h.local.StartQueueFunction(h.callbackID, func(ctx context.Context, d stack.FunctionDeps) (eventsource.Handler, error) {
		inner, err := build(ctx, d)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
			defer func() { done <- len(ev.Records) }()
			return inner(ctx, ev)
		}, nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return done
}

func (h *harness) visibilitySeconds() int {
	var n int
	fmt.Sscan(h.queueAttributes(h.paymentQueue, "VisibilityTimeout")["VisibilityTimeout"], &n)
	return n
}

func (h *harness) maxReceiveCount() int {
	var redrive struct {
		MaxReceiveCount json.Number `json:"maxReceiveCount"`
	}
	if err := json.Unmarshal([]byte(h.queueAttributes(h.paymentQueue, "RedrivePolicy")["RedrivePolicy"]), &redrive); err != nil {
		h.tb.Fatal(err)
	}
	n, err := redrive.MaxReceiveCount.Int64()
	if err != nil {
		h.tb.Fatal(err)
	}
	return int(n)
}

// waitFor polls cond for up to 20 seconds.
func waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
