package asl

import (
	"errors"
	"fmt"
	"strings"

	"github.com/payflow-dev/payflow/localaws/jsonata"
)

// ErrNameQueryEvaluation is the error a JSONata expression raises when it
// fails or yields nothing.
const ErrNameQueryEvaluation = "States.QueryEvaluationError"

// ataTemplate is a JSON value whose strings of the form "{% expr %}" are
// JSONata expressions, evaluated when the state runs (Arguments, Output,
// Assign, Items, ItemSelector...).
type ataTemplate interface {
	eval(env *ataEnv) (any, *failure)
}

type ataStatic struct{ v any }

type ataExpr struct {
	expr  *jsonata.Expr
	field string // as AWS names it in causes: Output/a/b[0]
	// context says the expression may read $states.context, which is
	// costly to build, so other expressions go without it.
	context bool
}

type ataObject struct {
	keys []string
	vals []ataTemplate
}

type ataArray struct{ items []ataTemplate }

// ataScope says which $states fields exist where an expression runs.
type ataScope struct {
	result      bool
	errorOutput bool
}

// isAtaString reports whether s is a JSONata template string.
func isAtaString(s string) bool {
	return strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}") && len(s) >= 4
}

// compileAta compiles v found at loc (field is its name relative to the
// state, for runtime causes), reporting invalid expressions as Step
// Functions does at CreateStateMachine.
func (p *parser) compileAta(v any, field, loc string, sc ataScope) ataTemplate {
	switch x := v.(type) {
	case string:
		if !isAtaString(x) {
			return ataStatic{v: x}
		}
		src := strings.TrimSpace(x[2 : len(x)-2])
		e, err := jsonata.Compile(src)
		if err != nil {
			msg := err.Error()
			var je *jsonata.Error
			if errors.As(err, &je) {
				msg = je.Message
			}
			p.chk.add("INVALID_JSONATA_EXPRESSION", loc, "%s", msg)
			return ataStatic{}
		}
		if e.UsesRoot() {
			p.chk.add("UNSUPPORTED_JSONATA_EXPRESSION", loc, "Reference to '$$' is not supported.")
		}
		// Expressions run without a context item: a field read from it
		// at the top level is refused (in AWS's words, as AWS answers
		// such a definition; see floci-io/floci#2670).
		for _, name := range e.TopLevelNames() {
			p.chk.add("UNSUPPORTED_JSONATA_EXPRESSION", loc, "Reference to '%s' at the top level is not supported.", name)
		}
		fields := e.FieldsOf("states")
		ctx := strings.Count(src, "$states") > len(fields)
		for _, f := range fields {
			if f == "context" {
				ctx = true
			}
			if f == "input" || f == "context" || f == "result" && sc.result || f == "errorOutput" && sc.errorOutput {
				continue
			}
			p.chk.add("UNSUPPORTED_JSONATA_EXPRESSION", loc, "Field '$states.%s' does not exist.", f)
		}
		return &ataExpr{expr: e, field: field, context: ctx}
	case map[string]any:
		t := &ataObject{}
		for _, k := range sortedKeys(x) {
			t.keys = append(t.keys, k)
			t.vals = append(t.vals, p.compileAta(x[k], field+"/"+k, loc+"/"+k, sc))
		}
		return t
	case []any:
		t := &ataArray{}
		for i, e := range x {
			t.items = append(t.items, p.compileAta(e, fmt.Sprintf("%s[%d]", field, i), fmt.Sprintf("%s/%d", loc, i), sc))
		}
		return t
	}
	return ataStatic{v: v}
}

func (s ataStatic) eval(*ataEnv) (any, *failure) { return s.v, nil }

func (t *ataObject) eval(env *ataEnv) (any, *failure) {
	out := make(map[string]any, len(t.keys))
	for i, k := range t.keys {
		v, f := t.vals[i].eval(env)
		if f != nil {
			return nil, f
		}
		out[k] = v
	}
	return out, nil
}

func (t *ataArray) eval(env *ataEnv) (any, *failure) {
	out := make([]any, len(t.items))
	for i, it := range t.items {
		v, f := it.eval(env)
		if f != nil {
			return nil, f
		}
		out[i] = v
	}
	return out, nil
}

func (t *ataExpr) eval(env *ataEnv) (any, *failure) {
	v, ok, err := t.expr.Evaluate(nil, env.bindings(t.context), env.options())
	if err != nil {
		sep := ": "
		var je *jsonata.Error
		if errors.As(err, &je) && je.Code != "" {
			sep = ". "
		}
		return nil, failAt(ErrNameQueryEvaluation, t.field, fmt.Sprintf(
			"The JSONata expression '%s' specified for the field '%s' threw an error during evaluation%s%s",
			t.expr.String(), t.field, sep, err.Error()))
	}
	if !ok {
		return nil, failAt(ErrNameQueryEvaluation, t.field, fmt.Sprintf(
			"The JSONata expression '%s' specified for the field '%s' returned nothing (undefined).", t.expr.String(), t.field))
	}
	return v, nil
}

// ataEnv is what expressions of one state evaluation read: $states and
// the workflow variables, converted once and shared by its expressions.
type ataEnv struct {
	c           *evalCtx
	input       any
	result      any
	errorOutput any
	hasResult   bool
	hasError    bool

	vars            map[string]any
	states, withCtx any // $states without and with its context member
	opts            *jsonata.Options
}

func (env *ataEnv) bindings(context bool) map[string]any {
	if env.vars == nil {
		env.vars = map[string]any{}
		env.c.vars.bindings(env.vars)
	}
	if context && env.withCtx == nil {
		env.withCtx = jsonata.FromJSON(env.statesJSON(true))
	}
	if !context && env.states == nil {
		env.states = jsonata.FromJSON(env.statesJSON(false))
	}
	env.vars["states"] = env.states
	if context {
		env.vars["states"] = env.withCtx
	}
	return env.vars
}

func (env *ataEnv) statesJSON(context bool) map[string]any {
	states := map[string]any{"input": env.input}
	if context {
		states["context"] = env.c.object()
	}
	if env.hasResult {
		states["result"] = env.result
	}
	if env.hasError {
		states["errorOutput"] = env.errorOutput
	}
	return states
}

func (env *ataEnv) options() *jsonata.Options {
	if env.opts == nil {
		e := env.c.x.engine
		env.opts = &jsonata.Options{Now: e.clock.Now, Random: e.random, UUID: e.uuid, StepFunctions: true}
	}
	return env.opts
}
