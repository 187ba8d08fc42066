package asl

// group is a Parallel or Map state in progress: the child threads it runs
// and the results they have produced so far. Its fields are guarded by
// the execution's mutex.
type group struct {
	parent   *thread
	s        groupState
	results  []any
	pending  int // children not yet finished
	done     bool
	children []*thread

	// succeeded marks the children that ended well, by index: a redrive
	// keeps their results and reruns the others.
	succeeded []bool

	// Map only.
	inputs []any // iteration inputs, one per item
	// order lists the iterations to run, by index, when a redrive reruns
	// only some; nil runs every input in turn. started counts how many of
	// them have been started so far.
	order   []int
	started int
	// revived holds, by index, the redriven iterations that resume where
	// they stopped rather than at the item processor's start.
	revived   map[int]*thread
	maxConc   int // 0: unlimited
	failures  int
	tolerance *tolerance
}

// groupState is a state that runs child threads: Parallel or Map.
type groupState interface {
	state
	// eventPrefix is "Parallel" or "Map", for the group's history events.
	eventPrefix() string
}

// childDone receives the end of a child thread.
func (g *group) childDone(ch *thread, out any, f *failure) {
	x := g.parent.x
	x.mu.Lock()
	if g.done || x.closed || ch.dead {
		x.mu.Unlock()
		return
	}
	ch.finished = true
	// A failure the Map tolerates still counts as one for a redrive.
	g.succeeded[ch.index] = f == nil
	isMap := g.inputs != nil
	// On AWS a Map iteration's end event is a side branch of the history:
	// what comes next (the next iteration's MapIterationStarted, or
	// MapStateFailed) points at the iteration's last state event, as every
	// Map history in LocalStack's AWS-recorded snapshots shows.
	before := ch.last
	if isMap {
		typ, key := "MapIterationSucceeded", "mapIterationSucceededEventDetails"
		if f != nil {
			typ, key = "MapIterationFailed", "mapIterationFailedEventDetails"
		}
		ch.last = x.recordLocked(ch.last, typ, key, &MapIterationEventDetails{Name: g.s.base().name, Index: ch.index})
	}
	if f != nil && isMap && g.tolerance != nil {
		g.failures++
		if g.tolerance.allows(g.failures, len(g.inputs)) {
			out, f = map[string]any{"Error": f.name, "Cause": f.cause}, nil
		} else {
			f = fail(ErrNameExceedToleratedFailure, "The specified tolerated failure threshold was exceeded")
		}
	}
	if f != nil {
		g.done = true
		if _, atTask := ch.cur.(*taskState); atTask {
			// AWS records the failed child's Task state as aborted,
			// pointing at its failure event, retried or not
			// (callback/test_callback.snapshot.json,
			// TestCallback::test_sqs_failure_in_wait_for_task_tok_no_error_field[SQS_PARALLEL_WAIT_FOR_TASK_TOKEN];
			// states_variables/test_error_output.snapshot.json,
			// test_parallel_catch_error).
			x.recordLocked(before, "TaskStateAborted", "", nil)
		}
		g.abortChildrenLocked(ch)
		g.parent.active = nil
		g.parent.failed = g
		// MapStateFailed / ParallelStateFailed waits for the parent's
		// Retry decision: AWS records none before a retry, whose
		// MapStateStarted points at the iteration's last event
		// (scenarios/test_base_scenarios.snapshot.json,
		// TestBaseScenarios::test_map_state_retry, test_parallel_state_retry).
		g.parent.last = before
		g.parent.groupFailed = g.s.eventPrefix() + "StateFailed"
		x.mu.Unlock()
		g.parent.resume(g.s, step{fail: f})
		return
	}
	g.results[ch.index] = out
	g.pending--
	var launch *thread
	if isMap && g.unstarted() > 0 {
		launch = g.startIterationLocked(before)
		x.busy++
	}
	if g.pending > 0 {
		x.mu.Unlock()
		if launch != nil {
			go launch.runCounted()
		}
		return
	}
	g.done = true
	g.parent.active = nil
	// MapStateSucceeded / ParallelStateSucceeded is a side event too: the
	// state's exit points at the event before it, as on AWS.
	x.recordLocked(ch.last, g.s.eventPrefix()+"StateSucceeded", "", nil)
	g.parent.last = ch.last
	x.mu.Unlock()
	g.parent.resume(g.s, g.finish())
}

// finish turns the collected results into the state's output.
func (g *group) finish() step {
	t := g.parent
	b := g.s.base()
	out, f := b.io.output(t.input, g.results, t.ctx(g.s))
	if f != nil {
		return step{fail: f}
	}
	return b.then(out)
}

// abortChildrenLocked stops every running child except the one that just
// finished, recording MapIterationAborted for stopped Map iterations.
func (g *group) abortChildrenLocked(except *thread) {
	x := g.parent.x
	for _, c := range g.children {
		if c == except || c.dead || c.finished {
			continue
		}
		c.abortLocked()
		if g.inputs != nil {
			c.last = x.recordLocked(c.last, "MapIterationAborted", "mapIterationAbortedEventDetails",
				&MapIterationEventDetails{Name: g.s.base().name, Index: c.index})
		}
	}
}

// abortLocked stops the whole group, for an execution or enclosing
// branch that stops.
func (g *group) abortLocked() {
	g.done = true
	for _, c := range g.children {
		if !c.dead {
			c.abortLocked()
		}
	}
}

// unstarted returns how many Map iterations are still to be started.
func (g *group) unstarted() int {
	if g.order != nil {
		return len(g.order) - g.started
	}
	return len(g.inputs) - g.started
}

// startIterationLocked creates the next Map iteration's thread, or takes
// the redriven one, and records its MapIterationStarted pointing at prev;
// the caller runs it after unlocking.
func (g *group) startIterationLocked(prev int64) *thread {
	x := g.parent.x
	i := g.started
	if g.order != nil {
		i = g.order[g.started]
	}
	g.started++
	ch := g.revived[i]
	if ch != nil {
		delete(g.revived, i)
	} else {
		ch = &thread{x: x, cur: g.s.(*mapState).processor.start, input: g.inputs[i], group: g, index: i, vars: newScope(g.parent.vars)}
	}
	ch.last = x.recordLocked(prev, "MapIterationStarted", "mapIterationStartedEventDetails",
		&MapIterationEventDetails{Name: g.s.base().name, Index: i})
	g.children = append(g.children, ch)
	return ch
}
