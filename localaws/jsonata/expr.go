package jsonata

import (
	"time"
)

// Expr is a compiled JSONata expression. It is immutable and safe for
// concurrent use.
type Expr struct {
	src  string
	root *node
	// natives are the built-ins the expression names, resolved once:
	// std without and sfn with Step Functions' additions. Read-only.
	std, sfn map[string]*native
}

// Compile parses an expression. A syntax error is an *Error carrying the
// reference implementation's code (S0201, S0202...). It never panics,
// whatever the input.
func Compile(src string) (*Expr, error) {
	p := &parser{lx: lexer{src: src}}
	if err := p.advance("", false); err != nil {
		return nil, err
	}
	n, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEnd {
		return nil, errAt("S0201", p.tok.pos, map[string]any{"token": tokenValue(p.tok)})
	}
	if n, err = (&processor{}).process(n); err != nil {
		return nil, err
	}
	if n.kind == kParent || len(n.seeking) > 0 {
		return nil, errAt("S0217", n.pos, nil)
	}
	e := &Expr{src: src, root: n, std: map[string]*native{}, sfn: map[string]*native{}}
	walk(n, func(v *node) {
		if v.kind != kVariable || v.op == "" || v.op == "$" {
			return
		}
		if f := newBuiltin(v.op, false); f != nil {
			e.std[v.op] = f
		}
		if f := newBuiltin(v.op, true); f != nil {
			e.sfn[v.op] = f
		}
	})
	return e, nil
}

// String returns the expression as written.
func (e *Expr) String() string { return e.src }

// Options are what an evaluation may read besides its input.
type Options struct {
	// Now is the clock of $now and $millis; nil means time.Now.
	Now func() time.Time
	// Random feeds $random and $shuffle; nil means math/rand/v2.
	Random func() float64
	// StepFunctions adds the functions AWS Step Functions adds to JSONata
	// ($partition, $range, $hash, $random with a seed, $uuid, $parse).
	StepFunctions bool
	// UUID feeds $uuid; nil means random version 4 UUIDs.
	UUID func() string
	// MaxDepth bounds how deeply evaluation may nest (recursion
	// included); 0 means 1000.
	MaxDepth int
}

// Evaluate runs the expression over input with variables bound, both
// already converted with FromJSON (nil input means no context value).
// It returns the result as a decoded JSON value (nil for null,
// json.Number, string, bool, []any, map[string]any), and false when the
// expression yields nothing (undefined). Evaluation errors are *Error.
func (e *Expr) Evaluate(input any, vars map[string]any, opts *Options) (result any, defined bool, err error) {
	v, err := e.EvaluateValue(input, vars, opts)
	if err != nil || v == nil {
		return nil, false, err
	}
	return toJSON(v), true, nil
}

// EvaluateValue is Evaluate returning the evaluation value itself, to
// feed another evaluation without converting it back and forth.
func (e *Expr) EvaluateValue(input any, vars map[string]any, opts *Options) (result any, err error) {
	if opts == nil {
		opts = &Options{}
	}
	ev := &evaluator{opts: opts, maxDepth: opts.MaxDepth, natives: e.std}
	if opts.StepFunctions {
		ev.natives = e.sfn
	}
	if ev.maxDepth == 0 {
		ev.maxDepth = 1000
	}
	// The caller's variables are read through a parent frame, never
	// written: bindings made by the expression go into env.
	env := &frame{vars: map[string]any{"$": input}, parent: &frame{vars: vars}}
	if arr, ok := input.(*array); ok && !arr.sequence {
		input = &array{items: []any{arr}, sequence: true, outerWrapper: true}
	}
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, &Error{Code: "U1002", Message: "Internal error evaluating the expression"}
		}
	}()
	v, err := ev.eval(e.root, input, env)
	if err != nil {
		return nil, err
	}
	if arr, ok := v.(*array); ok && arr.sequence && !arr.keepSingleton && !arr.tupleStream {
		switch len(arr.items) {
		case 0:
			return nil, nil
		case 1:
			return arr.items[0], nil
		}
	}
	return v, nil
}

// ParseJSON reads JSON text into an evaluation value, keeping the order of
// object keys.
func ParseJSON(text string) (any, error) {
	return parseJSON(text)
}
