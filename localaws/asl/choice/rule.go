package choice

import (
	"errors"
	"fmt"

	"github.com/payflow-dev/payflow/localaws/asl/jsonpath"
)

// Rule is a parsed Choice Rule. It is immutable and safe for concurrent use.
type Rule struct {
	next string
	cond condition
}

// ValidationError is a problem in a Choice Rule's definition. Its Error
// text reads like the diagnostics of Step Functions' InvalidDefinition
// error; the fields let the engine collect it among its own diagnostics.
type ValidationError struct {
	// Code is SCHEMA_VALIDATION_FAILED.
	Code string
	// Message describes the problem without its location.
	Message string
	// Location points at the offending rule or field, such as
	// /States/Check/Choices/0/And/1/NumericEquals.
	Location string
}

func (e *ValidationError) Error() string {
	return e.Code + ": " + e.Message + " at " + e.Location
}

func schemaError(loc, format string, args ...any) error {
	return &ValidationError{Code: "SCHEMA_VALIDATION_FAILED", Message: fmt.Sprintf(format, args...), Location: loc}
}

// Parse parses a top-level Choice Rule, an element of a Choice state's
// Choices array, which must carry Next. location is where the rule sits in
// the definition, such as "/States/Check/Choices/0"; errors are
// *ValidationError values that include it.
func Parse(rule map[string]any, location string) (*Rule, error) {
	next, ok := rule["Next"]
	if !ok {
		return nil, schemaError(location, "These fields are required: [Next]")
	}
	s, ok := next.(string)
	if !ok {
		return nil, schemaError(location+"/Next", "Expected value of type: String")
	}
	if s == "" {
		return nil, schemaError(location+"/Next", "Value is not a valid state name")
	}
	cond, err := parseCondition(rule, location, true)
	if err != nil {
		return nil, err
	}
	return &Rule{next: s, cond: cond}, nil
}

// ParseCondition parses a rule that has no Next, like those nested in And,
// Or and Not; its Next method returns "".
func ParseCondition(rule map[string]any, location string) (*Rule, error) {
	cond, err := parseCondition(rule, location, false)
	if err != nil {
		return nil, err
	}
	return &Rule{cond: cond}, nil
}

// Next returns the state the rule transitions to when it matches.
func (r *Rule) Next() string { return r.next }

// Match evaluates the rule against a state's input. Variables starting
// with "$$" find no context object here; use MatchContext for those.
func (r *Rule) Match(input any) (bool, error) {
	return r.cond.match(env{input: input})
}

// MatchContext evaluates the rule with the context object at hand, for
// Variables and *Path operands that start with "$$".
func (r *Rule) MatchContext(input, context any) (bool, error) {
	return r.cond.match(env{input: input, context: context})
}

// MatchVars is MatchContext with workflow variables, for Variables and
// *Path operands that start with "$name"; context may be nil when no
// path reads it.
func (r *Rule) MatchVars(input, context any, vars func(name string) (any, bool)) (bool, error) {
	return r.cond.match(env{input: input, context: context, vars: vars})
}

// env holds the documents one evaluation reads.
type env struct {
	input, context any
	vars           func(name string) (any, bool)
}

// ref is a compiled path that reads the input or, after "$$", the context.
type ref struct {
	src      string
	context  bool
	variable string // a "$name..." path reads this workflow variable
	path     *jsonpath.Path
}

// get returns the value, or ok=false when the path matches nothing.
func (r *ref) get(e env) (any, bool, error) {
	doc := e.input
	switch {
	case r.context:
		doc = e.context
	case r.variable != "":
		var ok bool
		if e.vars != nil {
			doc, ok = e.vars(r.variable)
		}
		if !ok {
			return nil, false, nil
		}
	}
	v, err := r.path.Get(doc)
	if errors.Is(err, jsonpath.ErrNoMatch) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if !r.path.IsDefinite() {
		if a, _ := v.([]any); len(a) == 0 {
			return nil, false, nil
		}
	}
	return v, true, nil
}

// missing is the error for a path that matched nothing.
func (r *ref) missing() error { return &missingError{path: r.src} }

// missingError is worded like the cause Step Functions gives with
// States.Runtime, and wraps jsonpath.ErrNoMatch for errors.Is.
type missingError struct{ path string }

func (e *missingError) Error() string {
	return "Invalid path '" + e.path + "': The choice state's condition path references an invalid value."
}

func (e *missingError) Unwrap() error { return jsonpath.ErrNoMatch }
