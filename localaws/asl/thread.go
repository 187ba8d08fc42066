package asl

import (
	"fmt"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// thread runs one state set: the machine's top level, a Parallel branch
// or a Map iteration. It is not a goroutine: it runs on whichever
// goroutine moves it (the one Start spawns, a timer's, or the one that
// delivered a task result) and, while it waits, it is only this struct
// plus a timer or a registered task token.
type thread struct {
	x         *Execution
	cur       state
	input     any
	inputJSON string // input rendered as JSON, when already known
	last      int64  // id of this thread's latest event
	item      *mapItem

	// Per-state bookkeeping, reset when a state is entered.
	entered   time.Time
	enteredID int64
	// enteredPrev is the previousEventId of the current state's entered
	// event.
	enteredPrev int64
	// groupFailed is the MapStateFailed / ParallelStateFailed event a
	// failed group owes its state, recorded unless the state is retried.
	groupFailed string
	retryCount  int
	attempts    []int

	// vars are the workflow variables this thread sees; pending holds
	// what the current state assigns, applied when it succeeds.
	vars    *scope
	pending map[string]variable

	// group receives this thread's end when it is a branch or iteration.
	group *group
	index int

	// resumeGroup is the Parallel or Map group a redriven thread picks up when
	// it enters its first state, instead of starting every branch afresh.
	resumeGroup *group
	// failed is the Parallel or Map group whose failure failed the current
	// state, kept so that a redrive reruns only what did not succeed. The
	// group's last child sets it under x.mu; moving on clears it.
	failed *group

	// Guarded by x.mu.
	dead     bool
	finished bool
	timer    clock.Timer // a Wait or retry interval in progress
	task     *attempt    // a task in progress
	active   *group      // a Parallel or Map in progress
}

// run moves the thread from state to state until it ends or parks.
func (t *thread) run() {
	for t.step() {
	}
}

// runCounted runs the thread on a goroutine its spawner counted in
// Execution.busy, and lets the count go when the thread parks or ends.
func (t *thread) runCounted() {
	defer t.x.leave()
	t.run()
}

// step enters the current state and runs it; it reports whether the
// thread should go on to its (new) current state.
func (t *thread) step() bool {
	s := t.cur
	b := s.base()
	t.entered = t.x.engine.clock.Now()
	t.retryCount = 0
	t.attempts = t.attempts[:0]
	if t.inputJSON == "" {
		t.inputJSON = encodeValue(t.input)
	}
	t.enteredPrev = t.last
	if !t.record(b.entered, "stateEnteredEventDetails", &StateEnteredEventDetails{Name: b.name, Input: t.inputJSON}) {
		return false
	}
	t.enteredID = t.last
	if g := t.resumeGroup; g != nil {
		t.resumeGroup = nil
		if g.s == s {
			return t.settle(s, g.restart())
		}
	}
	return t.settle(s, s.exec(t))
}

// resume continues the thread after a parked state produced its step.
func (t *thread) resume(s state, r step) {
	if t.settle(s, r) {
		t.run()
	}
}

// settle applies a state's step: it leaves the state, handles a failure,
// or does nothing for a parked state.
func (t *thread) settle(s state, r step) bool {
	if r.parked {
		return false
	}
	if r.fail != nil {
		t.pending = nil
		return t.recover(s, r.fail)
	}
	assigned := t.applyAssign()
	b := s.base()
	outJSON := encodeValue(r.out)
	if len(outJSON) > payloadLimit {
		return t.recover(s, fail(ErrNameDataLimitExceeded, fmt.Sprintf(
			"The state/task '%s' returned a result with a size exceeding the maximum number of bytes service limit.", b.name)))
	}
	if b.exited != "" && !t.record(b.exited, "stateExitedEventDetails", exitedDetails(b.name, outJSON, assigned)) {
		return false
	}
	if r.end || r.next == nil {
		t.end(r.out, outJSON, nil)
		return false
	}
	t.moveTo(r.next, r.out, outJSON)
	return true
}

// moveTo makes next the thread's current state, with input as its input.
func (t *thread) moveTo(next state, input any, inputJSON string) {
	t.cur, t.input, t.inputJSON = next, input, inputJSON
	t.failed = nil
}

// recover retries the state, moves to a catcher, or ends the thread with
// the failure, as the state's Retry and Catch say.
func (t *thread) recover(s state, f *failure) bool {
	b := s.base()
	t.locate(b, f)
	for i := range b.retriers {
		r := &b.retriers[i]
		if !f.caughtBy(r.errorEquals) {
			continue
		}
		for len(t.attempts) < len(b.retriers) {
			t.attempts = append(t.attempts, 0)
		}
		if t.attempts[i] >= r.maxAttempts {
			break
		}
		d := r.delay(t.attempts[i], t.x.engine.random)
		t.attempts[i]++
		t.retryCount++
		t.x.mu.Lock()
		t.groupFailed = ""
		if t.dead || t.x.closed {
			t.x.mu.Unlock()
			return false
		}
		t.timer = t.x.engine.clock.AfterFunc(d, func() { t.retry(s) })
		t.x.mu.Unlock()
		return false
	}
	t.recordGroupFailed()
	for i := range b.catchers {
		c := &b.catchers[i]
		if !f.caughtBy(c.errorEquals) {
			continue
		}
		out, f2 := catchOutput(c, t.input, f, t.ctx(s))
		if f2 != nil {
			t.locate(b, f2)
			t.pending = nil
			t.evaluationFailed(s, f2)
			t.end(nil, "", f2)
			return false
		}
		assigned := t.applyAssign()
		outJSON := encodeValue(out)
		if b.exited != "" && !t.record(b.exited, "stateExitedEventDetails", exitedDetails(b.name, outJSON, assigned)) {
			return false
		}
		t.moveTo(c.next, out, outJSON)
		return true
	}
	t.evaluationFailed(s, f)
	t.end(nil, "", f)
	return false
}

// evaluationFailed records the EvaluationFailed event AWS writes before a
// States.QueryEvaluationError ends a thread, once per failure. As in every
// such history of LocalStack's AWS-recorded snapshots, it points at the
// event before the state's entered event (at the entered event for a
// Wait state), and a Map state that fails before starting records
// MapStateFailed after it.
func (t *thread) evaluationFailed(s state, f *failure) {
	if f.name != ErrNameQueryEvaluation || f.reported {
		return
	}
	f.reported = true
	b := s.base()
	prev := t.enteredPrev
	if _, wait := s.(*waitState); wait {
		prev = t.enteredID
	}
	x := t.x
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed || t.dead {
		return
	}
	notStarted := t.last == t.enteredID
	t.last = x.recordLocked(prev, EventEvaluationFailed, "evaluationFailedEventDetails",
		&EvaluationFailedEventDetails{Error: f.name, Cause: f.cause, Location: f.field, State: b.name})
	if _, isMap := s.(*mapState); isMap && notStarted && !x.closed {
		t.last = x.recordLocked(t.last, "MapStateFailed", "", nil)
	}
}

// retry runs the state's body again after a retry interval, without a new
// "Entered" event, as Step Functions does.
func (t *thread) retry(s state) {
	t.x.mu.Lock()
	if t.dead || t.x.closed {
		t.x.mu.Unlock()
		return
	}
	t.timer = nil
	t.x.busy++
	t.x.mu.Unlock()
	defer t.x.leave()
	t.resume(s, s.exec(t))
}

// end finishes the thread: the execution for the root thread, the owning
// Parallel or Map for the others.
func (t *thread) end(out any, outJSON string, f *failure) {
	if t.group == nil {
		t.x.complete(out, outJSON, f)
		return
	}
	t.vars.release()
	t.group.childDone(t, out, f)
}

// record adds an event to the history unless the thread has been stopped.
func (t *thread) record(typ, key string, details any) bool {
	x := t.x
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed || t.dead {
		return false
	}
	t.last = x.recordLocked(t.last, typ, key, details)
	return !x.closed // the event may have been the one too many
}

// park registers a timer that will resume the thread, unless the thread
// was stopped meanwhile.
func (t *thread) park(d time.Duration, f func()) bool {
	t.x.mu.Lock()
	defer t.x.mu.Unlock()
	if t.dead || t.x.closed {
		return false
	}
	t.timer = t.x.engine.clock.AfterFunc(d, func() {
		t.x.mu.Lock()
		if t.dead || t.x.closed {
			t.x.mu.Unlock()
			return
		}
		t.timer = nil
		t.x.busy++
		t.x.mu.Unlock()
		defer t.x.leave()
		f()
	})
	return true
}

// abortLocked stops the thread and everything it waits on or runs.
func (t *thread) abortLocked() {
	t.dead = true
	if t.group != nil {
		t.vars.release()
	}
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	if t.task != nil {
		t.task.closeLocked()
	}
	if t.active != nil {
		t.active.abortLocked()
	}
}

// ctx returns the evaluation context for the thread's current state.
func (t *thread) ctx(s state) *evalCtx {
	b := s.base()
	return &evalCtx{x: t.x, th: t, vars: t.vars, stateName: b.name, entered: t.entered, retryCount: t.retryCount,
		retries: len(b.retriers) > 0, item: t.item}
}

// locate opens the cause of a States.Runtime or States.QueryEvaluationError
// with the sentence naming the state, as Step Functions does, once.
func (t *thread) locate(b *stateBase, f *failure) {
	if (f.name == ErrNameRuntime || f.name == ErrNameQueryEvaluation) && !f.located && t.enteredID > 0 {
		f.cause = fmt.Sprintf("An error occurred while executing the state '%s' (entered at the event id #%d). %s",
			b.name, t.enteredID, f.cause)
		f.located = true
	}
}

// recordGroupFailed records the failed group's MapStateFailed or
// ParallelStateFailed, if one is owed.
func (t *thread) recordGroupFailed() {
	x := t.x
	x.mu.Lock()
	defer x.mu.Unlock()
	typ := t.groupFailed
	t.groupFailed = ""
	if typ == "" || x.closed || t.dead {
		return
	}
	t.last = x.recordLocked(t.last, typ, "", nil)
}
