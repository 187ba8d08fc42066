package jsonata

func fnKeys(_ *evaluator, args []any, _ any) (any, error) {
	out := seqOf()
	seen := map[string]bool{}
	add := func(o *object) {
		for _, k := range o.keys {
			if !seen[k] {
				seen[k] = true
				out.items = append(out.items, k)
			}
		}
	}
	switch x := args[0].(type) {
	case *object:
		add(x)
	case *array:
		for _, e := range x.items {
			if o, ok := e.(*object); ok {
				add(o)
			}
		}
	}
	return out, nil
}

func fnLookup(_ *evaluator, args []any, _ any) (any, error) {
	key, _ := args[1].(string)
	return lookupField(args[0], key), nil
}

func fnSpread(_ *evaluator, args []any, _ any) (any, error) {
	switch x := args[0].(type) {
	case *object:
		out := seqOf()
		for _, k := range x.keys {
			o := newObject(1)
			o.set(k, x.vals[k])
			out.items = append(out.items, o)
		}
		return out, nil
	case *array:
		out := seqOf()
		for _, e := range x.items {
			v, _ := fnSpread(nil, []any{e}, nil)
			if arr, ok := v.(*array); ok {
				out.items = append(out.items, arr.items...)
			} else if v != nil {
				out.items = append(out.items, v)
			}
		}
		return out, nil
	}
	return args[0], nil
}

func fnMerge(_ *evaluator, args []any, _ any) (any, error) {
	arr, ok := args[0].(*array)
	if !ok {
		return nil, nil
	}
	out := newObject(0)
	for _, e := range arr.items {
		if o, ok := e.(*object); ok {
			for _, k := range o.keys {
				out.set(k, o.vals[k])
			}
		}
	}
	return out, nil
}

func fnEach(ev *evaluator, args []any, input any) (any, error) {
	o, ok := args[0].(*object)
	fn, fok := args[1].(callable)
	if !ok || !fok {
		return nil, nil
	}
	out := seqOf()
	for _, k := range o.keys {
		v, err := ev.callWith(fn, input, o.vals[k], k, o)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out.items = append(out.items, v)
		}
	}
	return out, nil
}

func fnSift(ev *evaluator, args []any, input any) (any, error) {
	o, ok := args[0].(*object)
	fn, fok := args[1].(callable)
	if !ok || !fok {
		return nil, nil
	}
	out := newObject(0)
	for _, k := range o.keys {
		v, err := ev.callWith(fn, input, o.vals[k], k, o)
		if err != nil {
			return nil, err
		}
		if truthy(v) {
			out.set(k, o.vals[k])
		}
	}
	if len(out.keys) == 0 {
		return nil, nil
	}
	return out, nil
}

func fnType(_ *evaluator, args []any, _ any) (any, error) {
	if args[0] == nil {
		return nil, nil
	}
	return typeName(args[0]), nil
}

func fnError(_ *evaluator, args []any, _ any) (any, error) {
	msg, ok := args[0].(string)
	if !ok {
		msg = "$error() function evaluated"
	}
	return nil, &Error{Code: "D3137", Message: msg}
}

func fnAssert(_ *evaluator, args []any, _ any) (any, error) {
	if b, _ := args[0].(bool); b {
		return nil, nil
	}
	msg, ok := args[1].(string)
	if !ok {
		msg = "$assert() statement failed"
	}
	return nil, &Error{Code: "D3141", Message: msg}
}

// fnClone is $clone: a deep copy made as the reference implementation
// makes it, through $string and back, so numbers come out rounded to 15
// significant digits and functions as "".
func fnClone(_ *evaluator, args []any, _ any) (any, error) {
	if args[0] == nil {
		return nil, nil
	}
	s, err := toStr(args[0], false)
	if err != nil {
		return nil, err
	}
	text, _ := s.(string)
	v, err := parseJSON(text)
	if err != nil {
		return nil, &Error{Code: "D3141", Message: err.Error()}
	}
	return v, nil
}
