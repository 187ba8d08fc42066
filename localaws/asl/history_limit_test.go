package asl

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// counterLoop increments $.n and loops until it equals stop, then succeeds:
// 4 events per round plus 4 around them.
func counterLoop(stop int) string {
	return fmt.Sprintf(`{"StartAt":"Inc","States":{
		"Inc":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"Check"},
		"Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":%d,"Next":"Done"}],"Default":"Inc"},
		"Done":{"Type":"Succeed"}}}`, stop)
}

// TestHistoryLimit follows https://docs.aws.amazon.com/step-functions/latest/dg/bp-history-limit.html:
// event 25,000 may be ExecutionSucceeded; anything else in its place
// becomes an ExecutionFailed with States.Runtime and the cause AWS gives
// ("The execution reached the maximum number of history events (25000).",
// as users quote it from real executions).
func TestHistoryLimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		def        string
		wantStatus string
		lastBefore string // type of event 24,999
	}{
		{"endless loop fails at event 25000", `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"C"}],"Default":"A"},"C":{"Type":"Succeed"}}}`, StatusFailed, "PassStateExited"},
		{"success as event 25000 is allowed", counterLoop(6249), StatusSucceeded, "SucceedStateExited"},
		{"one round more fails", counterLoop(6250), StatusFailed, "PassStateExited"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, _ := newFakeEngine(nil)
			r := start(t, e, mustParse(t, tc.def), `{"n":0}`)
			o := r.wait(t)
			if o.Status != tc.wantStatus {
				t.Fatalf("status = %s (%s: %s), want %s", o.Status, o.Error, o.Cause, tc.wantStatus)
			}
			if o.Status == StatusFailed && (o.Error != ErrNameRuntime || o.Cause != historyLimitCause) {
				t.Errorf("failure = %s: %q", o.Error, o.Cause)
			}
			// A full history leaves no room for ExecutionRedriven (AWS
			// wants fewer than 24,999 events: RedriveExecution reference).
			if err := r.x.Redrivable(); o.Status == StatusFailed && !errors.Is(err, ErrHistoryFull) {
				t.Errorf("Redrivable() = %v, want ErrHistoryFull", err)
			}
			ev := r.hist.snapshot()
			if len(ev) != historyLimit {
				t.Fatalf("history has %d events, want %d", len(ev), historyLimit)
			}
			last, prev := ev[len(ev)-1], ev[len(ev)-2]
			if last.ID != historyLimit || last.PreviousEventID != prev.ID || prev.Type != tc.lastBefore {
				t.Errorf("last events = #%d %s (prev %d), #%d %s", last.ID, last.Type, last.PreviousEventID, prev.ID, prev.Type)
			}
		})
	}
}

// TestMemoryReturnsAfterLargeMap runs a Map over 120,000 items (the
// execution issue 13 measured at 231 MB kept after GC) and checks that,
// once it has ended, the execution and its history together keep only a
// few megabytes, although the caller still holds both, as sfnlocal does.
func TestMemoryReturnsAfterLargeMap(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred megabytes")
	}
	const items = 120000
	// Two bytes an item keeps the input under the 256 KiB limit.
	input := "[" + strings.TrimSuffix(strings.Repeat(`0,`, items), ",") + "]"
	m := mustParse(t, `{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`)
	e, _ := newFakeEngine(nil)
	before := heapAfterGC()
	goroutines := runtime.NumGoroutine()
	r := start(t, e, m, input)
	o := r.wait(t)
	if o.Status != StatusFailed || o.Cause != historyLimitCause {
		t.Fatalf("outcome = %s %s: %s, want the history limit", o.Status, o.Error, o.Cause)
	}
	// The outcome arrives while the aborted iterations are still winding
	// down, each holding memory until its goroutine ends; under load that
	// takes a while. What the ended execution keeps is what is left once
	// they have gone.
	for deadline := time.Now().Add(20 * time.Second); runtime.NumGoroutine() > goroutines; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines 20 s after the execution ended, %d before it started", runtime.NumGoroutine(), goroutines)
		}
	}
	after := heapAfterGC()
	kept := int64(after) - int64(before)
	t.Logf("heap after GC: %.1f MB before, %.1f MB after; %d events kept", mb(before), mb(after), len(r.hist.snapshot()))
	if kept > 32<<20 {
		t.Errorf("the ended execution keeps %.1f MB, want under 32 MB", mb(uint64(kept)))
	}
	runtime.KeepAlive(r)
}

func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }
