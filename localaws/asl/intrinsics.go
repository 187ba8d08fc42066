package asl

import (
	"strings"

	"github.com/payflow-dev/payflow/localaws/asl/intrinsic"
)

// intrinsicTemplate is a ".$" value that calls an intrinsic function,
// compiled when the definition is parsed.
type intrinsicTemplate struct {
	expr    *intrinsic.Expr
	context bool // the call reads $$, so the context object must be built
}

// isIntrinsic reports whether a ".$" value is an intrinsic function call
// rather than a path.
func isIntrinsic(s string) bool { return intrinsic.IsIntrinsic(s) }

// compileIntrinsic compiles a call; the error says what is wrong with it.
func compileIntrinsic(s string) (*intrinsicTemplate, error) {
	e, err := intrinsic.Compile(s)
	if err != nil {
		return nil, err
	}
	return &intrinsicTemplate{expr: e, context: strings.Contains(s, "$$")}, nil
}

func (t *intrinsicTemplate) eval(in any, c *evalCtx) (any, *failure) {
	var ctx any
	if t.context {
		ctx = c.object()
	}
	env := c.x.engine.intrinsicEnv()
	env.Variable = func(name string) (any, bool) {
		v, ok := c.vars.lookup(name)
		return v.json, ok
	}
	v, err := t.expr.Eval(in, ctx, env)
	if err != nil {
		return nil, fail(ErrNameIntrinsicFailure, err.Error())
	}
	return v, nil
}

// intrinsicEnv is the randomness intrinsic functions use.
func (e *Engine) intrinsicEnv() intrinsic.Env {
	return intrinsic.Env{Random: e.random, UUID: e.uuid}
}
