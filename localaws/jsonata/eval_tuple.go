package jsonata

// A path whose steps bind variables (@$focus, #$index) or serve a parent
// operator (%) is evaluated as a stream of tuples rather than of values:
// each tuple holds the context value under "@" and, beside it, every
// binding made along the path so far, so that later steps, predicates,
// order-by terms and group-by expressions see them as variables.

// tupleOf makes a tuple whose context is v.
func tupleOf(v any) *object {
	t := newObject(1)
	t.set("@", v)
	return t
}

// copyTuple copies a tuple's bindings.
func copyTuple(t *object) *object {
	out := newObject(len(t.keys) + 1)
	for _, k := range t.keys {
		out.set(k, t.vals[k])
	}
	return out
}

// contextOf is the context value of a tuple.
func contextOf(t any) any {
	if o, ok := t.(*object); ok {
		return o.vals["@"]
	}
	return nil
}

// tupleFrame is a scope holding a tuple's bindings.
func tupleFrame(env *frame, t any) *frame {
	f := env.child()
	if o, ok := t.(*object); ok {
		for _, k := range o.keys {
			f.vars[k] = o.vals[k]
		}
	}
	return f
}

// tupleStep applies one step of a tuple-stream path. tuples is the stream
// so far, or nil when this is the first step of the path that binds: then
// the stream starts from the values in.
func (ev *evaluator) tupleStep(n *node, in *array, tuples *array, env *frame) (*array, error) {
	if n.kind == kSort {
		return ev.tupleSort(n, in, tuples, env)
	}
	if tuples == nil {
		tuples = &array{sequence: true, tupleStream: true}
		for _, v := range in.items {
			tuples.items = append(tuples.items, tupleOf(v))
		}
	}
	out := &array{sequence: true, tupleStream: true}
	for _, tv := range tuples.items {
		t, _ := tv.(*object)
		if t == nil {
			continue
		}
		res, err := ev.eval(n, t.vals["@"], tupleFrame(env, t))
		if err != nil {
			return nil, err
		}
		if res == nil {
			continue
		}
		arr, ok := res.(*array)
		if !ok {
			arr = &array{items: []any{res}}
		}
		for i, v := range arr.items {
			nt := copyTuple(t)
			switch {
			case arr.tupleStream:
				if o, ok := v.(*object); ok {
					for _, k := range o.keys {
						nt.set(k, o.vals[k])
					}
				}
			default:
				if n.focus != "" {
					nt.set(n.focus, v)
				} else {
					nt.set("@", v)
				}
				if n.index != "" {
					nt.set(n.index, float64(i))
				}
				if n.ancestor != nil {
					nt.set(n.ancestor.label, t.vals["@"])
				}
			}
			out.items = append(out.items, nt)
		}
	}
	return ev.tupleStages(n.stages, out, env)
}

// tupleSort applies an order-by step in a tuple stream. The first binding
// step of a path may be the sort itself (a^(b)#$i): then the stream starts
// from the sorted values, numbered.
func (ev *evaluator) tupleSort(n *node, in *array, tuples *array, env *frame) (*array, error) {
	var res *array
	if tuples != nil {
		sorted, err := ev.sortStep(n, tuples, env)
		if err != nil {
			return nil, err
		}
		res, _ = sorted.(*array)
	} else {
		sorted, err := ev.sortStep(n, in, env)
		if err != nil {
			return nil, err
		}
		res = &array{sequence: true, tupleStream: true}
		if arr, ok := sorted.(*array); ok {
			for i, v := range arr.items {
				t := tupleOf(v)
				t.set(n.index, float64(i))
				res.items = append(res.items, t)
			}
		}
	}
	if res == nil {
		res = &array{sequence: true, tupleStream: true}
	}
	return ev.tupleStages(n.stages, res, env)
}

// tupleStages applies a step's predicates and position bindings in turn.
func (ev *evaluator) tupleStages(stages []*node, res *array, env *frame) (*array, error) {
	for _, st := range stages {
		if st.kind == kIndexStage {
			for i, t := range res.items {
				if o, ok := t.(*object); ok {
					o.set(st.op, float64(i))
				}
			}
			continue
		}
		v, err := ev.filter(st, res, env)
		if err != nil {
			return nil, err
		}
		arr, ok := v.(*array)
		if !ok {
			arr = &array{sequence: true, items: []any{v}}
		}
		res = arr
	}
	return res, nil
}

// reduceTuples merges the tuples of one group: each binding becomes the
// values it had in the group's tuples, appended together.
func reduceTuples(data any) *object {
	arr, ok := data.(*array)
	if !ok {
		t, _ := data.(*object)
		if t == nil {
			return newObject(0)
		}
		return copyTuple(t)
	}
	out := newObject(0)
	for i, tv := range arr.items {
		t, _ := tv.(*object)
		if t == nil {
			continue
		}
		for _, k := range t.keys {
			if i == 0 {
				out.set(k, t.vals[k])
				continue
			}
			prev, _ := out.get(k)
			out.set(k, appendValues(prev, t.vals[k]))
		}
	}
	return out
}
