package asl

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A conformance case is one execution (or one rejected definition) read
// from testdata/conformance/*.json.
type conformanceCase struct {
	Name       string                       `json:"name"`
	Doc        string                       `json:"doc"` // where AWS documents the expected result
	Definition json.RawMessage              `json:"definition"`
	Input      json.RawMessage              `json:"input"`
	Resources  map[string][]fakeResponse    `json:"resources"`
	Actions    []action                     `json:"actions"`
	Invalid    string                       `json:"invalid"` // substring of the ValidationError
	Expect     expectation                  `json:"expect"`
	Calls      map[string][]json.RawMessage `json:"calls"`
}

// fakeResponse is what a fake resource does on one call; the last one
// repeats.
type fakeResponse struct {
	Output json.RawMessage `json:"output"`
	Error  string          `json:"error"`
	Cause  string          `json:"cause"`
	Plain  string          `json:"plain"` // a non-TaskFailure error
	Echo   bool            `json:"echo"`
	Block  bool            `json:"block"` // wait until the call's context is cancelled
}

type action struct {
	AwaitEvent string               `json:"awaitEvent"` // poll the history for this event type
	WaitTimers int                  `json:"waitTimers"`
	Advance    float64              `json:"advance"`
	AwaitToken bool                 `json:"awaitToken"`
	Success    json.RawMessage      `json:"success"`
	SuccessRaw string               `json:"successRaw"` // output that is not JSON
	Failure    *FailureEventDetails `json:"failure"`
	Heartbeat  bool                 `json:"heartbeat"`
	WantErr    string               `json:"wantErr"`
	Stop       *FailureEventDetails `json:"stop"`
}

type expectation struct {
	Status          string          `json:"status"`
	Output          json.RawMessage `json:"output"`
	Error           string          `json:"error"`
	Cause           string          `json:"cause"`
	CauseContains   string          `json:"causeContains"`
	Events          []string        `json:"events"`
	EventsUnordered bool            `json:"eventsUnordered"`
}

func loadCases(tb testing.TB) map[string][]conformanceCase {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "conformance", "*.json"))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string][]conformanceCase{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var cases []conformanceCase
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&cases); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = cases
	}
	return out
}

func TestConformance(t *testing.T) {
	t.Parallel()
	for file, cases := range loadCases(t) {
		for _, tc := range cases {
			t.Run(file+"/"+tc.Name, func(t *testing.T) {
				t.Parallel()
				runCase(t, tc)
			})
		}
	}
}

// fakeResources serves a case's resources and hands out task tokens.
type fakeResources struct {
	mu     sync.Mutex
	calls  map[string][]json.RawMessage
	tokens chan string
}

func (f *fakeResources) build(tc conformanceCase) Resources {
	res := Resources{}
	for arn, responses := range tc.Resources {
		n := 0
		res[arn] = func(ctx context.Context, call TaskCall) (json.RawMessage, error) {
			f.mu.Lock()
			f.calls[arn] = append(f.calls[arn], call.Parameters)
			r := responses[min(n, len(responses)-1)]
			n++
			f.mu.Unlock()
			if call.TaskToken != "" {
				f.tokens <- call.TaskToken
			}
			switch {
			case r.Block:
				<-ctx.Done()
				return nil, ctx.Err()
			case r.Error != "":
				return nil, &TaskFailure{Name: r.Error, Cause: r.Cause}
			case r.Plain != "":
				return nil, errors.New(r.Plain)
			case r.Echo:
				return call.Parameters, nil
			}
			return r.Output, nil
		}
	}
	return res
}

func runCase(t *testing.T, tc conformanceCase) {
	def := []byte(tc.Definition)
	var text string
	if json.Unmarshal(tc.Definition, &text) == nil {
		def = []byte(text) // a definition given as raw text, possibly not JSON
	}
	m, err := Parse(def)
	if tc.Invalid != "" {
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("Parse error = %v, want a *ValidationError containing %q", err, tc.Invalid)
		}
		if !strings.Contains(err.Error(), tc.Invalid) {
			t.Fatalf("Parse error = %q, want it to contain %q", err, tc.Invalid)
		}
		return
	}
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	fr := &fakeResources{calls: map[string][]json.RawMessage{}, tokens: make(chan string, 16)}
	e, fc := newFakeEngine(fr.build(tc))
	input := string(tc.Input)
	if input == "" {
		input = "{}"
	}
	r := start(t, e, m, input)
	var token string
	stop := make(chan struct{})
	defer close(stop)
	for i, a := range tc.Actions {
		var err error
		switch {
		case a.WaitTimers > 0:
			if !waitTimers(fc, a.WaitTimers) {
				t.Fatalf("action %d: %d timers never pending; history %v", i, a.WaitTimers, r.hist.types())
			}
		case a.AwaitEvent != "":
			if !awaitEvent(r.hist, a.AwaitEvent) {
				t.Fatalf("action %d: no %s event; history %v", i, a.AwaitEvent, r.hist.types())
			}
		case a.Advance > 0:
			fc.Advance(time.Duration(a.Advance * float64(time.Second)))
		case a.AwaitToken:
			select {
			case token = <-fr.tokens:
			case <-time.After(5 * time.Second):
				t.Fatalf("action %d: no task token; history %v", i, r.hist.types())
			}
		case a.Success != nil:
			err = e.SendTaskSuccess(token, a.Success)
		case a.SuccessRaw != "":
			err = e.SendTaskSuccess(token, json.RawMessage(a.SuccessRaw))
		case a.Failure != nil:
			err = e.SendTaskFailure(token, a.Failure.Error, a.Failure.Cause)
		case a.Heartbeat:
			err = e.SendTaskHeartbeat(token)
		case a.Stop != nil:
			err = r.x.Stop(a.Stop.Error, a.Stop.Cause)
		}
		got := ""
		if err != nil {
			got = err.Error()
		}
		if (a.WantErr == "") != (got == "") || !strings.HasPrefix(got, a.WantErr) {
			t.Fatalf("action %d: error = %q, want %q", i, got, a.WantErr)
		}
	}
	o := r.wait(t)
	checkOutcome(t, tc, o, r.hist)
	fr.mu.Lock()
	defer fr.mu.Unlock()
	for arn, want := range tc.Calls {
		got := fr.calls[arn]
		if len(got) != len(want) {
			t.Errorf("calls to %s = %d, want %d", arn, len(got), len(want))
			continue
		}
		for i := range want {
			assertJSONEqual(t, "call "+arn+"#"+itoa(i), got[i], want[i])
		}
	}
}

// awaitEvent polls the history until an event of type typ shows up.
func awaitEvent(h *history, typ string) bool {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if slices.Contains(h.types(), typ) {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

func waitTimers(fc interface {
	WaitForTimers(int, <-chan struct{}) bool
}, n int) bool {
	done := make(chan struct{})
	timer := time.AfterFunc(5*time.Second, func() { close(done) })
	defer timer.Stop()
	return fc.WaitForTimers(n, done)
}

func checkOutcome(t *testing.T, tc conformanceCase, o Outcome, h *history) {
	t.Helper()
	want := tc.Expect
	if o.Status != want.Status {
		t.Errorf("status = %s (%s: %s), want %s", o.Status, o.Error, o.Cause, want.Status)
	}
	if want.Output != nil {
		assertJSONEqual(t, "output", o.Output, want.Output)
	}
	if o.Error != want.Error {
		t.Errorf("error = %q, want %q", o.Error, want.Error)
	}
	if want.Cause != "" && o.Cause != want.Cause {
		t.Errorf("cause = %q, want %q", o.Cause, want.Cause)
	}
	if want.CauseContains != "" && !strings.Contains(o.Cause, want.CauseContains) {
		t.Errorf("cause = %q, want it to contain %q", o.Cause, want.CauseContains)
	}
	got := h.types()
	wantEvents := want.Events
	if want.EventsUnordered {
		got = slices.Sorted(slices.Values(got))
		wantEvents = slices.Sorted(slices.Values(wantEvents))
	}
	if wantEvents != nil {
		if diff := cmp.Diff(wantEvents, got); diff != "" {
			t.Errorf("history event types (-want +got):\n%s", diff)
		}
	}
	checkEventChain(t, h.snapshot())
}

// checkEventChain verifies ids count from 1 and previousEventId points
// backwards (to 0 for the first two events).
func checkEventChain(t *testing.T, events []Event) {
	t.Helper()
	for i, e := range events {
		if e.ID != int64(i+1) {
			t.Errorf("event %d has id %d", i, e.ID)
		}
		// Only the event after ExecutionStarted points at 0, as on AWS, an
		// EvaluationFailed of the first state, which points where that
		// state's entered event does, and ExecutionAborted, which a stop
		// from outside the run chains to nothing (test_stop_execution).
		if e.PreviousEventID >= e.ID || (i > 1 && e.PreviousEventID < 1 && e.Type != EventEvaluationFailed && e.Type != EventExecutionAborted) {
			t.Errorf("event %d (%s) has previousEventId %d", e.ID, e.Type, e.PreviousEventID)
		}
	}
}

func assertJSONEqual(tb testing.TB, what string, got, want []byte) {
	tb.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		tb.Errorf("%s: got invalid JSON %q: %v", what, got, err)
		return
	}
	if err := json.Unmarshal(want, &w); err != nil {
		tb.Errorf("%s: fixture has invalid JSON %q: %v", what, want, err)
		return
	}
	if diff := cmp.Diff(w, g); diff != "" {
		tb.Errorf("%s (-want +got):\n%s", what, diff)
	}
}
