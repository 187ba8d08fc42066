package asl

import (
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// Execution is one running (or finished) execution of a Machine.
type Execution struct {
	engine  *Engine
	machine *Machine
	params  StartParams
	rec     Recorder
	done    func(Outcome)
	input   any
	root    *thread

	// mu serialises the execution's threads: event ids, the recorder,
	// and every thread's parked state.
	mu     sync.Mutex
	nextID int64
	closed bool
	timer  clock.Timer
	ctxExe map[string]any

	// busy counts the goroutines moving the execution's threads; a
	// redrive waits for it to reach zero (and drained to close) so that
	// nothing of the ended run still touches what the next one resumes.
	busy    int
	drained chan struct{}
	// halted is the root thread of an ended run that a redrive can
	// resume; nil while running, after success, and once the history is
	// too full to go on. redrives counts the redrives so far.
	halted   *thread
	redrives int
	// redriven is when the latest redrive happened.
	redriven time.Time
}

// historyLimit is Step Functions' hard quota of events in one execution's
// history (https://docs.aws.amazon.com/step-functions/latest/dg/bp-history-limit.html).
const historyLimit = 25000

// historyLimitCause is the cause AWS gives when an execution fails for
// reaching historyLimit, as users quote it from real executions.
const historyLimitCause = "The execution reached the maximum number of history events (25000)."

// recordLocked hands the next event to the recorder and returns its id.
// As on AWS, event 25,000 may only end the execution: any other event in
// its place becomes an ExecutionFailed with States.Runtime, and the
// execution closes. Nothing is recorded once the execution has closed.
func (x *Execution) recordLocked(prev int64, typ, key string, details any) int64 {
	if x.closed {
		return x.nextID
	}
	if x.nextID == historyLimit-1 && !endsExecution(typ) {
		x.emitLocked(prev, EventExecutionFailed, "executionFailedEventDetails",
			&FailureEventDetails{Error: ErrNameRuntime, Cause: historyLimitCause})
		x.closeLocked(false)
		o := Outcome{Status: StatusFailed, Error: ErrNameRuntime, Cause: historyLimitCause, StopTime: x.engine.clock.Now()}
		// The caller holds x.mu and may be deep inside a thread; done runs
		// on its own goroutine, as it would after any other ending.
		go x.finish(o)
		return x.nextID
	}
	return x.emitLocked(prev, typ, key, details)
}

// emitLocked appends one event to the history.
func (x *Execution) emitLocked(prev int64, typ, key string, details any) int64 {
	x.nextID++
	if x.rec != nil {
		x.rec.Record(Event{
			ID:              x.nextID,
			PreviousEventID: prev,
			Timestamp:       x.engine.clock.Now(),
			Type:            typ,
			DetailsKey:      key,
			Details:         details,
		})
	}
	return x.nextID
}

// endsExecution reports whether an event type closes an execution.
func endsExecution(typ string) bool {
	switch typ {
	case EventExecutionSucceeded, EventExecutionFailed, EventExecutionAborted, EventExecutionTimedOut:
		return true
	}
	return false
}

// contextExecution returns $$.Execution, built once per execution.
func (x *Execution) contextExecution() map[string]any {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.ctxExe == nil {
		x.ctxExe = map[string]any{
			"Id":           x.params.ExecutionArn,
			"Input":        x.input,
			"Name":         x.params.Name,
			"RoleArn":      x.params.RoleArn,
			"StartTime":    formatTime(x.params.StartTime),
			"RedriveCount": json.Number(strconv.Itoa(x.redrives)),
		}
		// RedriveTime exists only once the execution has been redriven
		// (the developer guide's "Context object" page).
		if x.redrives > 0 {
			x.ctxExe["RedriveTime"] = formatTime(x.redriven)
		}
	}
	return x.ctxExe
}

// completeCounted fails the execution from a goroutine counted in busy.
func (x *Execution) completeCounted(f *failure) {
	defer x.leave()
	x.complete(nil, "", f)
}

// leave ends the part a counted goroutine plays in moving the execution.
func (x *Execution) leave() {
	x.mu.Lock()
	x.busy--
	if x.busy == 0 && x.drained != nil {
		close(x.drained)
		x.drained = nil
	}
	x.mu.Unlock()
}

// complete ends the execution with the root thread's output or failure.
func (x *Execution) complete(out any, outJSON string, f *failure) {
	x.mu.Lock()
	if x.closed {
		x.mu.Unlock()
		return
	}
	o := Outcome{StopTime: x.engine.clock.Now()}
	if f == nil {
		if outJSON == "" {
			outJSON = encodeValue(out)
		}
		o.Status, o.Output = StatusSucceeded, []byte(outJSON)
		x.recordLocked(x.root.last, EventExecutionSucceeded, "executionSucceededEventDetails",
			&ExecutionSucceededEventDetails{Output: outJSON})
	} else {
		o.Status, o.Error, o.Cause = StatusFailed, f.name, f.cause
		x.recordLocked(x.root.last, EventExecutionFailed, "executionFailedEventDetails",
			&FailureEventDetails{Error: f.name, Cause: f.cause})
	}
	x.closeLocked(f != nil)
	x.mu.Unlock()
	x.finish(o)
}

// Stop aborts a running execution, as StopExecution does: every branch
// stops and pending task tokens close. It returns ErrExecutionNotRunning
// if the execution has already ended.
func (x *Execution) Stop(errName, cause string) error {
	x.mu.Lock()
	if x.closed {
		x.mu.Unlock()
		return ErrExecutionNotRunning
	}
	// A stop comes from outside the run, so AWS chains its event to none:
	// previousEventId 0 (LocalStack's AWS-validated
	// test_sfn_api.py::TestSnfApi::test_stop_execution).
	x.recordLocked(0, EventExecutionAborted, "executionAbortedEventDetails",
		&FailureEventDetails{Error: errName, Cause: cause})
	x.closeLocked(true)
	o := Outcome{Status: StatusAborted, Error: errName, Cause: cause, StopTime: x.engine.clock.Now()}
	x.mu.Unlock()
	x.finish(o)
	return nil
}

// timeOut ends the execution when the machine's TimeoutSeconds elapse.
func (x *Execution) timeOut() {
	x.mu.Lock()
	if x.closed {
		x.mu.Unlock()
		return
	}
	cause := fmt.Sprintf("The execution timed out after %d seconds.", int64(x.machine.timeout.Seconds()))
	x.recordLocked(x.root.last, EventExecutionTimedOut, "executionTimedOutEventDetails",
		&FailureEventDetails{Error: ErrNameTimeout, Cause: cause})
	x.closeLocked(true)
	o := Outcome{Status: StatusTimedOut, Error: ErrNameTimeout, Cause: cause, StopTime: x.engine.clock.Now()}
	x.mu.Unlock()
	x.finish(o)
}

// closeLocked marks the execution closed and cancels everything it waits
// on. An execution that did not succeed keeps where its threads stopped,
// for a redrive, unless its history has no room for one; otherwise it
// lets go of the data it ran on, so a finished execution that its caller
// keeps (for DescribeExecution) holds no more than its outcome.
func (x *Execution) closeLocked(unsuccessful bool) {
	x.closed = true
	if x.timer != nil {
		x.timer.Stop()
		x.timer = nil
	}
	x.root.abortLocked()
	x.halted = nil
	if unsuccessful && x.nextID < redriveHistoryLimit {
		x.halted = x.root
	} else {
		x.input = nil
	}
	x.root, x.ctxExe = nil, nil
}

func (x *Execution) finish(o Outcome) {
	if x.done != nil {
		x.done(o)
	}
}
