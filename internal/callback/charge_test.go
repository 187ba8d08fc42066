package callback_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/callback"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
	"github.com/payflow-dev/payflow/internal/simulator"
)

// flakyCharges fails Settle while failSettle is true, as a crash between
// the charge and recording it would leave things.
type flakyCharges struct {
	*fakeCharges
	failSettle bool
}

func (f *flakyCharges) Settle(ctx context.Context, rec orders.ChargeRecord, vaultRef string) error {
	if f.failSettle {
		return fmt.Errorf("settle: connection reset: %w", orders.ErrUnavailable)
	}
	return f.fakeCharges.Settle(ctx, rec, vaultRef)
}

// environment is one callback Lambda environment: its own handler over
// the shared vault, charge record and processor.
func environment(tb testing.TB, tasks callback.Tasks, vault *orderstest.Vault, charges callback.ChargeRecords, p *simulator.Processor, clk clock.Clock) *callback.Handler {
	tb.Helper()
	h, err := callback.New(callback.Config{
		Tasks: tasks, Cards: &fakeCards{}, Vault: vault, Charges: charges, Notifier: &fakeNotifier{},
		Processor: p, Clock: clk, Heartbeat: time.Minute,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

func TestTwoEnvironmentsChargeOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// breakA makes environment A fail after it charged.
		breakA     func(tasks *fakeTasks, charges *flakyCharges)
		advance    time.Duration // between the two deliveries
		wantFirstB []string      // B's failures on its first try
	}{
		{"answer fails after the charge was recorded", func(tasks *fakeTasks, _ *flakyCharges) {
			tasks.errFor = func(op, _ string) error {
				if op == "SendTaskSuccess" {
					return fmt.Errorf("throttled: %w", orders.ErrUnavailable)
				}
				return nil
			}
		}, 0, []string{}},
		{"crash between the charge and recording it, lease still live", func(_ *fakeTasks, c *flakyCharges) {
			c.failSettle = true
		}, 10 * time.Second, []string{"msg-approved"}},
		{"crash between the charge and recording it, lease expired", func(_ *fakeTasks, c *flakyCharges) {
			c.failSettle = true
		}, callback.DefaultLease + time.Second, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(t0)
			vault := orderstest.NewVault()
			stockVault(t, vault)
			charges := &flakyCharges{fakeCharges: newFakeCharges(vault)}
			processor := simulator.New(simulator.Config{Clock: clk, NewID: func() string { return "auth-test" }})
			tasksA, tasksB := &fakeTasks{}, &fakeTasks{}
			tt.breakA(tasksA, charges)
			a := environment(t, tasksA, vault, charges, processor, clk)
			b := environment(t, tasksB, vault, charges, processor, clk)
			event := loadEvent(t, "approved.json")

			resp, err := a.Handle(t.Context(), event)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{"msg-approved"}, failedIDs(resp)); diff != "" {
				t.Fatalf("A must leave the message for a redelivery (-want +got):\n%s", diff)
			}
			charges.failSettle = false
			clk.Advance(tt.advance)
			resp, err = b.Handle(t.Context(), event)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantFirstB, failedIDs(resp)); diff != "" {
				t.Errorf("B's first delivery (-want +got):\n%s", diff)
			}
			if len(tt.wantFirstB) > 0 {
				clk.Advance(callback.DefaultLease)
				if resp, err = b.Handle(t.Context(), event); err != nil || len(resp.BatchItemFailures) != 0 {
					t.Fatalf("B's delivery after the lease = %+v, %v", resp, err)
				}
			}
			if got := processor.Performed(); got != 1 {
				t.Errorf("the processor charged %d times, want 1", got)
			}
			if got := tasksB.count("SendTaskSuccess"); got != 1 {
				t.Errorf("B answered %d times, want once", got)
			}
			if rec := charges.get("order-approved"); rec.State != orders.ChargeApproved || rec.AuthorizationID != "auth-test" {
				t.Errorf("charge record = %+v, want APPROVED auth-test", rec)
			}
			if e, err := vault.GetCard(t.Context(), "order-approved", "ref-order-approved"); err == nil {
				t.Errorf("the vault still holds the authorized order's card: %+v", e.OrderID)
			}
		})
	}
}

func TestCardPastItsExpiryIsGone(t *testing.T) {
	t.Parallel()
	tasks := &fakeTasks{}
	r := newRig(t, tasks, &fakeCards{}, 0)
	r.clock.Advance(time.Hour) // stockVault's entries expire at t0+1h
	resp, err := r.handler.Handle(t.Context(), loadEvent(t, "approved.json"))
	if err != nil || len(resp.BatchItemFailures) != 0 {
		t.Fatalf("Handle = %+v, %v", resp, err)
	}
	want := []call{heartbeat("token-approved"),
		failure("token-approved", orders.ErrorInvalidRequest, "the card is no longer held for order order-approved")}
	if diff := cmp.Diff(want, tasks.sortedCalls()); diff != "" {
		t.Errorf("Step Functions calls (-want +got):\n%s", diff)
	}
	if got := r.processor.Performed(); got != 0 {
		t.Errorf("charged %d times with an expired card", got)
	}
}

func TestDuplicateDeliveryChargesOnce(t *testing.T) {
	t.Parallel()
	tasks := &fakeTasks{}
	r := newRig(t, tasks, &fakeCards{}, 0)
	resp, err := r.handler.Handle(t.Context(), loadEvent(t, "duplicate.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The two copies race: the second either answers from the stored
	// decision or, finding the first one's claim, waits for a redelivery.
	answered := tasks.count("SendTaskSuccess")
	if answered+len(resp.BatchItemFailures) != 2 || answered < 1 {
		t.Errorf("%d answers and %d retries, want every copy answered or retried, one at least answered", answered, len(resp.BatchItemFailures))
	}
	if got := r.processor.Performed(); got != 1 {
		t.Errorf("authorizations performed = %d, want 1", got)
	}
}
