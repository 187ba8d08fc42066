package asl

// parallelState runs its branches concurrently on the same input and
// outputs the array of their outputs.
type parallelState struct {
	stateBase
	branches []*stateSet
}

func (s *parallelState) eventPrefix() string { return "Parallel" }

func (p *parser) parallel(b stateBase, m map[string]any, loc string) state {
	chk := p.chk
	s := &parallelState{stateBase: b}
	p.flow(&s.stateBase, m, loc)
	s.io = p.io(m, loc, true, true)
	p.errorHandling(&s.stateBase, m, loc)
	v, ok := m["Branches"]
	if !ok {
		return s
	}
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		chk.schema(loc+"/Branches", "Branches must be a non-empty array")
		return s
	}
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		chk.add("TOO_DEEPLY_NESTED", loc, "The states are nested more than %d levels deep", maxNesting)
		return s
	}
	for i, e := range list {
		bloc := loc + "/Branches/" + itoa(i)
		bm, ok := e.(map[string]any)
		if !ok {
			chk.schema(bloc, "Expected value of type: Object")
			continue
		}
		chk.fields(bm, bloc, []string{"Comment", "ProcessorConfig", "QueryLanguage"}, []string{"StartAt", "States"})
		s.branches = append(s.branches, p.stateSet(bm, bloc))
	}
	return s
}

func (s *parallelState) exec(t *thread) step {
	c := t.ctx(s)
	in, f := s.io.selectInput(t.input, c)
	if f != nil {
		return step{fail: f}
	}
	in, f = s.io.parameters(in, c)
	if f != nil {
		return step{fail: f}
	}
	if !t.record("ParallelStateStarted", "", nil) {
		return step{parked: true}
	}
	x := t.x
	g := &group{parent: t, s: s, results: make([]any, len(s.branches)), succeeded: make([]bool, len(s.branches)), pending: len(s.branches)}
	inJSON := encodeValue(in)
	x.mu.Lock()
	if t.dead || x.closed {
		x.mu.Unlock()
		return step{parked: true}
	}
	t.active = g
	for i, br := range s.branches {
		g.children = append(g.children, &thread{x: x, cur: br.start, input: in, inputJSON: inJSON, last: t.last, group: g, index: i, vars: newScope(t.vars)})
	}
	x.busy += len(g.children)
	x.mu.Unlock()
	for _, ch := range g.children {
		go ch.runCounted()
	}
	return step{parked: true}
}
