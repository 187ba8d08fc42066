package callback_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/internal/orders"
)

// startHandle runs Handle in the background and returns its result channel.
func startHandle(t *testing.T, r *rig, fixture string) <-chan events.SQSEventResponse {
	t.Helper()
	done := make(chan events.SQSEventResponse, 1)
	event := loadEvent(t, fixture)
	go func() {
		resp, err := r.handler.Handle(t.Context(), event)
		if err != nil {
			t.Errorf("Handle: %v", err)
		}
		done <- resp
	}()
	return done
}

// waitForTimers blocks until the handler has armed n timers on the fake
// clock (the processor's latency and the heartbeat pacer).
func waitForTimers(t *testing.T, r *rig, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if !r.clock.WaitForTimers(n, ctx.Done()) {
		t.Fatalf("handler never armed %d timers", n)
	}
}

func TestSlowAuthorizationSendsHeartbeats(t *testing.T) {
	t.Parallel()
	tasks := &fakeTasks{}
	// The processor takes 150 s; the handler beats every minute.
	r := newRig(t, tasks, &fakeCards{}, 150*time.Second)
	done := startHandle(t, r, "approved.json")

	for range 2 {
		waitForTimers(t, r, 2)
		r.clock.Advance(time.Minute)
	}
	waitForTimers(t, r, 2)
	r.clock.Advance(30 * time.Second)
	resp := await(t, done)

	if diff := cmp.Diff([]string{}, failedIDs(resp)); diff != "" {
		t.Errorf("BatchItemFailures (-want +got):\n%s", diff)
	}
	want := []call{
		heartbeat("token-approved"), // on arrival
		heartbeat("token-approved"), // after 1 min
		heartbeat("token-approved"), // after 2 min
		{Op: "SendTaskSuccess", Token: "token-approved",
			Output: `{"Status":"PAID","AuthorizationID":"auth-test","AuthorizedAt":"2026-11-26T10:02:30Z"}`},
	}
	if diff := cmp.Diff(want, tasks.sortedCalls()); diff != "" {
		t.Errorf("Step Functions calls (-want +got):\n%s", diff)
	}
	if r.clock.Pending() != 0 {
		t.Errorf("%d timers left behind after the batch", r.clock.Pending())
	}
}

// TestTaskClosedDuringAuthorizationVoids stops the workflow (the second
// heartbeat finds the task closed) while the processor is authorizing. The
// authorization is not abandoned half way: it completes, the answer finds
// the task closed, and the approval is voided and announced.
func TestTaskClosedDuringAuthorizationVoids(t *testing.T) {
	t.Parallel()
	tasks := &fakeTasks{status: "ABORTED"}
	var beats atomic.Int32
	tasks.errFor = func(op, _ string) error {
		if op == "SendTaskHeartbeat" && beats.Add(1) == 1 {
			return nil
		}
		return closed("Task Timed Out")
	}
	r := newRig(t, tasks, &fakeCards{}, 90*time.Second)
	done := startHandle(t, r, "approved.json")
	waitForTimers(t, r, 2)
	r.clock.Advance(time.Minute)
	waitForTimers(t, r, 1)
	r.clock.Advance(30 * time.Second)
	resp := await(t, done)

	if diff := cmp.Diff([]string{}, failedIDs(resp)); diff != "" {
		t.Errorf("a closed task must complete the message (-want +got):\n%s", diff)
	}
	if got := r.processor.Performed(); got != 1 {
		t.Errorf("authorizations performed = %d, want 1", got)
	}
	if !r.processor.Voided("auth-test") {
		t.Error("the orphaned authorization was not voided")
	}
	notes := r.notifier.all()
	if len(notes) != 1 || notes[0].Status != orders.PaymentVoided || notes[0].OrderID != "order-approved" {
		t.Errorf("notifications = %+v, want one VOIDED for order-approved", notes)
	}
	if got := r.charges.get("order-approved").State; got != orders.ChargeVoided {
		t.Errorf("charge record state = %s, want VOIDED", got)
	}
}

// await returns Handle's result, or fails the test if it has not come
// within a few seconds (the fake clock was not moved far enough, say).
func await(tb testing.TB, done <-chan events.SQSEventResponse) events.SQSEventResponse {
	tb.Helper()
	select {
	case resp := <-done:
		return resp
	case <-time.After(10 * time.Second):
		tb.Fatal("Handle did not return")
		return events.SQSEventResponse{}
	}
}
