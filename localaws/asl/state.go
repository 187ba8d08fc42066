package asl

// state is one parsed state of a definition. exec runs the state's body
// for a thread whose current input is the state's raw input; the thread
// has already recorded the state's "Entered" event.
type state interface {
	base() *stateBase
	exec(t *thread) step
}

// step is what running a state's body produced: an output and where to go
// next, a failure, or parked when the state waits for a timer or a
// callback that will resume the thread.
type step struct {
	out    any
	next   state
	end    bool
	fail   *failure
	parked bool
}

// stateBase holds the fields every state type shares.
type stateBase struct {
	name     string
	kind     string // the Type field
	next     state
	end      bool
	io       stateIO
	retriers []retrier
	catchers []catcher
	// entered and exited are the history event types, empty when the
	// state type records none (FailStateExited does not exist).
	entered, exited string
	transitions     []transition
}

func (b *stateBase) base() *stateBase { return b }

// terminal reports whether the state can end its state set.
func (b *stateBase) terminal() bool {
	return b.end || b.kind == "Succeed" || b.kind == "Fail"
}

// then is the step that leaves the state with out along Next or End.
func (b *stateBase) then(out any) step {
	return step{out: out, next: b.next, end: b.end}
}

// Groups of fields state types accept besides Type, Comment and
// QueryLanguage.
func flowFields() []string { return []string{"Next", "End"} }
func ioFields() []string   { return []string{"InputPath", "OutputPath"} }
func resultFields() []string {
	return []string{"Parameters", "ResultPath", "ResultSelector", "Retry", "Catch"}
}

// state parses one state, dispatching on its Type.
func (p *parser) state(name string, m map[string]any, loc string) state {
	chk := p.chk
	kind, ok := chk.str(m, "Type", loc)
	if !ok {
		if !hasKey(m, "Type") {
			chk.schema(loc, "These fields are required: [Type]")
		}
		return nil
	}
	prevQL := p.ql
	defer func() { p.ql = prevQL }()
	p.ql = p.queryLanguage(m, loc, p.topQL)
	if p.topQL == queryJSONata && p.ql == queryJSONPath {
		chk.schema(loc+"/QueryLanguage", "The QueryLanguage 'JSONPath' cannot be used in a state when the state machine's QueryLanguage is 'JSONata'")
	}
	if p.ql == queryJSONata {
		return p.jsonataState(name, kind, m, loc)
	}
	b := stateBase{name: name, kind: kind, entered: kind + "StateEntered", exited: kind + "StateExited"}
	allowed := func(fields ...[]string) []string {
		out := []string{"Type", "Comment", "QueryLanguage"}
		for _, f := range fields {
			out = append(out, f...)
		}
		return out
	}
	switch kind {
	case "Pass":
		chk.fields(m, loc, allowed(flowFields(), ioFields(), []string{"Parameters", "ResultPath", "Result", "Assign"}), nil)
		return p.pass(b, m, loc)
	case "Task":
		chk.fields(m, loc, allowed(flowFields(), ioFields(), resultFields(),
			[]string{"TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign"}),
			[]string{"Resource"})
		return p.task(b, m, loc)
	case "Choice":
		chk.fields(m, loc, allowed(ioFields(), []string{"Default", "Assign"}), []string{"Choices"})
		return p.choice(b, m, loc)
	case "Wait":
		chk.fields(m, loc, allowed(flowFields(), ioFields(), []string{"Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"}), nil)
		return p.wait(b, m, loc)
	case "Succeed":
		chk.fields(m, loc, allowed(ioFields()), nil)
		b.io = p.io(m, loc, false, false)
		return &succeedState{stateBase: b}
	case "Fail":
		chk.fields(m, loc, allowed([]string{"Error", "ErrorPath", "Cause", "CausePath"}), nil)
		b.exited = ""
		return p.failState(b, m, loc)
	case "Parallel":
		chk.fields(m, loc, allowed(flowFields(), ioFields(), resultFields(), []string{"Assign"}), []string{"Branches"})
		return p.parallel(b, m, loc)
	case "Map":
		chk.fields(m, loc, allowed(flowFields(), ioFields(), resultFields(), []string{"ItemsPath", "ItemSelector",
			"ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
			"ToleratedFailurePercentage", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "Label",
			"ItemReader", "ItemBatcher", "ResultWriter", "Assign"}), nil)
		return p.mapState(b, m, loc)
	default:
		chk.schema(loc+"/Type", "Value is not one of [Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map]")
		return nil
	}
}

// flow parses Next and End for states that transition.
func (p *parser) flow(b *stateBase, m map[string]any, loc string) {
	next, hasNext := p.chk.str(m, "Next", loc)
	end := false
	if v, ok := m["End"]; ok {
		e, isBool := v.(bool)
		if !isBool {
			p.chk.schema(loc+"/End", "Expected value of type: Boolean")
		}
		end = e
	}
	switch {
	case hasNext && end:
		p.chk.schema(loc, "Only one of the fields 'Next' and 'End' may be defined")
	case !hasNext && !end && !hasKey(m, "Next"):
		p.chk.schema(loc, "These fields are required: [Next] or End must be true")
	case hasNext:
		b.transitions = append(b.transitions, transition{name: next, loc: loc + "/Next", dst: &b.next})
	}
	b.end = end
}
