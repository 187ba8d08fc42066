package jsonata

import (
	"math"
	"strings"
)

// binary evaluates the binary operators.
func (ev *evaluator) binary(n *node, input any, env *frame) (any, error) {
	lhs, err := ev.eval(n.lhs, input, env)
	if err != nil {
		return nil, err
	}
	switch n.op {
	case "and":
		if !truthy(lhs) {
			return false, nil
		}
		rhs, err := ev.eval(n.rhs, input, env)
		return truthy(rhs), err
	case "or":
		if truthy(lhs) {
			return true, nil
		}
		rhs, err := ev.eval(n.rhs, input, env)
		return truthy(rhs), err
	case "?:":
		if truthy(lhs) {
			return lhs, nil
		}
		return ev.eval(n.rhs, input, env)
	case "??":
		if lhs != nil {
			return lhs, nil
		}
		return ev.eval(n.rhs, input, env)
	}
	rhs, err := ev.eval(n.rhs, input, env)
	if err != nil {
		return nil, err
	}
	switch n.op {
	case "+", "-", "*", "/", "%":
		return arithmetic(n, lhs, rhs)
	case "=":
		return lhs != nil && rhs != nil && deepEqual(lhs, rhs), nil
	case "!=":
		return lhs != nil && rhs != nil && !deepEqual(lhs, rhs), nil
	case "<", "<=", ">", ">=":
		return compare(n, lhs, rhs)
	case "&":
		ls, err := stringOf(lhs)
		if err != nil {
			return nil, err
		}
		rs, err := stringOf(rhs)
		if err != nil {
			return nil, err
		}
		return ls + rs, nil
	case "in":
		if lhs == nil || rhs == nil {
			return false, nil
		}
		items := []any{rhs}
		if arr, ok := rhs.(*array); ok {
			items = arr.items
		}
		for _, it := range items {
			if strictEqual(it, lhs) {
				return true, nil
			}
		}
		return false, nil
	case "..":
		return rangeOf(n, lhs, rhs)
	}
	return nil, errAt("S0204", n.pos, map[string]any{"token": n.op})
}

// strictEqual is JavaScript's === on JSONata values.
func strictEqual(a, b any) bool {
	switch a.(type) {
	case *array, *object:
		return a == b
	}
	return deepEqual(a, b)
}

// stringOf is $string for the & operator: undefined is "".
func stringOf(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	s, err := toStr(v, false)
	if err != nil {
		return "", err
	}
	return s.(string), nil
}

func arithmetic(n *node, lhs, rhs any) (any, error) {
	l, lok := lhs.(float64)
	r, rok := rhs.(float64)
	// The reference refuses an infinite operand (D1001) before it
	// checks the types.
	for _, f := range []float64{l, r} {
		if math.IsInf(f, 0) {
			return nil, errAt("D1001", n.pos, map[string]any{"value": f})
		}
	}
	if lhs != nil && !lok {
		return nil, errAt("T2001", n.pos, map[string]any{"token": n.op, "value": lhs})
	}
	if rhs != nil && !rok {
		return nil, errAt("T2002", n.pos, map[string]any{"token": n.op, "value": rhs})
	}
	if lhs == nil || rhs == nil {
		return nil, nil
	}
	switch n.op {
	case "+":
		return l + r, nil
	case "-":
		return l - r, nil
	case "*":
		return l * r, nil
	case "/":
		return l / r, nil
	}
	return math.Mod(l, r), nil
}

func compare(n *node, lhs, rhs any) (any, error) {
	comparable := func(v any) bool {
		switch v.(type) {
		case nil, float64, string:
			return true
		}
		return false
	}
	if !comparable(lhs) || !comparable(rhs) {
		bad := rhs
		if !comparable(lhs) {
			bad = lhs
		}
		return nil, errAt("T2010", n.pos, map[string]any{"token": n.op, "value": bad})
	}
	if lhs == nil || rhs == nil {
		return nil, nil
	}
	ls, lstr := lhs.(string)
	rs, rstr := rhs.(string)
	if lstr != rstr {
		return nil, errAt("T2009", n.pos, map[string]any{"token": n.op, "value": lhs, "value2": rhs})
	}
	var c int
	if lstr {
		c = strings.Compare(ls, rs)
	} else {
		l, r := lhs.(float64), rhs.(float64)
		switch {
		case l < r:
			c = -1
		case l > r:
			c = 1
		}
	}
	switch n.op {
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

// rangeOf evaluates a..b inside an array constructor.
func rangeOf(n *node, lhs, rhs any) (any, error) {
	l, lok := lhs.(float64)
	r, rok := rhs.(float64)
	if lhs != nil && (!lok || l != math.Trunc(l)) {
		return nil, errAt("T2003", n.pos, map[string]any{"value": lhs})
	}
	if rhs != nil && (!rok || r != math.Trunc(r)) {
		return nil, errAt("T2004", n.pos, map[string]any{"value": rhs})
	}
	if lhs == nil || rhs == nil || l > r {
		return nil, nil
	}
	size := r - l + 1
	if size > 1e7 {
		return nil, errAt("D2014", n.pos, map[string]any{"value": jsNumber(size)})
	}
	out := &array{items: make([]any, 0, int(size))}
	for v := l; v <= r; v++ {
		out.items = append(out.items, v)
	}
	return out, nil
}

// sortStep evaluates an order-by step over the sequence so far.
func (ev *evaluator) sortStep(n *node, input any, env *frame) (any, error) {
	var items []any
	tuples := false
	switch x := input.(type) {
	case *array:
		items = append(items, x.items...)
		tuples = x.tupleStream
	case nil:
	default:
		items = []any{x}
	}
	key := func(e *node, v any) (any, error) {
		if tuples {
			return ev.eval(e, contextOf(v), tupleFrame(env, v))
		}
		return ev.eval(e, v, env)
	}
	var sortErr error
	less := func(a, b any) bool { // reports whether a must come after b
		for _, t := range n.terms {
			av, err := key(t.expr, a)
			if err != nil {
				sortErr = err
				return false
			}
			bv, err := key(t.expr, b)
			if err != nil {
				sortErr = err
				return false
			}
			c, err := orderCompare(av, bv, t.expr.pos)
			if err != nil {
				sortErr = err
				return false
			}
			if c == 0 {
				continue
			}
			if t.descending {
				c = -c
			}
			return c > 0
		}
		return false
	}
	sorted := mergeSort(items, func(a, b any) bool {
		if sortErr != nil {
			return false
		}
		return less(a, b)
	})
	if sortErr != nil {
		return nil, sortErr
	}
	if tuples {
		// The reference implementation's sort returns a stream of one
		// tuple as it is, and a longer one as a plain array of tuples
		// (which predicates after it then do not read as a stream).
		if len(items) <= 1 {
			return input, nil
		}
		return &array{items: sorted}, nil
	}
	return &array{items: sorted, sequence: true}, nil
}

// orderCompare compares two order-by keys; undefined sorts last.
func orderCompare(a, b any, pos int) (int, error) {
	switch {
	case a == nil && b == nil:
		return 0, nil
	case a == nil:
		return 1, nil
	case b == nil:
		return -1, nil
	}
	as, aStr := a.(string)
	bs, bStr := b.(string)
	af, aNum := a.(float64)
	bf, bNum := b.(float64)
	if !(aStr || aNum) || !(bStr || bNum) {
		return 0, errAt("T2008", pos, map[string]any{"value": a})
	}
	if aStr != bStr {
		return 0, errAt("T2007", pos, map[string]any{"value": a, "value2": b})
	}
	switch {
	case aStr:
		return strings.Compare(as, bs), nil
	case af < bf:
		return -1, nil
	case af > bf:
		return 1, nil
	}
	return 0, nil
}

// mergeSort is the reference implementation's stable merge sort: swap
// reports whether a must come after b.
func mergeSort(items []any, swap func(a, b any) bool) []any {
	if len(items) <= 1 {
		return items
	}
	mid := len(items) / 2
	left := mergeSort(append([]any(nil), items[:mid]...), swap)
	right := mergeSort(append([]any(nil), items[mid:]...), swap)
	out := make([]any, 0, len(items))
	for len(left) > 0 && len(right) > 0 {
		if swap(left[0], right[0]) {
			out = append(out, right[0])
			right = right[1:]
		} else {
			out = append(out, left[0])
			left = left[1:]
		}
	}
	out = append(out, left...)
	return append(out, right...)
}
