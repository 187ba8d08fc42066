package asl

// ataIO is the JSONata query language's input and output processing: a
// state reads its raw input as $states.input, Arguments builds what a
// Task or Parallel works on, Output shapes the state output (by default
// the result of a Task, Map or Parallel, the input of any other state),
// and Assign sets variables, every expression seeing the variables as
// they were when the state was entered
// (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
type ataIO struct {
	args   ataTemplate
	out    ataTemplate
	assign ataTemplate
	result bool // the state has a result: Task, Map, Parallel
}

// ataIO parses Arguments, Output and Assign of a JSONata state.
func (p *parser) ataIO(m map[string]any, loc string, withArgs, withResult bool) *ataIO {
	io := &ataIO{result: withResult}
	sc := ataScope{result: withResult}
	if v, ok := m["Arguments"]; ok && withArgs {
		io.args = p.compileAta(v, "Arguments", loc+"/Arguments", ataScope{})
	}
	if v, ok := m["Output"]; ok {
		io.out = p.compileAta(v, "Output", loc+"/Output", sc)
	}
	io.assign = p.assignField(m, "", loc, sc)
	return io
}

// assignField compiles the Assign of a JSONata state, or of one of its
// Choice rules or catchers (prefix "Choices[0]/", "Catch[1]/").
func (p *parser) assignField(m map[string]any, prefix, loc string, sc ataScope) ataTemplate {
	v, ok := m["Assign"]
	if !ok {
		return nil
	}
	am, isObj := v.(map[string]any)
	if !isObj {
		p.chk.schema(loc+"/Assign", "Expected value of type: Object")
		return nil
	}
	p.checkAssignNames(am, loc, false)
	return p.compileAta(am, prefix+"Assign", loc+"/Assign", sc)
}

func (io *ataIO) hasParameters() bool { return io.args != nil }

func (io *ataIO) selectInput(raw any, _ *evalCtx) (any, *failure) { return raw, nil }

func (io *ataIO) parameters(in any, c *evalCtx) (any, *failure) {
	if io.args == nil {
		return in, nil
	}
	return io.args.eval(&ataEnv{c: c, input: in})
}

func (io *ataIO) output(raw, result any, c *evalCtx) (any, *failure) {
	env := &ataEnv{c: c, input: raw, result: result, hasResult: io.result}
	out := raw
	if io.result {
		out = result
	}
	if io.out != nil {
		v, f := io.out.eval(env)
		if f != nil {
			return nil, f
		}
		out = v
	}
	return out, stageAta(io.assign, env)
}

// stageAta evaluates an Assign and stages its variables.
func stageAta(assign ataTemplate, env *ataEnv) *failure {
	if assign == nil {
		return nil
	}
	v, f := assign.eval(env)
	if f != nil {
		return f
	}
	vals, _ := v.(map[string]any)
	return env.c.stageAssign(vals)
}
