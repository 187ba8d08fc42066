package jsonata

// callable is a function value: a lambda, a built-in, a partial
// application or a regular expression.
type callable interface {
	arity() int
}

// lambda is a function defined in the expression, closing over the scope
// and context it was defined in.
type lambda struct {
	params []string
	body   *node
	env    *frame
	input  any
	sig    *signature
}

func (l *lambda) arity() int { return len(l.params) }

// native is a built-in function.
type native struct {
	name string
	sig  *signature
	fn   func(ev *evaluator, args []any, input any) (any, error)
}

// arity of a built-in counts its parameters up to the first optional one,
// as JavaScript's Function.length counts the reference implementation's.
func (n *native) arity() int {
	if n.sig == nil {
		return 0
	}
	c := 0
	for _, p := range n.sig.params {
		if p.optional && !p.context {
			break
		}
		c++
	}
	return c
}

// partialFn is a function with some arguments fixed; nil holes are the
// ? placeholders, filled from the call's arguments in order.
type partialFn struct {
	fn    callable
	args  []any
	holes []bool
}

func (p *partialFn) arity() int {
	n := 0
	for _, h := range p.holes {
		if h {
			n++
		}
	}
	return n
}

func (r *regex) arity() int { return 1 }

func isFunction(v any) bool {
	_, ok := v.(callable)
	return ok
}

// call evaluates a function call; with hasFirst, first is inserted as the
// first argument (the left side of ~>).
func (ev *evaluator) call(n *node, input any, env *frame, first any, hasFirst bool) (any, error) {
	fv, err := ev.eval(n.lhs, input, env)
	if err != nil {
		return nil, err
	}
	fn, ok := fv.(callable)
	if !ok {
		code, name := "T1006", ""
		if n.partial {
			code = "T1008"
		}
		if n.lhs.kind == kPath && len(n.lhs.items) == 1 && n.lhs.items[0].kind == kName {
			name = n.lhs.items[0].op
			if ev.builtin(name) != nil {
				code = map[bool]string{false: "T1005", true: "T1007"}[n.partial]
			}
		}
		return nil, errAt(code, n.pos, map[string]any{"token": name})
	}
	args := make([]any, 0, len(n.items)+1)
	holes := make([]bool, 0, len(n.items)+1)
	if hasFirst {
		args = append(args, first)
		holes = append(holes, false)
	}
	for _, a := range n.items {
		if a.kind == kPlaceholder {
			args = append(args, nil)
			holes = append(holes, true)
			continue
		}
		v, err := ev.eval(a, input, env)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
		holes = append(holes, false)
	}
	if n.partial {
		return &partialFn{fn: fn, args: args, holes: holes}, nil
	}
	res, err := ev.invoke(fn, args, input, n.pos)
	if je, ok := err.(*Error); ok {
		je.nameCall(callName(n.lhs))
	}
	return res, err
}

// callName is the name a call expression gives its function, as the
// reference names it in signature errors: the name of $name or name,
// nothing (undefined) for any other expression.
func callName(n *node) any {
	switch {
	case n.kind == kVariable:
		return n.op
	case n.kind == kPath && len(n.items) > 0 && (n.items[0].kind == kName || n.items[0].kind == kVariable):
		return n.items[0].op
	}
	return nil
}

// invoke applies a function to arguments; input is the context for
// built-ins whose signature takes it.
func (ev *evaluator) invoke(fn callable, args []any, input any, pos int) (any, error) {
	ev.depth++
	defer func() { ev.depth-- }()
	if ev.depth > ev.maxDepth {
		return nil, errAt("U1001", pos, nil)
	}
	switch f := fn.(type) {
	case *native:
		if f.sig != nil {
			var err error
			if args, err = f.sig.validate(args, input, f.name); err != nil {
				if e, ok := err.(*Error); ok {
					e.Position = pos
				}
				return nil, err
			}
		}
		return f.fn(ev, args, input)
	case *lambda:
		if f.sig != nil {
			var err error
			if args, err = f.sig.validate(args, input, "lambda"); err != nil {
				return nil, err
			}
		}
		env := f.env.child()
		for i, p := range f.params {
			if i < len(args) {
				env.vars[p] = args[i]
			}
		}
		return ev.eval(f.body, f.input, env)
	case *partialFn:
		full := make([]any, len(f.args))
		j := 0
		for i, a := range f.args {
			if f.holes[i] {
				if j < len(args) {
					full[i] = args[j]
				}
				j++
				continue
			}
			full[i] = a
		}
		return ev.invoke(f.fn, full, input, pos)
	case *regex:
		if len(args) == 0 {
			return nil, nil
		}
		s, ok := args[0].(string)
		if !ok {
			return nil, nil
		}
		return regexMatchObject(f, s), nil
	}
	return nil, errAt("T1006", pos, nil)
}

// callWith calls a function argument of a higher-order function with as
// many of args as the function takes, as the reference implementation
// does.
func (ev *evaluator) callWith(fn callable, input any, args ...any) (any, error) {
	n := fn.arity()
	if _, ok := fn.(*native); ok && n > len(args) {
		n = len(args)
	}
	if n > len(args) {
		n = len(args)
	}
	if n < 1 && len(args) > 0 {
		n = 1
	}
	return ev.invoke(fn, args[:n], input, 0)
}

// apply evaluates lhs ~> rhs.
func (ev *evaluator) apply(n *node, input any, env *frame) (any, error) {
	lhs, err := ev.eval(n.lhs, input, env)
	if err != nil {
		return nil, err
	}
	if n.rhs.kind == kCall && !n.rhs.partial {
		return ev.call(n.rhs, input, env, lhs, true)
	}
	rv, err := ev.eval(n.rhs, input, env)
	if err != nil {
		return nil, err
	}
	fn, ok := rv.(callable)
	if !ok {
		return nil, errAt("T2006", n.pos, map[string]any{"value": rv})
	}
	if first, ok := lhs.(callable); ok {
		return &native{name: "compose", fn: func(ev *evaluator, args []any, in any) (any, error) {
			mid, err := ev.invoke(first, args, in, n.pos)
			if err != nil {
				return nil, err
			}
			return ev.invoke(fn, []any{mid}, in, n.pos)
		}}, nil
	}
	return ev.invoke(fn, []any{lhs}, input, n.pos)
}

// regexMatchObject is what calling a regex on a string returns.
func regexMatchObject(r *regex, s string) any {
	loc := r.re.FindStringSubmatchIndex(s)
	if loc == nil {
		return nil
	}
	o := newObject(4)
	o.set("match", s[loc[0]:loc[1]])
	o.set("start", float64(runeIndex(s, loc[0])))
	o.set("end", float64(runeIndex(s, loc[1])))
	groups := &array{}
	for i := 2; i+1 < len(loc); i += 2 {
		if loc[i] < 0 {
			groups.items = append(groups.items, "")
			continue
		}
		groups.items = append(groups.items, s[loc[i]:loc[i+1]])
	}
	o.set("groups", groups)
	return o
}
