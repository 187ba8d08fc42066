package jsonata

import "time"

// evaluator carries one evaluation's options and depth.
type evaluator struct {
	opts     *Options
	depth    int
	maxDepth int
	natives  map[string]*native // the expression's built-ins, read-only
	now      time.Time          // $now and $millis: one instant per evaluation
}

// frame is a scope of variable bindings.
type frame struct {
	vars   map[string]any
	parent *frame
}

func (f *frame) lookup(name string) (any, bool) {
	for ; f != nil; f = f.parent {
		if v, ok := f.vars[name]; ok {
			return v, true
		}
	}
	return nil, false
}

func (f *frame) child() *frame { return &frame{vars: map[string]any{}, parent: f} }

// eval evaluates n with input as the context value.
func (ev *evaluator) eval(n *node, input any, env *frame) (any, error) {
	ev.depth++
	defer func() { ev.depth-- }()
	if ev.depth > ev.maxDepth {
		return nil, errAt("U1001", n.pos, nil)
	}
	var res any
	var err error
	switch n.kind {
	case kPath:
		res, err = ev.path(n, input, env)
	case kName:
		res = lookupField(input, n.op)
	case kVariable:
		res = ev.variable(n, input, env)
	case kString, kNumber, kValue:
		res = n.value
	case kRegex:
		res = n.value
	case kWildcard:
		res = wildcard(input)
	case kDescendant:
		res = descendants(input)
	case kNegate:
		res, err = ev.negate(n, input, env)
	case kArray:
		res, err = ev.arrayCons(n, input, env)
	case kObject:
		res, err = ev.group(n.pairs, input, env)
	case kBinary:
		res, err = ev.binary(n, input, env)
	case kCondition:
		res, err = ev.condition(n, input, env)
	case kBind:
		res, err = ev.eval(n.rhs, input, env)
		if err == nil {
			env.vars[n.lhs.op] = res
		}
	case kBlock:
		inner := env.child()
		for _, e := range n.items {
			if res, err = ev.eval(e, input, inner); err != nil {
				return nil, err
			}
		}
	case kLambda:
		res = &lambda{params: n.params, body: n.body, env: env, input: input, sig: n.sig}
	case kCall:
		res, err = ev.call(n, input, env, nil, false)
	case kApply:
		res, err = ev.apply(n, input, env)
	case kSort:
		res, err = ev.sortStep(n, input, env)
	case kParent:
		res, _ = env.lookup(n.slot.label)
	case kTransform:
		res = ev.transform(n, env)
	case kPlaceholder:
		return nil, &Error{Code: "S0201", Message: "Syntax error: ?", Position: n.pos}
	}
	if err != nil {
		return nil, err
	}
	for _, pred := range n.predicate {
		if res, err = ev.filter(pred, res, env); err != nil {
			return nil, err
		}
	}
	if n.kind != kPath && n.hasGroup {
		if res, err = ev.group(n.group, res, env); err != nil {
			return nil, err
		}
	}
	if arr, ok := res.(*array); ok && arr.sequence && !arr.tupleStream {
		if n.keepArray {
			arr.keepSingleton = true
		}
		switch {
		case len(arr.items) == 0:
			res = nil
		case len(arr.items) == 1 && !arr.keepSingleton:
			res = arr.items[0]
		}
	}
	return res, nil
}

// variable reads $, $$ or $name.
func (ev *evaluator) variable(n *node, input any, env *frame) any {
	switch n.op {
	case "":
		if arr, ok := input.(*array); ok && arr.outerWrapper {
			return arr.items[0]
		}
		return input
	case "$":
		v, _ := env.lookup("$")
		return v
	}
	if v, ok := env.lookup(n.op); ok {
		return v
	}
	if b := ev.builtin(n.op); b != nil {
		return b
	}
	return nil
}

func (ev *evaluator) negate(n *node, input any, env *frame) (any, error) {
	v, err := ev.eval(n.lhs, input, env)
	if err != nil || v == nil {
		return nil, err
	}
	f, ok := v.(float64)
	if !ok {
		return nil, errAt("D1002", n.pos, map[string]any{"value": v})
	}
	return -f, nil
}

// arrayCons evaluates [a, b, ...]: values are appended (arrays flattened
// one level) except nested array constructors, which stay arrays.
func (ev *evaluator) arrayCons(n *node, input any, env *frame) (any, error) {
	out := &array{cons: n.consArray}
	for _, item := range n.items {
		v, err := ev.eval(item, input, env)
		if err != nil {
			return nil, err
		}
		if v == nil {
			continue
		}
		if item.kind == kArray {
			out.items = append(out.items, v)
			continue
		}
		if arr, ok := v.(*array); ok {
			out.items = append(out.items, arr.items...)
			continue
		}
		out.items = append(out.items, v)
	}
	return out, nil
}

func (ev *evaluator) condition(n *node, input any, env *frame) (any, error) {
	c, err := ev.eval(n.cond, input, env)
	if err != nil {
		return nil, err
	}
	if truthy(c) {
		return ev.eval(n.then, input, env)
	}
	if n.els != nil {
		return ev.eval(n.els, input, env)
	}
	return nil, nil
}

// group evaluates an object constructor or group-by over input: each item
// of input is grouped under the keys it produces, then each value
// expression runs over its group.
func (ev *evaluator) group(pairs [][2]*node, input any, env *frame) (any, error) {
	items := []any{input}
	reduce := false
	if arr, ok := input.(*array); ok {
		items = arr.items
		reduce = arr.tupleStream
		if len(items) == 0 {
			if reduce {
				// The reference reads the context of a tuple that is
				// not there, and JavaScript raises this TypeError.
				return nil, &Error{Message: "Cannot read properties of undefined (reading '@')"}
			}
			items = []any{nil}
		}
	}
	type entry struct {
		data any
		pair int
	}
	groups := map[string]*entry{}
	var order []string
	for _, item := range items {
		ctx, scope := item, env
		if reduce {
			ctx, scope = contextOf(item), tupleFrame(env, item)
		}
		for pi, pair := range pairs {
			k, err := ev.eval(pair[0], ctx, scope)
			if err != nil {
				return nil, err
			}
			if k == nil {
				continue
			}
			key, ok := k.(string)
			if !ok {
				return nil, errAt("T1003", pair[0].pos, map[string]any{"value": k})
			}
			if g, ok := groups[key]; ok {
				if g.pair != pi {
					return nil, errAt("D1009", pair[0].pos, map[string]any{"value": key})
				}
				g.data = appendValues(g.data, item)
				continue
			}
			groups[key] = &entry{data: item, pair: pi}
			order = append(order, key)
		}
	}
	out := newObject(len(order))
	for _, key := range order {
		g := groups[key]
		ctx, scope := g.data, env
		if reduce {
			t := reduceTuples(g.data)
			ctx = t.vals["@"]
			t.del("@")
			scope = tupleFrame(env, t)
		}
		v, err := ev.eval(pairs[g.pair][1], ctx, scope)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out.set(key, v)
		}
	}
	return out, nil
}

// appendValues is JSONata's append: both sides joined into one array.
func appendValues(a, b any) any {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	out := &array{}
	for _, v := range []any{a, b} {
		if arr, ok := v.(*array); ok {
			out.items = append(out.items, arr.items...)
		} else {
			out.items = append(out.items, v)
		}
	}
	return out
}
