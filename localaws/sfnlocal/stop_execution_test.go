package sfnlocal

import (
	"context"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// TestStopBeforeTheEngineStarts covers a StopExecution that lands between
// the execution's registration and the engine handing back its run: the
// API reports ABORTED at once and the engine run is stopped as soon as it
// exists, so nothing keeps waiting and the open count returns to zero.
func TestStopBeforeTheEngineStarts(t *testing.T) {
	t.Parallel()
	c := clock.NewFake(time.Unix(1_770_000_000, 0))
	s := New(Config{Clock: c})
	ctx := context.Background()
	def := `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}`
	created, err := s.createStateMachine(ctx, &createStateMachineInput{Name: "m", Definition: def, RoleArn: "arn:aws:iam::123456789012:role/r"})
	if err != nil {
		t.Fatal(err)
	}
	st := s.storeOf(ctx)
	x, m, existing, err := s.register(st, created.StateMachineArn, "early", "{}")
	if err != nil || existing {
		t.Fatalf("register: %v, existing %t", err, existing)
	}
	if _, err := s.stopExecution(ctx, &stopExecutionInput{ExecutionArn: x.arn, Error: "Early", Cause: "before launch"}); err != nil {
		t.Fatal(err)
	}
	if got := x.snapshot(); got.status != statusAborted || got.errName != "Early" {
		t.Fatalf("after stop: %+v, want ABORTED Early", got)
	}
	s.launch(st, x, m)

	events, _, _ := x.history.page(0, 100, false)
	if n := len(events); n == 0 || events[n-1].Type != "ExecutionAborted" {
		t.Fatalf("history %v, want it to end with ExecutionAborted", events)
	}
	if n := c.Pending(); n != 0 {
		t.Fatalf("%d timers still pending for a stopped execution", n)
	}
	st.mu.RLock()
	open := st.open
	st.mu.RUnlock()
	if open != 0 {
		t.Fatalf("open executions = %d, want 0", open)
	}
}
