package asl

import (
	"fmt"

	"github.com/payflow-dev/payflow/localaws/jsonata"
)

// scope holds the workflow variables (Assign) one thread can see: its
// own, then those of the threads enclosing it. A Parallel branch or Map
// iteration reads the variables of the state set it runs in, and what it
// assigns stays in its own scope, as Step Functions scopes them
// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html).
// Only the owning thread writes a scope, and only while no child runs.
type scope struct {
	vals   map[string]variable
	parent *scope
}

// variable keeps a value in both forms it is read in: decoded JSON for
// JSONPath and the JSONata evaluation value.
type variable struct {
	json any
	ata  any
}

func newScope(parent *scope) *scope { return &scope{vals: map[string]variable{}, parent: parent} }

func (s *scope) lookup(name string) (variable, bool) {
	for ; s != nil; s = s.parent {
		if v, ok := s.vals[name]; ok {
			return v, true
		}
	}
	return variable{}, false
}

// bindings are the variables as JSONata sees them, inner ones shadowing
// outer ones.
func (s *scope) bindings(into map[string]any) {
	if s == nil {
		return
	}
	s.parent.bindings(into)
	for k, v := range s.vals {
		into[k] = v.ata
	}
}

// assignLimit is Step Functions' limit on the size of what one Assign
// stores: 256 KiB of JSON text.
const assignLimit = 256 * 1024

// validVarName reports what a variable name may be: a JSONata identifier
// without the $ (the caller refuses the reserved "states").
func validVarName(s string) bool {
	for i, r := range s {
		letter := r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return s != ""
}

// checkAssignNames reports invalid variable names of an Assign object.
func (p *parser) checkAssignNames(m map[string]any, loc string, jsonPath bool) {
	for _, k := range sortedKeys(m) {
		name := k
		if jsonPath && len(k) > 2 && k[len(k)-2:] == ".$" {
			name = k[:len(k)-2]
		}
		if !validVarName(name) || name == "states" {
			p.chk.schema(loc+"/Assign/"+k, "The variable name '%s' is not valid: it must start with a letter or '_', hold only letters, digits and '_', and not be 'states'", name)
		}
	}
}

// stageAssign computes an Assign's values, to be applied once the state
// succeeds, so that every expression of the state reads the variables as
// they were when it was entered.
func (c *evalCtx) stageAssign(vals map[string]any) *failure {
	if c.th == nil || len(vals) == 0 {
		return nil
	}
	size := 0
	staged := make(map[string]variable, len(vals))
	for k, v := range vals {
		size += len(encodeValue(v))
		staged[k] = variable{json: v, ata: jsonata.FromJSON(v)}
	}
	if size > assignLimit {
		return fail(ErrNameDataLimitExceeded, fmt.Sprintf(
			"The variables assigned by the state '%s' exceed the maximum size of %d bytes.", c.stateName, assignLimit))
	}
	c.th.pending = staged
	return nil
}

// applyAssign stores the staged variables in the thread's scope.
func (t *thread) applyAssign() {
	for k, v := range t.pending {
		t.vars.vals[k] = v
	}
	t.pending = nil
}

// assignedNames collects the variables the states of one state set
// assign (in the states, their Choice rules and their catchers), and
// reports those an enclosing state set assigns already: Step Functions
// refuses an inner scope that reuses an outer variable's name (as floci
// records from AWS; the wording here is ours).
func (p *parser) assignedNames(states map[string]any, loc string) map[string]bool {
	own := map[string]bool{}
	add := func(m map[string]any, aloc string) {
		am, ok := m["Assign"].(map[string]any)
		if !ok {
			return
		}
		for _, k := range sortedKeys(am) {
			name := k
			if len(k) > 2 && k[len(k)-2:] == ".$" {
				name = k[:len(k)-2]
			}
			for _, outer := range p.scopes {
				if outer[name] {
					p.chk.schema(aloc+"/Assign/"+k, "The variable '%s' is assigned in an enclosing scope; a Map or Parallel state cannot assign it again", name)
				}
			}
			own[name] = true
		}
	}
	for _, sname := range sortedKeys(states) {
		sm, ok := states[sname].(map[string]any)
		if !ok {
			continue
		}
		sloc := loc + "/States/" + sname
		add(sm, sloc)
		for _, list := range []string{"Choices", "Catch"} {
			items, _ := sm[list].([]any)
			for i, e := range items {
				if em, ok := e.(map[string]any); ok {
					add(em, sloc+"/"+list+"/"+itoa(i))
				}
			}
		}
	}
	return own
}

// mentionsVariable reports whether a Choice rule holds a "$name" path.
func mentionsVariable(v any) bool {
	switch x := v.(type) {
	case string:
		_, _, ok := variableHead(x)
		return ok
	case map[string]any:
		for _, e := range x {
			if mentionsVariable(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if mentionsVariable(e) {
				return true
			}
		}
	}
	return false
}
