package jsonata

import (
	"strings"
)

// transform evaluates | pattern | update [, delete] |: a function of one
// object or array that returns a copy of it (made by $clone, which the
// expression may rebind) in which every value the pattern selects has the
// update object's fields merged in and the delete clause's fields
// removed.
func (ev *evaluator) transform(n *node, env *frame) *native {
	sig, _ := parseSignature("<(oa):o>")
	return &native{name: "transform", sig: sig, fn: func(ev *evaluator, args []any, _ any) (any, error) {
		if len(args) == 0 || args[0] == nil {
			return nil, nil
		}
		clone := ev.lookupFunction("clone", env)
		if clone == nil {
			return nil, errAt("T2013", n.pos, nil)
		}
		result, err := ev.invoke(clone, []any{args[0]}, nil, n.pos)
		if err != nil {
			return nil, err
		}
		matches, err := ev.eval(n.lhs, result, env)
		if err != nil || matches == nil {
			return result, err
		}
		items := []any{matches}
		if arr, ok := matches.(*array); ok {
			items = arr.items
		}
		for _, match := range items {
			if err := ev.transformMatch(n, match, env); err != nil {
				return nil, err
			}
		}
		return result, nil
	}}
}

// transformMatch changes one value the pattern selected, in place.
func (ev *evaluator) transformMatch(n *node, match any, env *frame) error {
	update, err := ev.eval(n.rhs, match, env)
	if err != nil {
		return err
	}
	if update != nil {
		fields, ok := update.(*object)
		if !ok {
			return errAt("T2011", n.rhs.pos, map[string]any{"value": update})
		}
		if err := mergeInto(match, fields); err != nil {
			return err
		}
	}
	if n.els == nil {
		return nil
	}
	deletions, err := ev.eval(n.els, match, env)
	if err != nil || deletions == nil {
		return err
	}
	names := []any{deletions}
	if arr, ok := deletions.(*array); ok {
		names = arr.items
	}
	for _, name := range names {
		if _, ok := name.(string); !ok {
			return errAt("T2012", n.els.pos, map[string]any{"value": deletions})
		}
	}
	if o, ok := match.(*object); ok {
		for _, name := range names {
			o.del(name.(string))
		}
	}
	return nil
}

// mergeInto sets the fields of update on match. An array takes them as
// JavaScript does, as properties no JSON shows; any other value refuses
// them with the TypeError JavaScript raises, which the reference
// implementation passes on.
func mergeInto(match any, update *object) error {
	switch m := match.(type) {
	case *object:
		for _, k := range update.keys {
			v := update.vals[k]
			if reaches(v, m, map[any]bool{}) {
				// JavaScript lets the object contain itself and fails
				// when it is written out; refusing here keeps every
				// value this package handles a tree.
				return &Error{Message: "Converting circular structure to JSON: property '" + k + "' closes the circle"}
			}
			m.set(k, v)
		}
		return nil
	case *array:
		return nil
	}
	if len(update.keys) == 0 {
		return nil
	}
	prop := update.keys[0]
	var kind, text string
	switch m := match.(type) {
	case null:
		return &Error{Message: "Cannot set properties of null (setting '" + prop + "')"}
	case float64:
		kind, text = "number", jsNumber(m)
	case string:
		kind, text = "string", m
	case bool:
		kind, text = "boolean", jsonText(m)
	default:
		kind, text = "function", strings.TrimSpace(jsonText(m))
	}
	return &Error{Message: "Cannot create property '" + prop + "' on " + kind + " '" + text + "'"}
}

// lookupFunction finds the function bound to $name in env, or the
// built-in of that name; nil when the name is bound to something else.
func (ev *evaluator) lookupFunction(name string, env *frame) callable {
	if v, ok := env.lookup(name); ok {
		f, _ := v.(callable)
		return f
	}
	if b := ev.builtin(name); b != nil {
		return b
	}
	return nil
}

// reaches reports whether target is v or lies inside it.
func reaches(v any, target *object, seen map[any]bool) bool {
	switch x := v.(type) {
	case *object:
		if x == target {
			return true
		}
		if seen[x] {
			return false
		}
		seen[x] = true
		for _, k := range x.keys {
			if reaches(x.vals[k], target, seen) {
				return true
			}
		}
	case *array:
		if seen[x] {
			return false
		}
		seen[x] = true
		for _, e := range x.items {
			if reaches(e, target, seen) {
				return true
			}
		}
	}
	return false
}
