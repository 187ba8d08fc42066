package asl

import (
	"fmt"
	"sync"
	"unicode"

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
	// store counts the bytes the execution's live scopes hold; bytes is
	// this scope's share, given back when the branch or iteration ends
	// (released) and taken again if a redrive resumes it.
	store    *varStore
	bytes    int
	released bool
}

// variable keeps a value in both forms it is read in: decoded JSON for
// JSONPath and the JSONata evaluation value, and the size of its JSON
// text.
type variable struct {
	json any
	ata  any
	size int
}

// varStore is an execution's account of its stored variables, shared by
// all its scopes (Map iterations assign concurrently).
type varStore struct {
	mu    sync.Mutex
	bytes int
}

func newScope(parent *scope) *scope {
	s := &scope{vals: map[string]variable{}, parent: parent}
	if parent != nil {
		s.store = parent.store
	} else {
		s.store = &varStore{}
	}
	return s
}

// release gives back the scope's variables when its branch or iteration
// ends: they go out of scope, as AWS documents.
func (s *scope) release() {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	if !s.released {
		s.store.bytes -= s.bytes
		s.released = true
	}
}

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

// Step Functions' limits on variables
// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html, "Limits" and
// "Variable name syntax"):
// what one Assign stores (and so any single variable) is at most 256 KiB
// of JSON text, all the variables an execution stores at most 10 MiB,
// and a name at most 80 characters.
const (
	assignLimit    = 256 * 1024
	storeLimit     = 10 * 1024 * 1024
	varNameMaxRune = 80
)

// validVarName reports what a variable name may be, as AWS documents it:
// a Unicode identifier (an ID_Start character, or '_' as here before,
// then ID_Continue characters) of at most 80 characters. The caller
// refuses the reserved "states".
func validVarName(s string) bool {
	n := 0
	for _, r := range s {
		start := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
		cont := start || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc)
		if (n == 0 && !start) || !cont {
			return false
		}
		n++
	}
	return n > 0 && n <= varNameMaxRune
}

// checkAssignNames reports invalid variable names of an Assign object.
func (p *parser) checkAssignNames(m map[string]any, loc string, jsonPath bool) {
	for _, k := range sortedKeys(m) {
		name := k
		if jsonPath && len(k) > 2 && k[len(k)-2:] == ".$" {
			name = k[:len(k)-2]
		}
		if !validVarName(name) || name == "states" {
			p.chk.schema(loc+"/Assign/"+k, "The variable name '%s' is not valid: it must be a Unicode identifier (a letter or '_', then letters, digits or '_') of at most 80 characters, and not 'states'", name)
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
		n := len(encodeValue(v))
		size += n
		staged[k] = variable{json: v, ata: jsonata.FromJSON(v), size: n}
	}
	if size > assignLimit {
		return fail(ErrNameDataLimitExceeded, fmt.Sprintf(
			"The variables assigned by the state '%s' exceed the maximum size of %d bytes.", c.stateName, assignLimit))
	}
	if total := c.th.vars.storedAfter(staged); total > storeLimit {
		return fail(ErrNameDataLimitExceeded, fmt.Sprintf(
			"The variables assigned by the state '%s' would bring the variables stored by the execution to %d bytes, beyond the maximum of %d bytes.",
			c.stateName, total, storeLimit))
	}
	c.th.pending = staged
	return nil
}

// storedAfter is what the execution's variables would weigh with staged
// assigned in this scope.
func (s *scope) storedAfter(staged map[string]variable) int {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	total := s.store.bytes + s.deltaLocked(staged)
	if s.released {
		total += s.bytes
	}
	return total
}

// deltaLocked is how much assigning staged changes this scope's bytes.
func (s *scope) deltaLocked(staged map[string]variable) int {
	d := 0
	for k, v := range staged {
		d += v.size - s.vals[k].size
	}
	return d
}

// applyAssign stores the staged variables in the thread's scope.
// It returns the assigned values as JSON texts by name, as the state's
// exit event reports them (assignedVariables), or nil when none were.
func (t *thread) applyAssign() map[string]string {
	if len(t.pending) == 0 {
		t.pending = nil
		return nil
	}
	assigned := make(map[string]string, len(t.pending))
	for k, v := range t.pending {
		assigned[k] = encodeValue(v.json)
	}
	s := t.vars
	s.store.mu.Lock()
	if s.released {
		// A redrive resumed the branch or iteration: its variables
		// count again.
		s.store.bytes += s.bytes
		s.released = false
	}
	d := s.deltaLocked(t.pending)
	s.bytes += d
	s.store.bytes += d
	for k, v := range t.pending {
		s.vals[k] = v
	}
	s.store.mu.Unlock()
	t.pending = nil
	return assigned
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
