package asl

// passState passes its input to its output, optionally injecting Result.
type passState struct {
	stateBase
	result    any
	hasResult bool
}

func (p *parser) pass(b stateBase, m map[string]any, loc string) state {
	s := &passState{stateBase: b}
	p.flow(&s.stateBase, m, loc)
	s.io = p.io(m, loc, true, false)
	s.result, s.hasResult = m["Result"]
	return s
}

func (s *passState) exec(t *thread) step {
	c := t.ctx(s)
	in, f := s.io.selectInput(t.input, c)
	if f != nil {
		return step{fail: f}
	}
	result := in
	if s.hasResult {
		result = s.result
	} else if result, f = s.io.parameters(in, c); f != nil {
		return step{fail: f}
	}
	out, f := s.io.output(t.input, result, c)
	if f != nil {
		return step{fail: f}
	}
	return s.then(out)
}
