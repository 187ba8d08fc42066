package intrinsic

import (
	"errors"
	"fmt"
	"strings"

	"github.com/payflow-dev/payflow/localaws/asl/jsonpath"
)

// Env supplies the randomness intrinsics need. Nil fields fall back to
// crypto/rand, so tests set them to make States.MathRandom and States.UUID
// deterministic.
type Env struct {
	// Random returns a number in [0, 1), like math/rand's Float64.
	Random func() float64
	// UUID returns a version 4 UUID in its 36-character text form.
	UUID func() string
	// Variable reads a workflow variable, for "$name" path arguments.
	Variable func(name string) (any, bool)
}

// Expr is a compiled intrinsic invocation. It is immutable and safe for
// concurrent use.
type Expr struct {
	src  string
	root *call
}

// IsIntrinsic reports whether s, the value of a "key.$" field, is an
// intrinsic function call rather than a path.
func IsIntrinsic(s string) bool {
	s = strings.TrimSpace(s)
	rest, ok := strings.CutPrefix(s, "States.")
	if !ok {
		return false
	}
	i := 0
	for i < len(rest) && isIdent(rest[i]) {
		i++
	}
	return i > 0 && i < len(rest) && rest[i] == '('
}

// Compile parses an intrinsic invocation, checking function names, argument
// counts and the types of literal arguments. It never panics.
func Compile(expr string) (*Expr, error) {
	p := &parser{src: expr}
	p.skipSpace()
	c, err := p.parseCall(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos != len(p.src) {
		return nil, p.errorf("unexpected text after the call")
	}
	return &Expr{src: expr, root: c}, nil
}

// String returns the invocation as written.
func (e *Expr) String() string { return e.src }

// Eval evaluates the compiled invocation; paths starting with "$" read input
// and paths starting with "$$" read context.
func (e *Expr) Eval(input, context any, env Env) (any, error) {
	ev := &evaluator{input: input, context: context, env: env}
	return ev.call(e.root)
}

// Eval compiles and evaluates expr in one step. Callers that evaluate the
// same invocation repeatedly should Compile it once instead.
func Eval(expr string, input, context any, env Env) (any, error) {
	e, err := Compile(expr)
	if err != nil {
		return nil, err
	}
	return e.Eval(input, context, env)
}

// evaluator carries one evaluation's documents and randomness.
type evaluator struct {
	input, context any
	env            Env
}

func (ev *evaluator) call(c *call) (any, error) {
	vals := make([]any, len(c.args))
	for i := range c.args {
		v, err := ev.arg(c, &c.args[i])
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	v, err := c.fn.impl(ev, c, vals)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.name, err)
	}
	return v, nil
}

func (ev *evaluator) arg(c *call, a *arg) (any, error) {
	switch a.kind {
	case argInputPath, argContextPath, argVariablePath:
		doc := ev.input
		switch a.kind {
		case argContextPath:
			doc = ev.context
		case argVariablePath:
			var ok bool
			if ev.env.Variable != nil {
				doc, ok = ev.env.Variable(a.name)
			}
			if !ok {
				return nil, fmt.Errorf("%s: the variable $%s is not defined: %w", c.name, a.name, jsonpath.ErrNoMatch)
			}
		}
		v, err := a.path.Get(doc)
		if errors.Is(err, jsonpath.ErrNoMatch) {
			return nil, fmt.Errorf("%s: the JSONPath %s could not be found in the input: %w", c.name, a.path, err)
		}
		return v, err
	case argCall:
		return ev.call(a.call)
	}
	return a.lit, nil
}
