package asl

import (
	"context"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// attempt is one try of a Task state: the resource call and, for
// .waitForTaskToken, the wait for the callback. Whichever comes first of
// the result, the callback, a timeout, a heartbeat timeout or a stop
// settles it; the others then find it closed.
type attempt struct {
	t         *thread
	s         *taskState
	seq       uint64 // key in Engine.waiting; 0 when not waiting for a token
	token     string
	heartbeat time.Duration

	// Guarded by t.x.mu.
	closed    bool
	submitted bool    // the resource call has returned
	early     *answer // a callback that came before the call returned
	timeout   clock.Timer
	hbTimer   clock.Timer
	cancelCtx context.CancelFunc
}

// register gives the attempt a task token the engine can resolve.
func (e *Engine) register(a *attempt) {
	e.mu.Lock()
	e.nextSeq++
	a.seq = e.nextSeq
	e.waiting[a.seq] = a
	e.mu.Unlock()
	a.token = e.tokens.issue(a.seq)
}

// closeLocked closes the attempt: timers stop, the token stops resolving,
// an in-flight resource call is cancelled.
func (a *attempt) closeLocked() {
	if a.closed {
		return
	}
	a.closed = true
	if a.timeout != nil {
		a.timeout.Stop()
	}
	if a.hbTimer != nil {
		a.hbTimer.Stop()
	}
	if a.cancelCtx != nil {
		a.cancelCtx()
	}
	if a.seq != 0 {
		e := a.t.x.engine
		e.mu.Lock()
		delete(e.waiting, a.seq)
		e.mu.Unlock()
	}
	if a.t.task == a {
		a.t.task = nil
	}
}

// settle closes the attempt and reports whether the caller won the race
// to do so, and with it the right to continue the thread.
func (a *attempt) settle() bool {
	x := a.t.x
	x.mu.Lock()
	defer x.mu.Unlock()
	return a.settleLocked()
}

func (a *attempt) settleLocked() bool {
	if a.closed || a.t.dead || a.t.x.closed {
		return false
	}
	a.closeLocked()
	return true
}

// arm starts the attempt's timers; it reports false if the thread was
// stopped meanwhile.
func (a *attempt) arm(timeout time.Duration) bool {
	x := a.t.x
	x.mu.Lock()
	defer x.mu.Unlock()
	if a.t.dead || x.closed {
		a.closeLocked()
		return false
	}
	a.t.task = a
	c := x.engine.clock
	if timeout > 0 {
		a.timeout = c.AfterFunc(timeout, func() { a.expire(ErrNameTimeout, "") })
	}
	if a.heartbeat > 0 && a.seq != 0 {
		a.hbTimer = c.AfterFunc(a.heartbeat, func() { a.expire(ErrNameHeartbeatTimeout, "") })
	}
	return true
}

// beat restarts the heartbeat timer.
func (a *attempt) beat() error {
	x := a.t.x
	x.mu.Lock()
	defer x.mu.Unlock()
	if a.closed || a.t.dead || x.closed {
		return ErrTaskTimedOut
	}
	if a.heartbeat > 0 {
		if a.hbTimer != nil {
			a.hbTimer.Stop()
		}
		a.hbTimer = x.engine.clock.AfterFunc(a.heartbeat, func() { a.expire(ErrNameHeartbeatTimeout, "") })
	}
	return nil
}

// expire fails the attempt with a timeout.
func (a *attempt) expire(name, cause string) {
	x := a.t.x
	x.mu.Lock()
	won := a.settleLocked()
	if won {
		x.busy++ // this timer's goroutine now moves the thread
	}
	x.mu.Unlock()
	if !won {
		return
	}
	defer x.leave()
	a.t.resume(a.s, a.s.timedOut(a.t, name, cause))
}

// answer is a task result delivered by SendTaskSuccess or
// SendTaskFailure.
type answer struct {
	result any
	err    *TaskFailure
}

// then completes the task state with the answer.
func (an *answer) then(s *taskState, t *thread) step {
	if an.err != nil {
		return s.failed(t, an.err)
	}
	return s.succeeded(t, an.result)
}

// deliver hands a callback's answer to the attempt. An answer that comes
// before the resource call has returned (a fast worker) is held until it
// does, so that TaskSubmitted always precedes the result in the history.
func (a *attempt) deliver(an *answer) error {
	x := a.t.x
	x.mu.Lock()
	if a.closed || a.t.dead || x.closed {
		x.mu.Unlock()
		return ErrTaskTimedOut
	}
	a.closeLocked()
	if !a.submitted {
		a.early = an
		x.mu.Unlock()
		return nil
	}
	x.busy++ // the caller and then the goroutine below move the thread
	x.mu.Unlock()
	r := an.then(a.s, a.t)
	go func() {
		defer x.leave()
		a.t.resume(a.s, r)
	}()
	return nil
}

// returned records that the resource call is over and, for a callback
// task other than an activity, TaskSubmitted; it returns an answer that arrived meanwhile.
func (a *attempt) returned(output string, callErr error) *answer {
	t, x, s := a.t, a.t.x, a.s
	x.mu.Lock()
	defer x.mu.Unlock()
	a.submitted = true
	early := a.early
	a.early = nil
	live := !t.dead && !x.closed && (!a.closed || early != nil)
	if callErr == nil && s.waitForToken && !s.activity && live {
		t.last = x.recordLocked(t.last, "TaskSubmitted", "taskSubmittedEventDetails",
			&TaskOutputEventDetails{ResourceType: s.resType, Resource: s.resName, Output: output})
	}
	return early
}
