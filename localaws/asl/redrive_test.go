package asl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
)

// The expectations below follow the RedriveExecution API reference and
// the developer guide's "Redriving executions" page: a redrive continues
// from the unsuccessful state with its original input, states that
// succeeded are not rerun, and in a Parallel or inline Map only the
// branches and iterations that failed or were aborted run again.

const workARN = "arn:aws:states:::test:work"

// flaky is a Task resource that fails the first calls for a name, as many
// times as told, and counts every call by name.
type flaky struct {
	mu    sync.Mutex
	fails map[string]int
	calls map[string]int
}

func newFlaky(fails map[string]int) *flaky {
	return &flaky{fails: fails, calls: map[string]int{}}
}

func (f *flaky) resources() Resources {
	return Resources{workARN: func(_ context.Context, c TaskCall) (json.RawMessage, error) {
		var p struct {
			Who string `json:"who"`
		}
		if err := json.Unmarshal(c.Parameters, &p); err != nil {
			return nil, err
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		f.calls[p.Who]++
		if f.fails[p.Who] > 0 {
			f.fails[p.Who]--
			return nil, &TaskFailure{Name: "Work.Failed", Cause: p.Who + " is not ready"}
		}
		return json.RawMessage(fmt.Sprintf(`{"by":%q}`, p.Who)), nil
	}}
}

func (f *flaky) counts() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int{}
	for k, v := range f.calls {
		out[k] = v
	}
	return out
}

// redrive redrives r and returns the new outcome channel's next value.
func (r *run) redrive(tb testing.TB, wantCount int) {
	tb.Helper()
	n, err := r.x.Redrive()
	if err != nil {
		tb.Fatalf("Redrive: %v", err)
	}
	if n != wantCount {
		tb.Errorf("Redrive returned count %d, want %d", n, wantCount)
	}
}

// entered counts the *StateEntered events of the named state.
func (r *run) entered(name string) int {
	n := 0
	for _, e := range r.hist.snapshot() {
		if d, ok := e.Details.(*StateEnteredEventDetails); ok && d.Name == name {
			n++
		}
	}
	return n
}

func TestRedriveResumesAtTheFailedState(t *testing.T) {
	t.Parallel()
	work := newFlaky(map[string]int{"B": 1})
	e, _ := newFakeEngine(work.resources())
	m := mustParse(t, `{"StartAt":"A","States":{
		"A":{"Type":"Pass","Result":{"order":7},"Assign":{"fromA":"kept"},"Next":"B"},
		"B":{"Type":"Task","Resource":"`+workARN+`","Parameters":{"who":"B","order.$":"$.order","redrives.$":"$$.Execution.RedriveCount"},"ResultPath":"$.b","Next":"C"},
		"C":{"Type":"Pass","Parameters":{"seen.$":"$fromA","b.$":"$.b"},"End":true}}}`)
	r := start(t, e, m, `{}`)
	if o := r.wait(t); o.Status != StatusFailed || o.Error != "Work.Failed" {
		t.Fatalf("first run = %+v, want FAILED with Work.Failed", o)
	}
	failedID := int64(len(r.hist.snapshot()))
	r.redrive(t, 1)
	o := r.wait(t)
	if o.Status != StatusSucceeded {
		t.Fatalf("redriven run = %+v, want SUCCEEDED", o)
	}
	if diff := cmp.Diff(`{"b":{"by":"B"},"seen":"kept"}`, string(o.Output)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if got := r.entered("A"); got != 1 {
		t.Errorf("A entered %d times, want 1: a state that succeeded is not rerun", got)
	}
	if got := r.entered("B"); got != 2 {
		t.Errorf("B entered %d times, want 2", got)
	}
	ev := r.hist.snapshot()
	redriven := ev[failedID]
	if redriven.Type != EventExecutionRedriven || redriven.ID != failedID+1 || redriven.PreviousEventID != failedID {
		t.Fatalf("event after the failure = #%d %s (prev %d), want #%d ExecutionRedriven (prev %d)",
			redriven.ID, redriven.Type, redriven.PreviousEventID, failedID+1, failedID)
	}
	if d, ok := redriven.Details.(*ExecutionRedrivenEventDetails); !ok || d.RedriveCount != 1 {
		t.Errorf("ExecutionRedriven details = %#v, want redriveCount 1", redriven.Details)
	}
	var inputs []string
	for _, e := range ev {
		if d, ok := e.Details.(*StateEnteredEventDetails); ok && d.Name == "B" {
			inputs = append(inputs, d.Input)
		}
	}
	if len(inputs) == 2 && inputs[0] != inputs[1] {
		t.Errorf("B re-entered with %s, first entered with %s: the redrive must reuse the state's input", inputs[1], inputs[0])
	}
	var params []string
	for _, e := range ev {
		if d, ok := e.Details.(*TaskScheduledEventDetails); ok {
			params = append(params, d.Parameters)
		}
	}
	want := []string{`{"order":7,"redrives":0,"who":"B"}`, `{"order":7,"redrives":1,"who":"B"}`}
	if diff := cmp.Diff(want, params); diff != "" {
		t.Errorf("B's parameters ($$.Execution.RedriveCount) (-want +got):\n%s", diff)
	}
}

func TestRedriveTimeInTheContextObject(t *testing.T) {
	t.Parallel()
	work := newFlaky(map[string]int{"T": 1})
	e, fc := newFakeEngine(work.resources())
	m := mustParse(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"`+workARN+`",
		"Parameters":{"who":"T","execution.$":"$$.Execution"},"End":true}}}`)
	r := start(t, e, m, `{}`)
	r.wait(t)
	fc.Advance(time.Hour)
	r.redrive(t, 1)
	r.wait(t)
	var got []map[string]any
	for _, e := range r.hist.snapshot() {
		if d, ok := e.Details.(*TaskScheduledEventDetails); ok {
			var p struct {
				Execution map[string]any `json:"execution"`
			}
			if err := json.Unmarshal([]byte(d.Parameters), &p); err != nil {
				t.Fatal(err)
			}
			got = append(got, map[string]any{"RedriveCount": p.Execution["RedriveCount"], "RedriveTime": p.Execution["RedriveTime"]})
		}
	}
	want := []map[string]any{
		{"RedriveCount": float64(0), "RedriveTime": nil},
		{"RedriveCount": float64(1), "RedriveTime": "2026-01-02T04:04:05.000Z"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("$$.Execution before and after the redrive (-want +got):\n%s", diff)
	}
}

func TestRedriveResetsRetryCounts(t *testing.T) {
	t.Parallel()
	work := newFlaky(map[string]int{"T": 3})
	e, fc := newFakeEngine(work.resources())
	m := mustParse(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"`+workARN+`","Parameters":{"who":"T"},
		"Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1,"IntervalSeconds":5}],"End":true}}}`)
	r := start(t, e, m, `{}`)
	needTimers(t, fc, 1)
	fc.Advance(5 * time.Second)
	if o := r.wait(t); o.Status != StatusFailed {
		t.Fatalf("first run = %+v, want FAILED once its one retry failed", o)
	}
	r.redrive(t, 1)
	needTimers(t, fc, 1) // the retrier allows one retry again
	fc.Advance(5 * time.Second)
	if o := r.wait(t); o.Status != StatusSucceeded {
		t.Fatalf("redriven run = %+v, want SUCCEEDED on its retry", o)
	}
	if got := work.counts()["T"]; got != 4 {
		t.Errorf("T was called %d times, want 4 (two attempts in each run)", got)
	}
}

func TestRedriveRerunsOnlyUnfinishedBranches(t *testing.T) {
	t.Parallel()
	work := newFlaky(map[string]int{"Y": 1})
	e, fc := newFakeEngine(work.resources())
	m := mustParse(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"X","States":{"X":{"Type":"Task","Resource":"`+workARN+`","Parameters":{"who":"X"},"End":true}}},
		{"StartAt":"YWait","States":{"YWait":{"Type":"Wait","Seconds":10,"Next":"Y"},
			"Y":{"Type":"Task","Resource":"`+workARN+`","Parameters":{"who":"Y"},"End":true}}}]}}}`)
	r := start(t, e, m, `{}`)
	waitFor(t, r, func(e Event) bool { return e.Type == "TaskStateExited" })
	needTimers(t, fc, 1)
	fc.Advance(10 * time.Second)
	if o := r.wait(t); o.Status != StatusFailed {
		t.Fatalf("first run = %+v, want FAILED", o)
	}
	r.redrive(t, 1)
	o := r.wait(t)
	if o.Status != StatusSucceeded {
		t.Fatalf("redriven run = %+v, want SUCCEEDED", o)
	}
	if diff := cmp.Diff(`[{"by":"X"},{"by":"Y"}]`, string(o.Output)); diff != "" {
		t.Errorf("output keeps the branches in order (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"X": 1, "Y": 2}, work.counts()); diff != "" {
		t.Errorf("calls by branch (-want +got):\n%s", diff)
	}
	if got := r.entered("YWait"); got != 1 {
		t.Errorf("YWait entered %d times, want 1: it had succeeded in the failed branch", got)
	}
	if got := r.entered("P"); got != 2 {
		t.Errorf("P entered %d times, want 2", got)
	}
}

func TestRedriveRerunsOnlyUnfinishedIterations(t *testing.T) {
	t.Parallel()
	work := newFlaky(map[string]int{"c": 1})
	e, _ := newFakeEngine(work.resources())
	// One iteration at a time: a and b succeed, c fails, d never starts.
	m := mustParse(t, `{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
		"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"`+workARN+`","Parameters":{"who.$":"$"},"End":true}}}}}}`)
	r := start(t, e, m, `["a","b","c","d"]`)
	if o := r.wait(t); o.Status != StatusFailed {
		t.Fatalf("first run = %+v, want FAILED", o)
	}
	r.redrive(t, 1)
	o := r.wait(t)
	if o.Status != StatusSucceeded {
		t.Fatalf("redriven run = %+v, want SUCCEEDED", o)
	}
	if diff := cmp.Diff(`[{"by":"a"},{"by":"b"},{"by":"c"},{"by":"d"}]`, string(o.Output)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"a": 1, "b": 1, "c": 2, "d": 1}, work.counts()); diff != "" {
		t.Errorf("calls by item (-want +got):\n%s", diff)
	}
	started := map[int]int{}
	for _, e := range r.hist.snapshot() {
		if e.Type == "MapIterationStarted" {
			started[e.Details.(*MapIterationEventDetails).Index]++
		}
	}
	if diff := cmp.Diff(map[int]int{0: 1, 1: 1, 2: 2, 3: 1}, started); diff != "" {
		t.Errorf("MapIterationStarted by index (-want +got):\n%s", diff)
	}
}

func TestRedriveAfterStopGivesANewTaskToken(t *testing.T) {
	t.Parallel()
	calls := make(chan TaskCall, 2)
	e, _ := newFakeEngine(tokenSink(calls))
	r := start(t, e, mustParse(t, callbackDefinition), `{"orderId":"o-1"}`)
	first := recvCall(t, calls)
	if err := r.x.Stop("Ops.Stop", "stopped by hand"); err != nil {
		t.Fatal(err)
	}
	if o := r.wait(t); o.Status != StatusAborted {
		t.Fatalf("after Stop = %+v, want ABORTED", o)
	}
	r.redrive(t, 1)
	second := recvCall(t, calls)
	if second.TaskToken == first.TaskToken {
		t.Fatal("the redriven task got the token of the aborted one")
	}
	if err := e.SendTaskSuccess(first.TaskToken, json.RawMessage(`{}`)); !errors.Is(err, ErrTaskTimedOut) {
		t.Errorf("answering the old token = %v, want ErrTaskTimedOut", err)
	}
	if err := e.SendTaskSuccess(second.TaskToken, json.RawMessage(`{"approved":true}`)); err != nil {
		t.Fatal(err)
	}
	if o := r.wait(t); o.Status != StatusSucceeded || string(o.Output) != `{"approved":true}` {
		t.Fatalf("redriven run = %+v, want SUCCEEDED with the callback's output", o)
	}
}

func TestRedriveWaitsForACancelledCall(t *testing.T) {
	t.Parallel()
	entered := make(chan struct{}, 2)
	e, _ := newFakeEngine(Resources{workARN: func(ctx context.Context, _ TaskCall) (json.RawMessage, error) {
		entered <- struct{}{}
		<-ctx.Done() // a call that only ends when the execution stops
		return nil, ctx.Err()
	}})
	r := start(t, e, mustParse(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"`+workARN+`","End":true}}}`), `{}`)
	<-entered
	if err := r.x.Stop("", ""); err != nil {
		t.Fatal(err)
	}
	r.wait(t)
	r.redrive(t, 1)
	select {
	case <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the redriven task never called its resource")
	}
	if got := r.entered("T"); got != 2 {
		t.Errorf("T entered %d times, want 2", got)
	}
	if err := r.x.Stop("", ""); err != nil {
		t.Fatal(err)
	}
}

func TestRedriveTimedOutExecutionRestartsItsTimeout(t *testing.T) {
	t.Parallel()
	e, fc := newFakeEngine(nil)
	m := mustParse(t, `{"TimeoutSeconds":10,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"Done"},"Done":{"Type":"Succeed"}}}`)
	r := start(t, e, m, `{}`)
	needTimers(t, fc, 2)
	fc.Advance(10 * time.Second)
	if o := r.wait(t); o.Status != StatusTimedOut {
		t.Fatalf("first run = %+v, want TIMED_OUT", o)
	}
	fc.Advance(time.Hour)
	redrivenAt := fc.Now()
	r.redrive(t, 1)
	needTimers(t, fc, 2)
	fc.Advance(10 * time.Second)
	o := r.wait(t)
	if o.Status != StatusTimedOut || !o.StopTime.Equal(redrivenAt.Add(10*time.Second)) {
		t.Fatalf("redriven run = %s at %v, want TIMED_OUT 10 s after the redrive (%v)", o.Status, o.StopTime, redrivenAt)
	}
}

func TestRedriveRefusals(t *testing.T) {
	t.Parallel()
	calls := make(chan TaskCall, 1)
	e, _ := newFakeEngine(tokenSink(calls))
	r := start(t, e, mustParse(t, callbackDefinition), `{"orderId":"o-1"}`)
	call := recvCall(t, calls)
	if _, err := r.x.Redrive(); !errors.Is(err, ErrExecutionRunning) {
		t.Errorf("Redrive while running = %v, want ErrExecutionRunning", err)
	}
	if err := e.SendTaskSuccess(call.TaskToken, json.RawMessage(`{}`)); err != nil {
		t.Fatal(err)
	}
	r.wait(t)
	if _, err := r.x.Redrive(); !errors.Is(err, ErrExecutionSucceeded) {
		t.Errorf("Redrive after success = %v, want ErrExecutionSucceeded", err)
	}
}

func TestRedriveAgainAfterAnotherFailure(t *testing.T) {
	t.Parallel()
	work := newFlaky(map[string]int{"T": 2})
	e, _ := newFakeEngine(work.resources())
	r := start(t, e, mustParse(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"`+workARN+`","Parameters":{"who":"T"},"End":true}}}`), `{}`)
	r.wait(t)
	r.redrive(t, 1)
	if o := r.wait(t); o.Status != StatusFailed {
		t.Fatalf("first redrive = %+v, want FAILED again", o)
	}
	r.redrive(t, 2)
	if o := r.wait(t); o.Status != StatusSucceeded {
		t.Fatalf("second redrive = %+v, want SUCCEEDED", o)
	}
}

// needTimers blocks until the fake clock holds n timers.
func needTimers(tb testing.TB, fc *clock.Fake, n int) {
	tb.Helper()
	if !waitTimers(fc, n) {
		tb.Fatalf("the clock never had %d pending timers (has %d)", n, fc.Pending())
	}
}

// waitFor blocks until the history holds an event that satisfies ok.
func waitFor(tb testing.TB, r *run, ok func(Event) bool) {
	tb.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		for _, e := range r.hist.snapshot() {
			if ok(e) {
				return
			}
		}
	}
	tb.Fatalf("no such event; history: %v", r.hist.types())
}

func TestRedriveAfterStopRerunsOnlyUnfinishedIterations(t *testing.T) {
	t.Parallel()
	e, fc := newFakeEngine(nil)
	m := mustParse(t, `{"StartAt":"M","States":{"M":{"Type":"Map","End":true,
		"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}}}}`)
	r := start(t, e, m, `[{"s":0},{"s":0},{"s":100}]`)
	waitFor(t, r, func(e Event) bool {
		return e.Type == "MapIterationSucceeded" && e.Details.(*MapIterationEventDetails).Index == 1
	})
	waitFor(t, r, func(e Event) bool {
		return e.Type == "MapIterationSucceeded" && e.Details.(*MapIterationEventDetails).Index == 0
	})
	needTimers(t, fc, 1)
	if err := r.x.Stop("", ""); err != nil {
		t.Fatal(err)
	}
	if o := r.wait(t); o.Status != StatusAborted {
		t.Fatalf("after Stop = %+v", o)
	}
	r.redrive(t, 1)
	needTimers(t, fc, 1)
	fc.Advance(100 * time.Second)
	o := r.wait(t)
	if o.Status != StatusSucceeded || string(o.Output) != `[{"s":0},{"s":0},{"s":100}]` {
		t.Fatalf("redriven run = %s %s", o.Status, o.Output)
	}
	started := map[int]int{}
	for _, e := range r.hist.snapshot() {
		if e.Type == "MapIterationStarted" {
			started[e.Details.(*MapIterationEventDetails).Index]++
		}
	}
	if diff := cmp.Diff(map[int]int{0: 1, 1: 1, 2: 2}, started); diff != "" {
		t.Errorf("MapIterationStarted by index (-want +got):\n%s", diff)
	}
}

func TestRedriveReachesIntoNestedStates(t *testing.T) {
	t.Parallel()
	work := newFlaky(map[string]int{"y": 1})
	e, _ := newFakeEngine(work.resources())
	m := mustParse(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"End":true,
			"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"`+workARN+`","Parameters":{"who.$":"$"},"End":true}}}}}},
		{"StartAt":"Also","States":{"Also":{"Type":"Pass","Result":"also","End":true}}}]}}}`)
	r := start(t, e, m, `["x","y","z"]`)
	if o := r.wait(t); o.Status != StatusFailed {
		t.Fatalf("first run = %+v, want FAILED", o)
	}
	r.redrive(t, 1)
	o := r.wait(t)
	if o.Status != StatusSucceeded {
		t.Fatalf("redriven run = %+v", o)
	}
	if diff := cmp.Diff(`[[{"by":"x"},{"by":"y"},{"by":"z"}],"also"]`, string(o.Output)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"x": 1, "y": 2, "z": 1}, work.counts()); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

// Stops, redrives and callbacks racing one another leave the execution
// in one piece: every run ends exactly once and a last redrive and answer
// still complete it.
func TestRedriveRacesStopAndCallbacks(t *testing.T) {
	t.Parallel()
	calls := make(chan TaskCall, 64)
	e, _ := newFakeEngine(tokenSink(calls))
	m := mustParse(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
		"Parameters":{"QueueUrl":"q","MessageBody":{"t.$":"$$.Task.Token"}},"End":true}}}`)
	var mu sync.Mutex
	ends := 0
	x := e.Start(m, StartParams{ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:sm:race", Input: json.RawMessage(`{}`)}, nil,
		func(Outcome) { mu.Lock(); ends++; mu.Unlock() })
	redrives := 0
	for range 20 {
		call := recvCall(t, calls)
		var wg sync.WaitGroup
		wg.Add(3)
		go func() { defer wg.Done(); _ = x.Stop("S", "") }()
		go func() { defer wg.Done(); _ = e.SendTaskFailure(call.TaskToken, "E", "") }()
		go func() { defer wg.Done(); _, _ = x.Redrive() }()
		wg.Wait()
		// Whatever won, end the run if it still goes on, and start the next.
		_ = x.Stop("S", "")
		n, err := x.Redrive()
		if err != nil {
			t.Fatalf("Redrive after a stop: %v", err)
		}
		redrives = n
	}
	// Calls of runs that have since been stopped are still queued; only
	// the last run's token is open.
	for {
		call := recvCall(t, calls)
		err := e.SendTaskSuccess(call.TaskToken, json.RawMessage(`{"ok":true}`))
		if err == nil {
			break
		}
		if !errors.Is(err, ErrTaskTimedOut) {
			t.Fatalf("answering a task: %v", err)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := ends
		mu.Unlock()
		if n == redrives+1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d runs ended, want %d (one per start and redrive)", n, redrives+1)
		}
		time.Sleep(time.Millisecond)
	}
	if err := x.Redrivable(); !errors.Is(err, ErrExecutionSucceeded) {
		t.Errorf("after the last answer: %v, want ErrExecutionSucceeded", err)
	}
}
