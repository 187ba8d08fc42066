package asl

import (
	"encoding/json"
	"fmt"
	"sync"

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
}

// recordLocked hands the next event to the recorder and returns its id.
func (x *Execution) recordLocked(prev int64, typ, key string, details any) int64 {
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
			"RedriveCount": json.Number("0"),
		}
	}
	return x.ctxExe
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
	x.closeLocked()
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
	x.recordLocked(x.root.last, EventExecutionAborted, "executionAbortedEventDetails",
		&FailureEventDetails{Error: errName, Cause: cause})
	x.closeLocked()
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
	x.closeLocked()
	o := Outcome{Status: StatusTimedOut, Error: ErrNameTimeout, Cause: cause, StopTime: x.engine.clock.Now()}
	x.mu.Unlock()
	x.finish(o)
}

// closeLocked marks the execution closed and cancels everything it waits
// on.
func (x *Execution) closeLocked() {
	x.closed = true
	if x.timer != nil {
		x.timer.Stop()
	}
	x.root.abortLocked()
}

func (x *Execution) finish(o Outcome) {
	if x.done != nil {
		x.done(o)
	}
}
