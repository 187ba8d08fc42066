package asl

import (
	"bytes"
	"slices"
	"time"
)

// Machine is a parsed and validated state machine definition. It is
// immutable: any number of executions may run it at once.
type Machine struct {
	root    *stateSet
	timeout time.Duration
}

// stateSet is a StartAt plus its States: the top level of a machine, a
// Parallel branch or a Map item processor.
type stateSet struct {
	start  state
	states map[string]state
}

// transition is a reference from one state to another, resolved once
// every state of the set is known.
type transition struct {
	name string
	loc  string
	dst  *state
}

// parser carries what the parse of one definition shares across nesting
// levels.
type parser struct {
	chk   *checker
	names map[string]bool
	depth int
	// topQL is the machine's QueryLanguage, ql the one of the state
	// being parsed.
	topQL, ql string
	// scopes are the variable names the enclosing state sets assign.
	scopes []map[string]bool
}

// The two query languages a state may use.
const (
	queryJSONPath = "JSONPath"
	queryJSONata  = "JSONata"
)

// maxNesting bounds how deeply Parallel and Map states may nest, as AWS
// does (TOO_DEEPLY_NESTED).
const maxNesting = 16

// Parse reads and validates an Amazon States Language definition. A
// definition Step Functions would reject yields a *ValidationError listing
// every problem found.
func Parse(definition []byte) (*Machine, error) {
	chk := &checker{}
	if len(bytes.TrimSpace(definition)) == 0 {
		chk.add("MISSING_DESCRIPTION", "/", "The definition is empty")
		return nil, chk.err()
	}
	v, err := decodeValue(definition)
	if err != nil {
		chk.add("INVALID_JSON_DESCRIPTION", "/", "%s", err.Error())
		return nil, chk.err()
	}
	top, ok := v.(map[string]any)
	if !ok {
		chk.schema("/", "Expected value of type: Object")
		return nil, chk.err()
	}
	p := &parser{chk: chk, names: map[string]bool{}}
	chk.fields(top, "", []string{"Comment", "TimeoutSeconds", "Version", "QueryLanguage"}, []string{"StartAt", "States"})
	p.topQL = p.queryLanguage(top, "", queryJSONPath)
	m := &Machine{}
	if secs, ok := chk.integer(top, "TimeoutSeconds", "", 1); ok {
		m.timeout = time.Duration(secs) * time.Second
	}
	m.root = p.stateSet(top, "")
	if err := chk.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// queryLanguage reads a QueryLanguage field, def when it is absent.
func (p *parser) queryLanguage(m map[string]any, loc, def string) string {
	ql, ok := p.chk.str(m, "QueryLanguage", loc)
	if !ok {
		return def
	}
	switch ql {
	case queryJSONPath, queryJSONata:
		return ql
	}
	p.chk.schema(loc+"/QueryLanguage", "Value must be one of [JSONPath, JSONata]")
	return def
}

// stateSet parses StartAt and States found in m at loc.
func (p *parser) stateSet(m map[string]any, loc string) *stateSet {
	chk := p.chk
	set := &stateSet{states: map[string]state{}}
	startAt, _ := chk.str(m, "StartAt", loc)
	statesObj, ok := chk.object(m, "States", loc)
	if !ok {
		return set
	}
	if len(statesObj) == 0 {
		chk.schema(loc+"/States", "States must contain at least one state")
	}
	p.scopes = append(p.scopes, p.assignedNames(statesObj, loc))
	defer func() { p.scopes = p.scopes[:len(p.scopes)-1] }()
	var transitions []transition
	for _, name := range sortedKeys(statesObj) {
		sloc := loc + "/States/" + name
		if len(name) == 0 || len(name) > 80 {
			chk.add("INVALID_STATE_NAME", sloc, "State names must be 1 to 80 characters long")
		}
		if p.names[name] {
			chk.add("DUPLICATE_STATE_NAME", sloc, "Duplicate State name: %s", name)
		}
		p.names[name] = true
		sm, ok := statesObj[name].(map[string]any)
		if !ok {
			chk.schema(sloc, "Expected value of type: Object")
			continue
		}
		s := p.state(name, sm, sloc)
		if s == nil {
			continue
		}
		set.states[name] = s
		transitions = append(transitions, s.base().transitions...)
	}
	for _, tr := range transitions {
		target, ok := set.states[tr.name]
		if !ok {
			chk.add("MISSING_TRANSITION_TARGET", tr.loc, "Missing 'Next' target: %s", tr.name)
			continue
		}
		*tr.dst = target
	}
	if startAt != "" || hasKey(m, "StartAt") {
		if s, ok := set.states[startAt]; ok {
			set.start = s
		} else if len(set.states) > 0 {
			chk.schema(loc+"/StartAt", "Value is not a valid state name")
		}
	}
	p.reachability(set, loc)
	return set
}

// reachability reports states no path from StartAt reaches, and a set
// with no terminal state.
func (p *parser) reachability(set *stateSet, loc string) {
	if set.start == nil {
		return
	}
	seen := map[state]bool{}
	queue := []state{set.start}
	terminal := false
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if seen[s] {
			continue
		}
		seen[s] = true
		b := s.base()
		if b.terminal() {
			terminal = true
		}
		for _, tr := range b.transitions {
			if next, ok := set.states[tr.name]; ok {
				queue = append(queue, next)
			}
		}
	}
	for _, name := range sortedStateNames(set.states) {
		if !seen[set.states[name]] {
			p.chk.add("MISSING_TRANSITION_TARGET", loc+"/States/"+name, "State \"%s\" is not reachable.", name)
		}
	}
	if !terminal {
		p.chk.add("MISSING_END_STATE", loc+"/States", "Workflow has no terminal state")
	}
}

func sortedStateNames(m map[string]state) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

func hasKey(m map[string]any, k string) bool {
	_, ok := m[k]
	return ok
}
