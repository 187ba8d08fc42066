package asl

import (
	"errors"
	"slices"
)

// Redrive resumes an execution whose last run failed, timed out or was
// aborted, as RedriveExecution does: it records ExecutionRedriven and
// re-enters the states that had not finished, each with the input it had,
// while the states that succeeded keep their results and do not run
// again. In a Parallel only the branches, in a Map only the iterations,
// that had not succeeded run again. Retry counts start afresh, a task
// waiting for a callback gets a new token, and the machine's
// TimeoutSeconds counts from the redrive. done is called again when the
// run ends. Redrive returns how many times the execution has been
// redriven, this time included.
//
// Redrive refuses with ErrExecutionRunning, ErrExecutionSucceeded or
// ErrHistoryFull. It waits for what is left of the ended run (a task
// call being cancelled, a timer firing) to let go of the execution.
func (x *Execution) Redrive() (int, error) {
	x.mu.Lock()
	if err := x.redrivableLocked(); err != nil {
		x.mu.Unlock()
		return 0, err
	}
	for x.busy > 0 {
		if x.drained == nil {
			x.drained = make(chan struct{})
		}
		ch := x.drained
		x.mu.Unlock()
		<-ch
		x.mu.Lock()
		if err := x.redrivableLocked(); err != nil { // a concurrent redrive won
			x.mu.Unlock()
			return 0, err
		}
	}
	x.redrives++
	n := x.redrives
	x.redriven = x.engine.clock.Now()
	x.closed = false
	id := x.emitLocked(x.nextID, EventExecutionRedriven, "executionRedrivenEventDetails",
		&ExecutionRedrivenEventDetails{RedriveCount: n})
	root := x.halted.reviveLocked(nil)
	root.last = id
	x.root, x.halted = root, nil
	if x.machine.timeout > 0 {
		x.timer = x.engine.clock.AfterFunc(x.machine.timeout, x.timeOut)
	}
	x.busy++ // the goroutine below
	x.mu.Unlock()
	go root.runCounted()
	return n, nil
}

// Redrivable reports why Redrive would refuse, or nil if it would not.
func (x *Execution) Redrivable() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.redrivableLocked()
}

func (x *Execution) redrivableLocked() error {
	switch {
	case !x.closed:
		return ErrExecutionRunning
	case x.halted != nil:
		return nil
	case x.nextID >= redriveHistoryLimit:
		return ErrHistoryFull
	}
	return ErrExecutionSucceeded
}

// redriveHistoryLimit is the most events a history may hold for a
// redrive to leave room for ExecutionRedriven and at least one more
// event: AWS requires fewer than 24,999 (RedriveExecution API reference).
const redriveHistoryLimit = historyLimit - 1

// Reasons Redrive refuses.
var (
	// ErrExecutionRunning: the execution has not ended.
	ErrExecutionRunning = errors.New("execution is running")
	// ErrExecutionSucceeded: the execution succeeded; there is nothing
	// to resume.
	ErrExecutionSucceeded = errors.New("execution succeeded")
	// ErrHistoryFull: the history has no room for a redrive.
	ErrHistoryFull = errors.New("execution history event limit exceeded")
)

// EventExecutionRedriven is the history event a redrive records.
const EventExecutionRedriven = "ExecutionRedriven"

// ExecutionRedrivenEventDetails are the details of ExecutionRedriven.
type ExecutionRedrivenEventDetails struct {
	RedriveCount int `json:"redriveCount"`
}

// reviveLocked returns a new thread that resumes where t stopped: at its
// current state, with that state's input and t's variables. A Parallel or
// Map that t was running, or that failed it, comes back as a group that
// reruns only the children that had not succeeded. The old thread stays
// dead, so a late timer or task result of the ended run cannot move the
// new one.
func (t *thread) reviveLocked(parent *group) *thread {
	n := &thread{x: t.x, cur: t.cur, input: t.input, inputJSON: t.inputJSON, item: t.item,
		vars: t.vars, group: parent, index: t.index}
	g := t.active
	if g == nil {
		g = t.failed
	}
	if g != nil && g.s == t.cur {
		n.resumeGroup = g.reviveLocked(n)
	}
	return n
}

// reviveLocked returns a copy of the group for parent to run again, with
// the results of the children that succeeded and new threads for the
// others.
func (g *group) reviveLocked(parent *thread) *group {
	n := &group{parent: parent, s: g.s, results: slices.Clone(g.results), succeeded: slices.Clone(g.succeeded),
		inputs: g.inputs, maxConc: g.maxConc, tolerance: g.tolerance}
	if g.inputs == nil { // Parallel: every branch started with the state
		for _, c := range g.children {
			if !n.succeeded[c.index] {
				n.children = append(n.children, c.reviveLocked(n))
			}
		}
		n.pending = len(n.children)
		return n
	}
	n.order = []int{}
	for i, ok := range n.succeeded {
		if !ok {
			n.order = append(n.order, i)
		}
	}
	n.revived = map[int]*thread{}
	for _, c := range g.children {
		if !n.succeeded[c.index] {
			n.revived[c.index] = c.reviveLocked(n)
		}
	}
	n.pending = len(n.order)
	return n
}

// restart runs a revived group for the thread that has just re-entered
// its state: it records the state's start again and launches the
// children to rerun. With none left to rerun, only the state's output
// remains to be worked out.
func (g *group) restart() step {
	t := g.parent
	x := t.x
	prefix := g.s.eventPrefix()
	ok := false
	if g.inputs != nil {
		ok = t.record("MapStateStarted", "mapStateStartedEventDetails", &MapStateStartedEventDetails{Length: len(g.inputs)})
	} else {
		ok = t.record("ParallelStateStarted", "", nil)
	}
	if !ok {
		return step{parked: true}
	}
	if g.pending == 0 {
		if !t.record(prefix+"StateSucceeded", "", nil) {
			return step{parked: true}
		}
		return g.finish()
	}
	x.mu.Lock()
	if t.dead || x.closed {
		x.mu.Unlock()
		return step{parked: true}
	}
	t.active = g
	launch := g.children
	if g.inputs != nil {
		n := g.unstarted()
		if g.maxConc > 0 && g.maxConc < n {
			n = g.maxConc
		}
		launch = make([]*thread, 0, n)
		for range n {
			if x.closed { // the history limit ended the execution
				break
			}
			launch = append(launch, g.startIterationLocked(t.last))
		}
	} else {
		for _, c := range launch {
			c.last = t.last
		}
	}
	x.busy += len(launch)
	x.mu.Unlock()
	for _, c := range launch {
		go c.runCounted()
	}
	return step{parked: true}
}
