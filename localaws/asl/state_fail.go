package asl

import "fmt"

// failState ends its state set with an error and a cause, fixed or read
// from the input with ErrorPath and CausePath (paths or intrinsics).
type failState struct {
	stateBase
	errName, cause       string
	errorPath, causePath template
	errorAta, causeAta   ataTemplate // JSONata Error and Cause
}

func (p *parser) failState(b stateBase, m map[string]any, loc string) state {
	chk := p.chk
	s := &failState{stateBase: b}
	s.errName, _ = chk.str(m, "Error", loc)
	s.cause, _ = chk.str(m, "Cause", loc)
	if p.ql == queryJSONata {
		s.errorAta = p.ataField(m, "Error", loc, ataScope{})
		s.causeAta = p.ataField(m, "Cause", loc, ataScope{})
	}
	s.errorPath = p.dynamicString(m, "ErrorPath", loc)
	s.causePath = p.dynamicString(m, "CausePath", loc)
	if hasKey(m, "Error") && hasKey(m, "ErrorPath") {
		chk.schema(loc, "Only one of the fields 'Error' and 'ErrorPath' may be defined")
	}
	if hasKey(m, "Cause") && hasKey(m, "CausePath") {
		chk.schema(loc, "Only one of the fields 'Cause' and 'CausePath' may be defined")
	}
	return s
}

// dynamicString compiles a field holding a path or an intrinsic call.
func (p *parser) dynamicString(m map[string]any, key, loc string) template {
	s, ok := p.chk.str(m, key, loc)
	if !ok {
		return nil
	}
	if isIntrinsic(s) {
		it, err := compileIntrinsic(s)
		if err != nil {
			p.chk.schema(loc+"/"+key, "The value for the field '%s' must be a valid intrinsic function call: %v", key, err)
			return nil
		}
		return it
	}
	pth, err := compilePath(s, true)
	if err != nil {
		p.chk.schema(loc+"/"+key, "The value for the field '%s' must be a valid reference path or intrinsic function", key)
		return nil
	}
	return &pathTemplate{p: pth}
}

func (s *failState) exec(t *thread) step {
	c := t.ctx(s)
	if s.errorAta != nil || s.causeAta != nil {
		return s.ataExec(t, c)
	}
	name, f := s.resolve(s.errName, s.errorPath, "ErrorPath", t.input, c)
	if f != nil {
		return step{fail: f}
	}
	cause, f := s.resolve(s.cause, s.causePath, "CausePath", t.input, c)
	if f != nil {
		return step{fail: f}
	}
	return step{fail: fail(name, cause)}
}

func (s *failState) resolve(fixed string, tmpl template, field string, in any, c *evalCtx) (string, *failure) {
	if tmpl == nil {
		return fixed, nil
	}
	v, f := tmpl.eval(in, c)
	if f != nil {
		if pt, ok := tmpl.(*pathTemplate); ok && f.cause == "" {
			// AWS's wording (scenarios/test_base_scenarios.snapshot.json,
			// TestBaseScenarios::test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]).
			doc := in
			if pt.p.context {
				doc = c.object()
			}
			f.cause = fmt.Sprintf("The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'",
				pt.p.src, field, encodeValue(doc))
		} else if f.cause == "" {
			f.cause = fmt.Sprintf("The %s could not be resolved in the input '%s'", field, encodeValue(in))
		}
		return "", f
	}
	str, ok := v.(string)
	if !ok {
		return "", fail(ErrNameRuntime, fmt.Sprintf("The value of %s must be a string, got %s", field, encodeValue(v)))
	}
	return str, nil
}

// ataExec fails with a JSONata Error and Cause.
func (s *failState) ataExec(t *thread, c *evalCtx) step {
	env := &ataEnv{c: c, input: t.input}
	name, cause := s.errName, s.cause
	for _, fld := range []struct {
		tmpl ataTemplate
		dst  *string
	}{{s.errorAta, &name}, {s.causeAta, &cause}} {
		if fld.tmpl == nil {
			continue
		}
		v, f := fld.tmpl.eval(env)
		if f != nil {
			return step{fail: f}
		}
		str, ok := v.(string)
		if !ok {
			str = encodeValue(v)
		}
		*fld.dst = str
	}
	return step{fail: fail(name, cause)}
}
