package asl

import "fmt"

// ataChoiceState is a Choice state in JSONata: each rule is a Condition
// expression, and a rule may carry its own Output and Assign, used when
// it matches; the state's own apply to the Default path.
type ataChoiceState struct {
	stateBase
	rules    []ataRule
	fallback state
}

type ataRule struct {
	cond *ataExpr
	// constant is a Condition written as a JSON boolean, which AWS
	// accepts (scenarios/test_base_scenarios.snapshot.json,
	// TestBaseScenarios::test_choice_condition_constant_jsonata).
	constant *bool
	field    string
	next     state
	out      ataTemplate
	assign   ataTemplate
}

func (p *parser) ataChoice(b stateBase, m map[string]any, loc string) state {
	chk := p.chk
	s := &ataChoiceState{stateBase: b}
	s.io = p.io(m, loc, false, false)
	list, ok := m["Choices"].([]any)
	if hasKey(m, "Choices") && (!ok || len(list) == 0) {
		chk.schema(loc+"/Choices", "Choices must be a non-empty array of Choice Rules")
	}
	s.rules = make([]ataRule, len(list))
	for i, e := range list {
		rloc := fmt.Sprintf("%s/Choices/%d", loc, i)
		rm, ok := e.(map[string]any)
		if !ok {
			chk.schema(rloc, "Expected value of type: Object")
			continue
		}
		chk.fields(rm, rloc, []string{"Comment", "Output", "Assign"}, []string{"Condition", "Next"})
		r := &s.rules[i]
		r.field = fmt.Sprintf("Choices[%d]/Condition", i)
		cond, isStr := rm["Condition"].(string)
		constant, isBool := rm["Condition"].(bool)
		switch {
		case !hasKey(rm, "Condition"):
		case isBool:
			r.constant = &constant
		case !isStr || !isAtaString(cond):
			chk.schema(rloc+"/Condition", "The field 'Condition' must be a JSONata expression enclosed in {%% %%}")
		default:
			if x, ok := p.compileAta(cond, r.field, rloc+"/Condition", ataScope{}).(*ataExpr); ok {
				r.cond = x
			}
		}
		if v, ok := rm["Output"]; ok {
			r.out = p.compileAta(v, fmt.Sprintf("Choices[%d]/Output", i), rloc+"/Output", ataScope{})
		}
		r.assign = p.assignField(rm, fmt.Sprintf("Choices[%d]/", i), rloc, ataScope{})
		if next, ok := chk.str(rm, "Next", rloc); ok {
			s.transitions = append(s.transitions, transition{name: next, loc: rloc + "/Next", dst: &r.next})
		}
	}
	if def, ok := chk.str(m, "Default", loc); ok {
		s.transitions = append(s.transitions, transition{name: def, loc: loc + "/Default", dst: &s.fallback})
	}
	return s
}

func (s *ataChoiceState) exec(t *thread) step {
	c := t.ctx(s)
	env := &ataEnv{c: c, input: t.input}
	var match *ataRule
	for i := range s.rules {
		r := &s.rules[i]
		var v any
		switch {
		case r.constant != nil:
			v = *r.constant
		case r.cond == nil:
			continue
		default:
			var f *failure
			if v, f = r.cond.eval(env); f != nil {
				return step{fail: f}
			}
		}
		ok, isBool := v.(bool)
		if !isBool {
			return step{fail: failAt(ErrNameQueryEvaluation, r.field, fmt.Sprintf(
				"The JSONata expression '%s' specified for the field '%s' returned a non-boolean value.", r.cond.expr.String(), r.field))}
		}
		if ok {
			match = r
			break
		}
	}
	if match != nil {
		// A matched rule applies its own Output and Assign; the state's
		// belong to the Default path (as floci records from AWS).
		out := t.input
		if match.out != nil {
			var f *failure
			if out, f = match.out.eval(env); f != nil {
				return step{fail: f}
			}
		}
		if f := stageAta(match.assign, env); f != nil {
			return step{fail: f}
		}
		return step{out: out, next: match.next}
	}
	if s.fallback == nil {
		return step{fail: fail(ErrNameNoChoiceMatched, fmt.Sprintf("No Choice Rules matched the input '%s' in state '%s'", encodeValue(t.input), s.name))}
	}
	out, f := s.io.output(t.input, t.input, c)
	if f != nil {
		return step{fail: f}
	}
	return step{out: out, next: s.fallback}
}
