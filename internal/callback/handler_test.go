package callback_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/callback"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
	"github.com/payflow-dev/payflow/internal/simulator"
)

var t0 = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

const paidOutput = `{"Status":"PAID","AuthorizationID":"auth-test","AuthorizedAt":"2026-11-26T10:00:00Z"}`

const rawCause = "the payment carries raw card fields (creditCardNumber, cvv, expiry, nameOnCard); " +
	"cards must be sealed by the orders API, never sent in clear"

func heartbeat(token string) call { return call{Op: "SendTaskHeartbeat", Token: token} }

func success(token string) call {
	return call{Op: "SendTaskSuccess", Token: token, Output: paidOutput}
}

func failure(token, name, cause string) call {
	return call{Op: "SendTaskFailure", Token: token, Error: name, Cause: cause}
}

// rig is a Handler wired to fakes and a simulator on a fake clock.
type rig struct {
	handler   *callback.Handler
	tasks     *fakeTasks
	processor *simulator.Processor
	vault     *orderstest.Vault
	charges   *fakeCharges
	notifier  *fakeNotifier
	clock     *clock.Fake
	logs      *logtest.Buffer
}

func newRig(tb testing.TB, tasks *fakeTasks, keys *fakeCards, latency time.Duration) *rig {
	tb.Helper()
	fake := clock.NewFake(t0)
	r := &rig{
		tasks: tasks, clock: fake, logs: &logtest.Buffer{},
		processor: simulator.New(simulator.Config{
			Clock: fake, Latency: latency, NewID: func() string { return "auth-test" },
		}),
		vault: orderstest.NewVault(), notifier: &fakeNotifier{},
	}
	r.charges = newFakeCharges(r.vault)
	stockVault(tb, r.vault)
	h, err := callback.New(callback.Config{
		Tasks: tasks, Cards: keys, Vault: r.vault, Charges: r.charges, Notifier: r.notifier,
		Processor: r.processor, Clock: fake, Logger: testLogger(r.logs), Heartbeat: time.Minute,
	})
	if err != nil {
		tb.Fatal(err)
	}
	r.handler = h
	return r
}

// failedIDs lists the message ids of BatchItemFailures.
func failedIDs(resp events.SQSEventResponse) []string {
	ids := []string{}
	for _, f := range resp.BatchItemFailures {
		ids = append(ids, f.ItemIdentifier)
	}
	return ids
}

func throttled() error {
	return fmt.Errorf("ThrottlingException: Rate exceeded: %w", orders.ErrUnavailable)
}

func TestHandleFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		fixture       string
		tasksErr      func(op, token string) error
		kmsErr        func(orderID string) error
		wantFailed    []string
		wantCalls     []call
		wantPerformed int
	}{
		{
			name: "approved", fixture: "approved.json",
			wantFailed: []string{}, wantPerformed: 1,
			wantCalls: []call{heartbeat("token-approved"), success("token-approved")},
		},
		{
			name: "declined", fixture: "declined.json",
			wantFailed: []string{}, wantPerformed: 1,
			wantCalls: []call{
				heartbeat("token-declined"),
				failure("token-declined", orders.ErrorDeclined, "the card was declined by its issuer"),
			},
		},
		{
			name: "insufficient funds", fixture: "insufficient_funds.json",
			wantFailed: []string{}, wantPerformed: 1,
			wantCalls: []call{
				heartbeat("token-funds"),
				failure("token-funds", orders.ErrorInsufficientFunds, "the card has insufficient funds"),
			},
		},
		{
			name: "expiry in the past", fixture: "card_expired.json",
			wantFailed: []string{}, wantPerformed: 1,
			wantCalls: []call{
				heartbeat("token-expired"),
				failure("token-expired", orders.ErrorCardExpired, "the card expired at the end of 01/24"),
			},
		},
		{
			name: "transient processor error is retried", fixture: "transient.json",
			wantFailed: []string{"msg-transient"}, wantPerformed: 0,
			wantCalls: []call{heartbeat("token-transient")},
		},
		{
			name: "task already timed out is completed without charging", fixture: "closed_token.json",
			tasksErr: func(string, string) error {
				return closed("Task Timed Out")
			},
			wantFailed: []string{}, wantPerformed: 0,
			wantCalls: []call{heartbeat("token-closed")},
		},
		{
			name: "task closed before the answer is completed", fixture: "closed_token.json",
			tasksErr: func(op, _ string) error {
				if op == "SendTaskSuccess" {
					return closed("Task does not exist")
				}
				return nil
			},
			wantFailed: []string{}, wantPerformed: 1,
			wantCalls: []call{heartbeat("token-closed"), success("token-closed")},
		},
		{
			name: "invalid token is completed", fixture: "closed_token.json",
			tasksErr: func(string, string) error {
				return closed("Invalid token")
			},
			wantFailed: []string{}, wantPerformed: 0,
			wantCalls: []call{heartbeat("token-closed")},
		},
		{
			name: "throttled answer is retried", fixture: "approved.json",
			tasksErr: func(op, _ string) error {
				if op == "SendTaskSuccess" {
					return throttled()
				}
				return nil
			},
			wantFailed: []string{"msg-approved"}, wantPerformed: 1,
			wantCalls: []call{heartbeat("token-approved"), success("token-approved")},
		},
		{
			name: "throttled heartbeat does not stop the payment", fixture: "approved.json",
			tasksErr: func(op, _ string) error {
				if op == "SendTaskHeartbeat" {
					return throttled()
				}
				return nil
			},
			wantFailed: []string{}, wantPerformed: 1,
			wantCalls: []call{heartbeat("token-approved"), success("token-approved")},
		},
		{
			name: "throttled KMS is retried", fixture: "approved.json",
			kmsErr:     func(string) error { return throttled() },
			wantFailed: []string{"msg-approved"}, wantPerformed: 0,
			wantCalls: []call{heartbeat("token-approved")},
		},
		{
			name: "no usable token goes the dead-letter way", fixture: "malformed_no_token.json",
			wantFailed: []string{"msg-not-json", "msg-no-token"}, wantPerformed: 0,
			wantCalls: nil,
		},
		{
			name: "walkthrough's raw card fields fail the task", fixture: "walkthrough_raw.json",
			wantFailed: []string{}, wantPerformed: 0,
			wantCalls: []call{
				failure("token-raw-flat", orders.ErrorInvalidRequest, rawCause),
				failure("token-raw-nested", orders.ErrorInvalidRequest, rawCause),
			},
		},
		{
			name: "unusable sealed card or payment fails the task", fixture: "invalid_sealed_card.json",
			wantFailed: []string{}, wantPerformed: 0,
			wantCalls: []call{
				failure("token-bad-amount", orders.ErrorInvalidRequest,
					"the payment request is invalid: amount must be a positive decimal with two fraction digits"),
				heartbeat("token-not-base64"),
				failure("token-not-base64", orders.ErrorInvalidRequest, "the card is no longer held for order order-b64"),
				heartbeat("token-wrong-context"),
				failure("token-wrong-context", orders.ErrorInvalidRequest, "the sealed card cannot be opened for order order-stolen"),
			},
		},
		{
			name: "sealed card whose last 4 is not the message's fails the task", fixture: "last4_mismatch.json",
			wantFailed: []string{}, wantPerformed: 0,
			wantCalls: []call{
				heartbeat("token-last4"),
				failure("token-last4", orders.ErrorInvalidRequest, "the sealed card does not match card.last4"),
			},
		},
		{
			name: "amount of 0.00 fails the task without charging", fixture: "zero_amount.json",
			wantFailed: []string{}, wantPerformed: 0,
			wantCalls: []call{
				failure("token-zero", orders.ErrorInvalidRequest,
					"the payment request is invalid: amount must be a positive decimal with two fraction digits"),
			},
		},
		{
			name: "one poisoned message does not fail its neighbours", fixture: "mixed_batch.json",
			wantFailed: []string{"msg-mixed-poison"}, wantPerformed: 3,
			wantCalls: []call{
				heartbeat("token-mixed-1"), success("token-mixed-1"),
				heartbeat("token-mixed-2"),
				failure("token-mixed-2", orders.ErrorDeclined, "the card was declined by its issuer"),
				heartbeat("token-mixed-3"), success("token-mixed-3"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tasks := &fakeTasks{errFor: tt.tasksErr}
			r := newRig(t, tasks, &fakeCards{errFor: tt.kmsErr}, 0)
			resp, err := r.handler.Handle(t.Context(), loadEvent(t, tt.fixture))
			if err != nil {
				t.Fatalf("Handle returned an error, which would retry the whole batch: %v", err)
			}
			if diff := cmp.Diff(tt.wantFailed, failedIDs(resp)); diff != "" {
				t.Errorf("BatchItemFailures (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantCalls, tasks.sortedCalls()); diff != "" {
				t.Errorf("Step Functions calls (-want +got):\n%s", diff)
			}
			if got := r.processor.Performed(); got != tt.wantPerformed {
				t.Errorf("authorizations performed = %d, want %d", got, tt.wantPerformed)
			}
		})
	}
}

func TestRedeliveryAfterFailedAnswerChargesOnce(t *testing.T) {
	t.Parallel()
	answers := 0
	tasks := &fakeTasks{errFor: func(op, _ string) error {
		if op != "SendTaskSuccess" {
			return nil
		}
		answers++
		if answers == 1 {
			return fmt.Errorf("ServiceUnavailable: try again: %w", orders.ErrUnavailable)
		}
		return nil
	}}
	r := newRig(t, tasks, &fakeCards{}, 0)
	event := loadEvent(t, "approved.json")
	var failed [][]string
	for range 2 {
		resp, err := r.handler.Handle(t.Context(), event)
		if err != nil {
			t.Fatal(err)
		}
		failed = append(failed, failedIDs(resp))
	}
	if diff := cmp.Diff([][]string{{"msg-approved"}, {}}, failed); diff != "" {
		t.Errorf("failures per delivery (-want +got):\n%s", diff)
	}
	if got := r.processor.Performed(); got != 1 {
		t.Errorf("authorizations performed = %d, want 1 across both deliveries", got)
	}
	if got := tasks.count("SendTaskSuccess"); got != 2 {
		t.Errorf("SendTaskSuccess calls = %d, want 2 (same result sent again)", got)
	}
}

func TestNewRequiresDependencies(t *testing.T) {
	t.Parallel()
	if _, err := callback.New(callback.Config{Tasks: &fakeTasks{}}); err == nil {
		t.Error("New without Cards and Processor succeeded")
	}
	_, err := callback.New(callback.Config{
		Tasks: &fakeTasks{}, Cards: &fakeCards{}, Processor: simulator.New(simulator.Config{}), Heartbeat: -time.Second,
	})
	if err == nil {
		t.Error("New with a negative heartbeat succeeded")
	}
}

func TestHandleSurvivesCancelledContext(t *testing.T) {
	t.Parallel()
	r := newRig(t, &fakeTasks{}, &fakeCards{}, time.Hour)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	resp, err := r.handler.Handle(ctx, loadEvent(t, "approved.json"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"msg-approved"}, failedIDs(resp)); diff != "" {
		t.Errorf("an interrupted authorization must be retried (-want +got):\n%s", diff)
	}
	if errors.Is(err, context.Canceled) {
		t.Error("cancellation leaked out of Handle")
	}
}

// panickyProcessor panics for one order and approves the others.
type panickyProcessor struct{ orderID string }

func (p panickyProcessor) Void(context.Context, orders.VoidRequest) error { return nil }

func (p panickyProcessor) Authorize(_ context.Context, c orders.Charge) (orders.Approval, error) {
	if c.OrderID == p.orderID {
		panic("processor bug")
	}
	return orders.Approval{AuthorizationID: "auth-test", AuthorizedAt: t0}, nil
}

func TestPanicFailsOnlyItsOwnMessage(t *testing.T) {
	t.Parallel()
	tasks := &fakeTasks{}
	vault := orderstest.NewVault()
	stockVault(t, vault)
	h, err := callback.New(callback.Config{
		Tasks: tasks, Cards: &fakeCards{}, Vault: vault, Charges: newFakeCharges(vault), Notifier: &fakeNotifier{},
		Processor: panickyProcessor{orderID: "order-mixed-2"}, Clock: clock.NewFake(t0),
	})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := h.Handle(t.Context(), loadEvent(t, "mixed_batch.json"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"msg-mixed-poison", "msg-mixed-2"}, failedIDs(resp)); diff != "" {
		t.Errorf("BatchItemFailures (-want +got):\n%s", diff)
	}
	if got := tasks.count("SendTaskSuccess"); got != 2 {
		t.Errorf("SendTaskSuccess calls = %d, want 2 for the healthy neighbours", got)
	}
}
