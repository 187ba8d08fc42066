package asl

import (
	"errors"
	"fmt"
	"strings"

	"github.com/payflow-dev/payflow/localaws/asl/choice"
)

// choiceState branches on its input: the first matching rule's Next, else
// Default, else States.NoChoiceMatched.
type choiceState struct {
	stateBase
	rules    []choiceRule
	fallback state
	// defaultAssign is the state's own Assign: it applies when no rule
	// matches, as a matched rule applies its own Assign instead.
	defaultAssign template
}

type choiceRule struct {
	rule    *choice.Rule
	next    state
	context bool     // the rule reads $$
	vars    bool     // the rule reads workflow variables
	assign  template // the rule's Assign, read from the state input
}

func (p *parser) choice(b stateBase, m map[string]any, loc string) state {
	if p.ql == queryJSONata {
		return p.ataChoice(b, m, loc)
	}
	chk := p.chk
	s := &choiceState{stateBase: b}
	s.io = p.io(m, loc, false, false)
	if pio, ok := s.io.(*pathIO); ok {
		s.defaultAssign, pio.assign = pio.assign, nil
	}
	list, ok := m["Choices"].([]any)
	if hasKey(m, "Choices") && (!ok || len(list) == 0) {
		chk.schema(loc+"/Choices", "Choices must be a non-empty array of Choice Rules")
	}
	s.rules = make([]choiceRule, len(list))
	for i, e := range list {
		rloc := fmt.Sprintf("%s/Choices/%d", loc, i)
		rm, ok := e.(map[string]any)
		if !ok {
			chk.schema(rloc, "Expected value of type: Object")
			continue
		}
		// A rule may carry an Assign, as AWS accepts
		// (assign/test_assign_reference_variables.snapshot.json,
		// TestAssignReferenceVariables::test_assign_in_choice_state).
		var ruleAssign template
		if av, has := rm["Assign"]; has {
			if am, isObj := av.(map[string]any); isObj {
				p.checkAssignNames(am, rloc, true)
				ruleAssign = compileTemplate(am, rloc+"/Assign", chk)
			} else {
				chk.schema(rloc+"/Assign", "Expected value of type: Object")
			}
			rest := make(map[string]any, len(rm))
			for k, v := range rm {
				if k != "Assign" {
					rest[k] = v
				}
			}
			rm = rest
		}
		r, err := choice.Parse(rm, rloc)
		if err != nil {
			var ve *choice.ValidationError
			if errors.As(err, &ve) {
				chk.add(ve.Code, ve.Location, "%s", ve.Message)
			} else {
				chk.schema(rloc, "%s", err.Error())
			}
			continue
		}
		s.rules[i] = choiceRule{rule: r, context: strings.Contains(encodeValue(rm), "$$"), vars: mentionsVariable(rm), assign: ruleAssign}
		s.transitions = append(s.transitions, transition{name: r.Next(), loc: rloc + "/Next", dst: &s.rules[i].next})
	}
	if def, ok := chk.str(m, "Default", loc); ok {
		s.transitions = append(s.transitions, transition{name: def, loc: loc + "/Default", dst: &s.fallback})
	}
	return s
}

func (s *choiceState) exec(t *thread) step {
	c := t.ctx(s)
	in, f := s.io.selectInput(t.input, c)
	if f != nil {
		return step{fail: f}
	}
	next, assign := s.fallback, s.defaultAssign
	for i := range s.rules {
		r := &s.rules[i]
		if r.rule == nil {
			continue
		}
		var ok bool
		var err error
		switch {
		case r.vars:
			var ctx any
			if r.context {
				ctx = c.object()
			}
			ok, err = r.rule.MatchVars(in, ctx, func(name string) (any, bool) {
				v, ok := c.vars.lookup(name)
				return v.json, ok
			})
		case r.context:
			ok, err = r.rule.MatchContext(in, c.object())
		default:
			ok, err = r.rule.Match(in)
		}
		if err != nil {
			return step{fail: fail(ErrNameRuntime, err.Error())}
		}
		if ok {
			next, assign = r.next, r.assign
			break
		}
	}
	if next == nil {
		return step{fail: fail(ErrNameNoChoiceMatched, fmt.Sprintf("No Choice Rules matched the input '%s' in state '%s'", encodeValue(in), s.name))}
	}
	if assign != nil {
		v, f := assign.eval(in, c)
		if f != nil {
			return step{fail: f}
		}
		vals, _ := v.(map[string]any)
		if f := c.stageAssign(vals); f != nil {
			return step{fail: f}
		}
	}
	out, f := s.io.output(t.input, in, c)
	if f != nil {
		return step{fail: f}
	}
	return step{out: out, next: next}
}
