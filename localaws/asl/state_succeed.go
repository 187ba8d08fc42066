package asl

// succeedState ends its state set successfully.
type succeedState struct {
	stateBase
}

func (s *succeedState) exec(t *thread) step {
	c := t.ctx(s)
	in, f := s.io.selectInput(t.input, c)
	if f != nil {
		return step{fail: f}
	}
	out, f := s.io.output(t.input, in, c)
	if f != nil {
		return step{fail: f}
	}
	return step{out: out, end: true}
}
