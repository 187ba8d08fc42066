package jsonata

import "strings"

func fnAppend(_ *evaluator, args []any, _ any) (any, error) {
	return appendValues(args[0], args[1]), nil
}

func fnReverse(_ *evaluator, args []any, _ any) (any, error) {
	arr, ok := args[0].(*array)
	if !ok {
		return nil, nil
	}
	out := &array{items: make([]any, len(arr.items))}
	for i, e := range arr.items {
		out.items[len(arr.items)-1-i] = e
	}
	return out, nil
}

func fnSort(ev *evaluator, args []any, input any) (any, error) {
	arr, ok := args[0].(*array)
	if !ok {
		return nil, nil
	}
	if len(arr.items) <= 1 {
		return arr, nil
	}
	var swap func(a, b any) bool
	var sortErr error
	if fn, ok := args[1].(callable); ok {
		swap = func(a, b any) bool {
			if sortErr != nil {
				return false
			}
			r, err := ev.callWith(fn, input, a, b)
			if err != nil {
				sortErr = err
				return false
			}
			return truthy(r)
		}
	} else {
		allNum, allStr := true, true
		for _, e := range arr.items {
			_, n := e.(float64)
			_, s := e.(string)
			allNum, allStr = allNum && n, allStr && s
		}
		if !allNum && !allStr {
			return nil, errAt("D3070", 0, nil)
		}
		swap = func(a, b any) bool {
			if allNum {
				return a.(float64) > b.(float64)
			}
			return strings.Compare(a.(string), b.(string)) > 0
		}
	}
	sorted := mergeSort(append([]any(nil), arr.items...), swap)
	if sortErr != nil {
		return nil, sortErr
	}
	return &array{items: sorted}, nil
}

func fnShuffle(ev *evaluator, args []any, _ any) (any, error) {
	arr, ok := args[0].(*array)
	if !ok {
		return nil, nil
	}
	items := append([]any(nil), arr.items...)
	for i := len(items) - 1; i > 0; i-- {
		j := int(ev.random() * float64(i+1))
		items[i], items[j] = items[j], items[i]
	}
	return &array{items: items}, nil
}

func fnDistinct(_ *evaluator, args []any, _ any) (any, error) {
	arr, ok := args[0].(*array)
	if !ok {
		return args[0], nil
	}
	out := &array{sequence: arr.sequence}
	for _, e := range arr.items {
		dup := false
		for _, seen := range out.items {
			if deepEqual(e, seen) {
				dup = true
				break
			}
		}
		if !dup {
			out.items = append(out.items, e)
		}
	}
	return out, nil
}

func fnZip(_ *evaluator, args []any, _ any) (any, error) {
	n := -1
	var arrs []*array
	for _, a := range args {
		arr, ok := a.(*array)
		if !ok {
			arr = &array{items: []any{a}}
			if a == nil {
				arr = &array{}
			}
		}
		arrs = append(arrs, arr)
		if n < 0 || len(arr.items) < n {
			n = len(arr.items)
		}
	}
	out := &array{}
	for i := 0; i < n; i++ {
		tuple := &array{}
		for _, arr := range arrs {
			tuple.items = append(tuple.items, arr.items[i])
		}
		out.items = append(out.items, tuple)
	}
	return out, nil
}

func fnMap(ev *evaluator, args []any, input any) (any, error) {
	arr, fn, ok := hofArgs(args)
	if !ok {
		return nil, nil
	}
	out := seqOf()
	for i, e := range arr.items {
		v, err := ev.callWith(fn, input, e, float64(i), arr)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out.items = append(out.items, v)
		}
	}
	return out, nil
}

func fnFilter(ev *evaluator, args []any, input any) (any, error) {
	arr, fn, ok := hofArgs(args)
	if !ok {
		return nil, nil
	}
	out := seqOf()
	for i, e := range arr.items {
		v, err := ev.callWith(fn, input, e, float64(i), arr)
		if err != nil {
			return nil, err
		}
		if truthy(v) {
			out.items = append(out.items, e)
		}
	}
	return out, nil
}

func fnSingle(ev *evaluator, args []any, input any) (any, error) {
	arr, ok := args[0].(*array)
	if !ok {
		return nil, nil
	}
	fn, hasFn := args[1].(callable)
	var found any
	n := 0
	for i, e := range arr.items {
		keep := true
		if hasFn {
			v, err := ev.callWith(fn, input, e, float64(i), arr)
			if err != nil {
				return nil, err
			}
			keep = truthy(v)
		}
		if keep {
			n++
			if n > 1 {
				return nil, errAt("D3138", 0, nil)
			}
			found = e
		}
	}
	if n == 0 {
		return nil, errAt("D3139", 0, nil)
	}
	return found, nil
}

func fnReduce(ev *evaluator, args []any, input any) (any, error) {
	arr, fn, ok := hofArgs(args)
	if !ok {
		return nil, nil
	}
	if fn.arity() < 2 {
		return nil, errAt("D3050", 0, nil)
	}
	acc := args[2]
	start := 0
	if acc == nil && len(arr.items) > 0 {
		acc, start = arr.items[0], 1
	}
	for i := start; i < len(arr.items); i++ {
		v, err := ev.callWith(fn, input, acc, arr.items[i], float64(i), arr)
		if err != nil {
			return nil, err
		}
		acc = v
	}
	return acc, nil
}

func hofArgs(args []any) (*array, callable, bool) {
	arr, ok := args[0].(*array)
	fn, fok := args[1].(callable)
	return arr, fn, ok && fok
}
