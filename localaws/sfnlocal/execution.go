package sfnlocal

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/payflow-dev/payflow/localaws/asl"
)

// Execution statuses as the API reports them.
const (
	statusRunning   = "RUNNING"
	statusSucceeded = "SUCCEEDED"
	statusFailed    = "FAILED"
	statusTimedOut  = "TIMED_OUT"
	statusAborted   = "ABORTED"
)

// execution is one execution's record. The identity fields never change;
// the rest are guarded by mu. It is kept small on purpose: a waiting
// execution costs its ARN, input and a handful of history events.
type execution struct {
	arn, name, machineArn string
	// versionArn and aliasArn say what StartExecution was called on, when
	// it was a version or an alias; rev is the revision that runs.
	versionArn, aliasArn string
	rev                  *revision
	input                string
	started              time.Time
	history              history

	mu      sync.Mutex
	status  string
	stopped time.Time
	output  json.RawMessage
	errName string
	cause   string
	// run is the engine's handle, kept once the execution has ended so
	// that RedriveExecution can resume it; nil until the engine hands it
	// back, and again while a redrive is being handed to the engine.
	run *asl.Execution
	// stopAsked holds a StopExecution that arrived while run was nil; it
	// is applied as soon as run is known.
	stopAsked *stopRequest
	// redriveCount and redriven count and date the redrives; tokens are
	// the client tokens of the latest ones, for idempotent retries.
	redriveCount int
	redriven     time.Time
	tokens       []redriveToken
	// done, when set (an Express execution StartSyncExecution waits for),
	// is closed when the execution ends.
	done chan struct{}
}

// stopRequest is the error and cause a StopExecution call gave.
type stopRequest struct{ errName, cause string }

// snapshot is a consistent copy of an execution's changing fields.
type snapshot struct {
	status       string
	stopped      time.Time
	output       json.RawMessage
	errName      string
	cause        string
	redriveCount int
	redriven     time.Time
}

// snapshot returns the execution's current state.
func (x *execution) snapshot() snapshot {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.snapshotLocked()
}

func (x *execution) snapshotLocked() snapshot {
	return snapshot{x.status, x.stopped, x.output, x.errName, x.cause, x.redriveCount, x.redriven}
}

// close moves a running execution to a final status and reports whether it
// did; an execution closes once, so a late outcome after a stop is ignored.
func (x *execution) close(o asl.Outcome) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.status != statusRunning {
		return false
	}
	x.status = o.Status
	x.stopped = o.StopTime
	x.errName, x.cause = o.Error, o.Cause
	if o.Status == statusSucceeded {
		x.output = o.Output
	}
	return true
}

// history is an execution's event list and the asl.Recorder the engine
// writes it through. Events are kept as the engine gives them and only
// encoded when a client reads them.
type history struct {
	mu     sync.Mutex
	events []asl.Event
}

// Record appends one event.
func (h *history) Record(e asl.Event) {
	h.mu.Lock()
	h.events = append(h.events, e)
	h.mu.Unlock()
}

// page copies up to n events, walking forward from index from, or
// backward from just below from when reverse is set. It returns the
// events and the index to continue from, or -1 when nothing is left.
func (h *history) page(from, n int, reverse bool) ([]asl.Event, int, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	total := len(h.events)
	if from < 0 || from > total {
		return nil, 0, false
	}
	if !reverse {
		end := min(from+n, total)
		out := append([]asl.Event(nil), h.events[from:end]...)
		if end == total {
			return out, -1, true
		}
		return out, end, true
	}
	start := max(from-n, 0)
	out := make([]asl.Event, 0, from-start)
	for i := from - 1; i >= start; i-- {
		out = append(out, h.events[i])
	}
	if start == 0 {
		return out, -1, true
	}
	return out, start, true
}

// length returns how many events have been recorded.
func (h *history) length() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.events)
}
