package asl

import "fmt"

// stateIO is a query language's input and output processing: how a state
// turns its raw input into the input of its work, and the work's result
// into the state output. JSONPath (InputPath, Parameters, ResultSelector,
// ResultPath, OutputPath) is the one implemented; JSONata (Arguments,
// Output, Assign) would be a second implementation of this interface, so
// the state types need not change.
type stateIO interface {
	// selectInput picks the part of the raw input the state works on.
	selectInput(raw any, c *evalCtx) (any, *failure)
	// parameters builds the effective input from the selected input.
	parameters(in any, c *evalCtx) (any, *failure)
	// output combines the raw input and the result into the state output.
	output(raw, result any, c *evalCtx) (any, *failure)
	// hasParameters reports whether parameters changes its input.
	hasParameters() bool
}

// pathIO is the JSONPath query language. A nil path with its null flag
// unset means "$".
type pathIO struct {
	inputPath      *path
	inputNull      bool
	outputPath     *path
	outputNull     bool
	params         template
	resultSelector template
	resultPath     *path
	resultNull     bool
	assign         template // Assign, its ".$" values read the state result
}

// io parses the input/output fields of a state. withParams admits
// Parameters and ResultPath, withResult admits ResultPath and
// ResultSelector.
func (p *parser) io(m map[string]any, loc string, withParams, withResult bool) stateIO {
	if p.ql == queryJSONata {
		return p.ataIO(m, loc, withParams, withResult)
	}
	chk := p.chk
	io := &pathIO{}
	if v, ok := m["Assign"]; ok {
		if am, isObj := v.(map[string]any); isObj {
			p.checkAssignNames(am, loc, true)
			io.assign = compileTemplate(am, loc+"/Assign", chk)
		} else {
			chk.schema(loc+"/Assign", "Expected value of type: Object")
		}
	}
	io.inputPath, io.inputNull = chk.pathField(m, "InputPath", loc, false)
	io.inputNull = io.inputNull && io.inputPath == nil
	io.outputPath, io.outputNull = chk.pathField(m, "OutputPath", loc, false)
	io.outputNull = io.outputNull && io.outputPath == nil
	if withParams {
		if v, ok := m["Parameters"]; ok {
			io.params = compileTemplate(v, loc+"/Parameters", chk)
		}
	}
	if withParams || withResult {
		io.resultPath, io.resultNull = chk.pathField(m, "ResultPath", loc, true)
		io.resultNull = io.resultNull && io.resultPath == nil
	}
	if withResult {
		if v, ok := m["ResultSelector"]; ok {
			io.resultSelector = compileTemplate(v, loc+"/ResultSelector", chk)
		}
	}
	return io
}

func (io *pathIO) hasParameters() bool { return io.params != nil }

func (io *pathIO) selectInput(raw any, c *evalCtx) (any, *failure) {
	return applyPath(io.inputPath, io.inputNull, "InputPath", raw, c)
}

func (io *pathIO) parameters(in any, c *evalCtx) (any, *failure) {
	if io.params == nil {
		return in, nil
	}
	return io.params.eval(in, c)
}

func (io *pathIO) output(raw, result any, c *evalCtx) (any, *failure) {
	if io.resultSelector != nil {
		r, f := io.resultSelector.eval(result, c)
		if f != nil {
			return nil, f
		}
		result = r
	}
	if io.assign != nil {
		v, f := io.assign.eval(result, c)
		if f != nil {
			return nil, f
		}
		vals, _ := v.(map[string]any)
		if f := c.stageAssign(vals); f != nil {
			return nil, f
		}
	}
	var out any
	switch {
	case io.resultNull:
		out = raw
	case io.resultPath == nil:
		out = result
	default:
		v, err := io.resultPath.set(raw, result)
		if err != nil {
			return nil, fail(ErrNameResultPathMatchFailure, fmt.Sprintf(
				"Unable to apply ResultPath \"%s\" to input \"%s\": %v", io.resultPath.src, encodeValue(raw), err))
		}
		out = v
	}
	return applyPath(io.outputPath, io.outputNull, "OutputPath", out, c)
}

// applyPath evaluates InputPath or OutputPath: null yields an empty
// object, an unset path the value itself.
func applyPath(p *path, null bool, field string, v any, c *evalCtx) (any, *failure) {
	switch {
	case null:
		return map[string]any{}, nil
	case p == nil || (p.whole && !p.context && p.variable == ""):
		return v, nil
	}
	out, err := p.get(v, c)
	if err != nil {
		return nil, fail(ErrNameRuntime, p.noResults())
	}
	return out, nil
}

// catchOutput is the state output when a catcher catches f: the error
// output placed at the catcher's ResultPath, or its JSONata Output
// ($states.errorOutput by default). The catcher's Assign is staged too.
func catchOutput(cat *catcher, raw any, f *failure, c *evalCtx) (any, *failure) {
	errOut := f.output()
	if cat.ata {
		env := &ataEnv{c: c, input: raw, errorOutput: errOut, hasError: true}
		out := any(errOut)
		if cat.out != nil {
			v, f2 := cat.out.eval(env)
			if f2 != nil {
				return nil, f2
			}
			out = v
		}
		return out, stageAta(cat.assignAta, env)
	}
	if cat.assign != nil {
		v, f2 := cat.assign.eval(errOut, c)
		if f2 != nil {
			return nil, f2
		}
		vals, _ := v.(map[string]any)
		if f2 := c.stageAssign(vals); f2 != nil {
			return nil, f2
		}
	}
	switch {
	case cat.resultNull:
		return raw, nil
	case cat.resultPath == nil:
		return errOut, nil
	}
	v, err := cat.resultPath.set(raw, errOut)
	if err != nil {
		return nil, fail(ErrNameResultPathMatchFailure, fmt.Sprintf(
			"Unable to apply ResultPath \"%s\" to input \"%s\": %v", cat.resultPath.src, encodeValue(raw), err))
	}
	return v, nil
}
