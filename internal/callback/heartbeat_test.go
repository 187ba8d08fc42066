package callback_test

import (
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
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
	if !r.clock.WaitForTimers(n, t.Context().Done()) {
		t.Fatalf("handler never armed %d timers", n)
	}
}

func TestSlowAuthorizationSendsHeartbeats(t *testing.T) {
	t.Parallel()
	tasks := &fakeTasks{}
	// The processor takes 150 s; the handler beats every minute.
	r := newRig(t, tasks, &fakeKMS{}, 150*time.Second)
	done := startHandle(t, r, "approved.json")

	for range 2 {
		waitForTimers(t, r, 2)
		r.clock.Advance(time.Minute)
	}
	waitForTimers(t, r, 2)
	r.clock.Advance(30 * time.Second)
	resp := <-done

	if diff := cmp.Diff([]string{}, failedIDs(resp)); diff != "" {
		t.Errorf("BatchItemFailures (-want +got):\n%s", diff)
	}
	want := []call{
		heartbeat("token-approved"), // on arrival
		heartbeat("token-approved"), // after 1 min
		heartbeat("token-approved"), // after 2 min
		{Op: "SendTaskSuccess", Token: "token-approved",
			Output: `{"status":"PAID","authorizationId":"auth-test","authorizedAt":"2026-11-26T10:02:30Z"}`},
	}
	if diff := cmp.Diff(want, tasks.sortedCalls()); diff != "" {
		t.Errorf("Step Functions calls (-want +got):\n%s", diff)
	}
	if r.clock.Pending() != 0 {
		t.Errorf("%d timers left behind after the batch", r.clock.Pending())
	}
}

func TestTaskClosedDuringAuthorizationStopsIt(t *testing.T) {
	t.Parallel()
	tasks := &fakeTasks{}
	beats := 0
	tasks.errFor = func(op, _ string) error {
		if op != "SendTaskHeartbeat" {
			return nil
		}
		beats++
		if beats > 1 {
			return &sfntypes.TaskTimedOut{Message: aws.String("Task Timed Out")}
		}
		return nil
	}
	r := newRig(t, tasks, &fakeKMS{}, time.Hour)
	done := startHandle(t, r, "approved.json")
	waitForTimers(t, r, 2)
	r.clock.Advance(time.Minute)
	resp := <-done

	if diff := cmp.Diff([]string{}, failedIDs(resp)); diff != "" {
		t.Errorf("a closed task must complete the message (-want +got):\n%s", diff)
	}
	want := []call{heartbeat("token-approved"), heartbeat("token-approved")}
	if diff := cmp.Diff(want, tasks.sortedCalls()); diff != "" {
		t.Errorf("Step Functions calls (-want +got):\n%s", diff)
	}
	if got := r.processor.Performed(); got != 0 {
		t.Errorf("authorizations performed = %d, want 0: nobody waits for this payment", got)
	}
}
