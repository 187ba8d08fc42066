package callback_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/internal/callback"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
	"github.com/payflow-dev/payflow/internal/tracing"
)

// tracedTasks records the trace header of each task answer's context.
type tracedTasks struct {
	mu      sync.Mutex
	headers map[string]string
}

func (t *tracedTasks) note(ctx context.Context, token string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.headers[token] = tracing.Header(ctx)
	return nil
}

func (t *tracedTasks) Succeed(ctx context.Context, token string, _ orders.Authorization) error {
	return t.note(ctx, token)
}

func (t *tracedTasks) Fail(ctx context.Context, token, _, _ string) error { return t.note(ctx, token) }

func (t *tracedTasks) Heartbeat(context.Context, string) error { return nil }

func (t *tracedTasks) ExecutionStatus(context.Context, string) (string, error) { return "RUNNING", nil }

type noCards struct{}

func (noCards) OpenCard(context.Context, string, []byte) (orders.CardSecret, error) {
	return orders.CardSecret{}, errors.New("no card in this test")
}

// TestEachAnswerContinuesItsMessagesTrace sends two unusable payments with
// different trace headers in one batch: each SendTaskFailure is made with
// the trace of its own message (Step Functions sets AWSTraceHeader when
// the state machine is traced), so the answer joins that execution's
// trace.
func TestEachAnswerContinuesItsMessagesTrace(t *testing.T) {
	t.Parallel()
	tasks := &tracedTasks{headers: map[string]string{}}
	vault := orderstest.NewVault()
	h, err := callback.New(callback.Config{
		Tasks: tasks, Cards: noCards{}, Vault: vault, Charges: newFakeCharges(vault), Notifier: &fakeNotifier{},
		Processor: declineAll{},
	})
	if err != nil {
		t.Fatal(err)
	}
	batch := events.SQSEvent{Records: []events.SQSMessage{
		{MessageId: "m1", Body: `{"taskToken":"t1","payment":"not an object"}`, Attributes: map[string]string{"AWSTraceHeader": "Root=1-aaa;Sampled=1"}},
		{MessageId: "m2", Body: `{"taskToken":"t2","payment":"not an object"}`, Attributes: map[string]string{"AWSTraceHeader": "Root=1-bbb;Sampled=1"}},
		{MessageId: "m3", Body: `{"taskToken":"t3","payment":"not an object"}`},
	}}
	if _, err := h.Handle(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"t1": "Root=1-aaa;Sampled=1", "t2": "Root=1-bbb;Sampled=1", "t3": ""}
	tasks.mu.Lock()
	defer tasks.mu.Unlock()
	for token, header := range want {
		got, answered := tasks.headers[token]
		if !answered || got != header {
			t.Errorf("task %s answered=%v with trace %q, want %q", token, answered, got, header)
		}
	}
}

type declineAll struct{}

func (declineAll) Authorize(context.Context, orders.Charge) (orders.Approval, error) {
	return orders.Approval{}, &orders.Decline{Code: orders.ErrorDeclined, Reason: "test"}
}

func (declineAll) Void(context.Context, orders.VoidRequest) error { return nil }
