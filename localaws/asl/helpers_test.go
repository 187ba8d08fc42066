package asl

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// history is a Recorder that keeps every event.
type history struct {
	mu     sync.Mutex
	events []Event
}

func (h *history) Record(e Event) {
	h.mu.Lock()
	h.events = append(h.events, e)
	h.mu.Unlock()
}

func (h *history) snapshot() []Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Event(nil), h.events...)
}

func (h *history) types() []string {
	var out []string
	for _, e := range h.snapshot() {
		out = append(out, e.Type)
	}
	return out
}

// run is one execution under test.
type run struct {
	x    *Execution
	hist *history
	done chan Outcome
}

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func mustParse(tb testing.TB, def string) *Machine {
	tb.Helper()
	m, err := Parse([]byte(def))
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	return m
}

func start(tb testing.TB, e *Engine, m *Machine, input string) *run {
	tb.Helper()
	r := &run{hist: &history{}, done: make(chan Outcome, 1)}
	r.x = e.Start(m, StartParams{
		ExecutionArn:     "arn:aws:states:us-east-1:123456789012:execution:sm:exec-1",
		Name:             "exec-1",
		StateMachineArn:  "arn:aws:states:us-east-1:123456789012:stateMachine:sm",
		StateMachineName: "sm",
		RoleArn:          "arn:aws:iam::123456789012:role/sfn",
		Input:            json.RawMessage(input),
	}, r.hist, func(o Outcome) { r.done <- o })
	return r
}

// wait returns the outcome, failing the test if none arrives in time.
func (r *run) wait(tb testing.TB) Outcome {
	tb.Helper()
	select {
	case o := <-r.done:
		return o
	case <-time.After(30 * time.Second): // generous: a 120,000-item Map under -race on a loaded 2-core machine
		tb.Fatalf("execution did not finish; history so far: %v", r.hist.types())
		return Outcome{}
	}
}

func newFakeEngine(res Resources) (*Engine, *clock.Fake) {
	fc := clock.NewFake(t0)
	return NewEngine(EngineConfig{Clock: fc, Resources: res, Random: func() float64 { return 0.5 }}), fc
}
