package asl

// choice states need internal/asl/choice, which is not available yet.
func (p *parser) choice(b stateBase, m map[string]any, loc string) state {
	p.chk.schema(loc+"/Type", "Choice states are not available in this build yet")
	return nil
}
