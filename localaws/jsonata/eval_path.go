package jsonata

import "math"

// path evaluates a location path step by step, each step mapping over the
// previous step's results and flattening them into one sequence.
func (ev *evaluator) path(n *node, input any, env *frame) (any, error) {
	var in *array
	if arr, ok := input.(*array); ok && n.items[0].kind != kVariable {
		in = arr
	} else {
		in = seqOf(input)
	}
	var res any
	var tuples *array // the tuple stream, once a step binds
	isTuple := false
	last := len(n.items) - 1
	for i, step := range n.items {
		if step.tuple {
			isTuple = true
		}
		var err error
		switch {
		case i == 0 && step.consArray:
			res, err = ev.eval(step, in, env)
		case isTuple:
			tuples, err = ev.tupleStep(step, in, tuples, env)
		default:
			res, err = ev.step(step, in, env, i == last)
		}
		if err != nil {
			return nil, err
		}
		if isTuple && tuples != nil {
			continue
		}
		arr, ok := res.(*array)
		if !isTuple && (res == nil || (ok && len(arr.items) == 0)) {
			break // an empty JSON array stays the result; an empty sequence is undefined
		}
		if !ok {
			arr = seqOf(res)
			if res == nil {
				arr = seqOf()
			}
		}
		in = arr
	}
	if isTuple {
		if n.tuple {
			// The path is a step of an enclosing tuple stream, which
			// keeps the bindings.
			res = tuples
		} else {
			out := seqOf()
			for _, t := range tuples.items {
				out.items = append(out.items, contextOf(t))
			}
			res = out
		}
	}
	if arr, ok := res.(*array); ok && n.keepSingletonArray {
		if arr.cons && !arr.sequence {
			arr = seqOf(arr)
		}
		// A copy: arr may be an array of the input, shared and immutable.
		res = &array{items: arr.items, sequence: arr.sequence, cons: arr.cons, keepSingleton: true, tupleStream: arr.tupleStream}
	}
	if n.hasGroup {
		if isTuple {
			return ev.group(n.group, tuples, env)
		}
		return ev.group(n.group, res, env)
	}
	return res, nil
}

// step applies one path step to every item of in.
func (ev *evaluator) step(n *node, in *array, env *frame, last bool) (any, error) {
	if n.kind == kSort {
		res, err := ev.sortStep(n, in, env)
		if err != nil {
			return nil, err
		}
		for _, st := range n.stages {
			if res, err = ev.filter(st, res, env); err != nil {
				return nil, err
			}
		}
		return res, nil
	}
	results := make([]any, 0, len(in.items))
	for _, item := range in.items {
		res, err := ev.eval(n, item, env)
		if err != nil {
			return nil, err
		}
		for _, st := range n.stages {
			if res, err = ev.filter(st, res, env); err != nil {
				return nil, err
			}
		}
		if res != nil {
			results = append(results, res)
		}
	}
	if last && len(results) == 1 {
		if arr, ok := results[0].(*array); ok && !arr.sequence {
			return arr, nil
		}
	}
	out := seqOf()
	for _, r := range results {
		if arr, ok := r.(*array); ok && !arr.cons {
			out.items = append(out.items, arr.items...)
			continue
		}
		out.items = append(out.items, r)
	}
	return out, nil
}

// filter applies a predicate: a number (or numbers) selects by index,
// anything else keeps the items for which it is true.
func (ev *evaluator) filter(pred *node, input any, env *frame) (any, error) {
	out := seqOf()
	items := []any{input}
	tuples := false
	if arr, ok := input.(*array); ok {
		items = arr.items
		tuples = arr.tupleStream
		out.tupleStream = tuples
	} else if input == nil {
		items = nil
	}
	if pred.kind == kNumber {
		idx := int(math.Floor(pred.value.(float64)))
		if idx < 0 {
			idx += len(items)
		}
		if idx >= 0 && idx < len(items) {
			if arr, ok := items[idx].(*array); ok {
				return arr, nil
			}
			out.items = append(out.items, items[idx])
		}
		return out, nil
	}
	for i, item := range items {
		ctx, scope := item, env
		if tuples {
			ctx, scope = contextOf(item), tupleFrame(env, item)
		}
		r, err := ev.eval(pred, ctx, scope)
		if err != nil {
			return nil, err
		}
		if f, ok := r.(float64); ok {
			r = &array{items: []any{f}}
		}
		if nums, ok := numbersOnly(r); ok {
			for _, f := range nums {
				idx := int(math.Floor(f))
				if idx < 0 {
					idx += len(items)
				}
				if idx == i {
					out.items = append(out.items, item)
				}
			}
			continue
		}
		if truthy(r) {
			out.items = append(out.items, item)
		}
	}
	return out, nil
}

// numbersOnly reports whether v is a non-empty array of numbers.
func numbersOnly(v any) ([]float64, bool) {
	arr, ok := v.(*array)
	if !ok || len(arr.items) == 0 {
		return nil, false
	}
	out := make([]float64, len(arr.items))
	for i, e := range arr.items {
		f, ok := e.(float64)
		if !ok {
			return nil, false
		}
		out[i] = f
	}
	return out, true
}

// lookupField reads a field of an object, or of every object in an array
// (flattening arrays found there).
func lookupField(input any, name string) any {
	switch x := input.(type) {
	case *object:
		v, _ := x.get(name)
		return v
	case *array:
		out := seqOf()
		for _, e := range x.items {
			v := lookupField(e, name)
			if v == nil {
				continue
			}
			if arr, ok := v.(*array); ok {
				out.items = append(out.items, arr.items...)
			} else {
				out.items = append(out.items, v)
			}
		}
		return out
	}
	return nil
}

// wildcard is *: the values of every field.
func wildcard(input any) any {
	out := seqOf()
	if arr, ok := input.(*array); ok && arr.outerWrapper && len(arr.items) > 0 {
		input = arr.items[0]
	}
	var vals []any
	switch x := input.(type) {
	case *object:
		for _, k := range x.keys {
			vals = append(vals, x.vals[k])
		}
	case *array: // an array's members, as JavaScript's Object.keys lists them
		vals = x.items
	}
	for _, v := range vals {
		if arr, ok := v.(*array); ok {
			out.items = append(out.items, flatten(arr, nil)...)
		} else {
			out.items = append(out.items, v)
		}
	}
	return out
}

func flatten(arr *array, into []any) []any {
	for _, e := range arr.items {
		if a, ok := e.(*array); ok {
			into = flatten(a, into)
		} else {
			into = append(into, e)
		}
	}
	return into
}

// descendants is **: every value below input, input included.
func descendants(input any) any {
	out := seqOf()
	if input != nil {
		recurseDescendants(input, out)
	}
	if len(out.items) == 1 {
		return out.items[0]
	}
	return out
}

func recurseDescendants(v any, out *array) {
	if _, ok := v.(*array); !ok {
		out.items = append(out.items, v)
	}
	switch x := v.(type) {
	case *array:
		for _, e := range x.items {
			recurseDescendants(e, out)
		}
	case *object:
		for _, k := range x.keys {
			recurseDescendants(x.vals[k], out)
		}
	}
}
