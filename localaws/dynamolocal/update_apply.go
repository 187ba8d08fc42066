package dynamolocal

import (
	"sort"
)

func errOperandType() *Error {
	return validation("An operand in the update expression has an incorrect data type")
}

func errInvalidPath() *Error {
	return validation("The document path provided in the update expression is invalid for update")
}

// applyUpdate runs an update expression's actions on a copy of old, every
// SET value read from old as in DynamoDB, and returns the new item and the
// document paths the actions touched.
func applyUpdate(old Item, actions []updateAction) (Item, []docPath, error) {
	values := make([]*Value, len(actions))
	for i, a := range actions {
		if a.verb != "SET" {
			continue
		}
		v, err := setValue(old, a.value)
		if err != nil {
			return nil, nil, err
		}
		values[i] = v
	}
	item := copyItem(old)
	if item == nil {
		item = Item{}
	}
	order := make([]int, len(actions))
	for i := range order {
		order[i] = i
	}
	// List elements are removed from the highest index down, so that each
	// index still names the element of the original list.
	sort.SliceStable(order, func(a, b int) bool {
		x, y := actions[order[a]], actions[order[b]]
		if x.verb != "REMOVE" || y.verb != "REMOVE" {
			return false
		}
		return removeAfter(y.path, x.path)
	})
	touched := make([]docPath, 0, len(actions))
	for _, i := range order {
		a := actions[i]
		touched = append(touched, a.path)
		var err error
		switch a.verb {
		case "SET":
			err = assign(item, a.path, values[i])
		case "REMOVE":
			remove(item, a.path)
		case "ADD":
			err = add(item, a.path, a.value.(valueOperand).v)
		case "DELETE":
			err = deleteFromSet(item, a.path, a.value.(valueOperand).v)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return item, touched, nil
}

// removeAfter orders two REMOVE paths of the same list so that the higher
// index goes first.
func removeAfter(a, b docPath) bool {
	if len(a) != len(b) {
		return false
	}
	last := len(a) - 1
	if !a[last].isIndex || !b[last].isIndex || !a[:last].overlaps(b[:last]) {
		return false
	}
	return a[last].index < b[last].index
}

// setValue evaluates the right-hand side of a SET action against item.
func setValue(it Item, o operand) (*Value, error) {
	switch x := o.(type) {
	case valueOperand:
		return x.v, nil
	case pathOperand:
		v := resolve(it, x.path)
		if v == nil {
			return nil, validation("The provided expression refers to an attribute that does not exist in the item")
		}
		return v, nil
	case callOperand:
		if x.name == "if_not_exists" {
			if v := resolve(it, x.args[0].(pathOperand).path); v != nil {
				return v, nil
			}
			return setValue(it, x.args[1])
		}
		l, err := setValue(it, x.args[0])
		if err != nil {
			return nil, err
		}
		r, err := setValue(it, x.args[1])
		if err != nil {
			return nil, err
		}
		if l.kind != kindL || r.kind != kindL {
			return nil, errOperandType()
		}
		out := make([]*Value, 0, len(l.l)+len(r.l))
		return &Value{kind: kindL, l: append(append(out, l.l...), r.l...)}, nil
	case arithOperand:
		l, err := setValue(it, x.l)
		if err != nil {
			return nil, err
		}
		r, err := setValue(it, x.r)
		if err != nil {
			return nil, err
		}
		if l.kind != kindN || r.kind != kindN {
			return nil, errOperandType()
		}
		var d decimal
		if x.op == "+" {
			d = mustNumber(l.str).add(mustNumber(r.str))
		} else {
			d = mustNumber(l.str).sub(mustNumber(r.str))
		}
		if err := d.checkRange(); err != nil {
			return nil, err
		}
		return numberValue(d), nil
	}
	return nil, errOperandType()
}

// parentOf returns a writable (cloned) container holding the path's last
// step, creating nothing: every step but the last must exist.
func parentOf(it Item, path docPath) (*Value, error) {
	top, ok := it[path[0].name]
	if !ok {
		return nil, errInvalidPath()
	}
	top = top.clone()
	it[path[0].name] = top
	cur := top
	for _, e := range path[1 : len(path)-1] {
		switch {
		case e.isIndex && cur.kind == kindL && e.index < len(cur.l):
			cur = cur.l[e.index]
		case !e.isIndex && cur.kind == kindM && cur.m[e.name] != nil:
			cur = cur.m[e.name]
		default:
			return nil, errInvalidPath()
		}
	}
	return cur, nil
}

func assign(it Item, path docPath, v *Value) error {
	if len(path) == 1 {
		it[path[0].name] = v
		return nil
	}
	parent, err := parentOf(it, path)
	if err != nil {
		return err
	}
	last := path[len(path)-1]
	switch {
	case last.isIndex && parent.kind == kindL:
		if last.index >= len(parent.l) {
			parent.l = append(parent.l, v)
		} else {
			parent.l[last.index] = v
		}
	case !last.isIndex && parent.kind == kindM:
		parent.m[last.name] = v
	default:
		return errInvalidPath()
	}
	return nil
}

func remove(it Item, path docPath) {
	if len(path) == 1 {
		delete(it, path[0].name)
		return
	}
	if resolve(it, path) == nil {
		return
	}
	parent, err := parentOf(it, path)
	if err != nil {
		return
	}
	last := path[len(path)-1]
	if last.isIndex {
		parent.l = append(parent.l[:last.index:last.index], parent.l[last.index+1:]...)
		return
	}
	delete(parent.m, last.name)
}

func add(it Item, path docPath, v *Value) error {
	cur := resolve(it, path)
	if cur == nil {
		return assign(it, path, v)
	}
	if cur.kind != v.kind {
		return errOperandType()
	}
	if cur.kind == kindN {
		d := mustNumber(cur.str).add(mustNumber(v.str))
		if err := d.checkRange(); err != nil {
			return err
		}
		return assign(it, path, numberValue(d))
	}
	return assign(it, path, setOf(cur.kind, append(append([]string{}, cur.set...), v.set...)))
}

func deleteFromSet(it Item, path docPath, v *Value) error {
	cur := resolve(it, path)
	if cur == nil {
		return nil
	}
	if cur.kind != v.kind {
		return errOperandType()
	}
	drop := map[string]bool{}
	for _, m := range v.set {
		drop[m] = true
	}
	var keep []string
	for _, m := range cur.set {
		if !drop[m] {
			keep = append(keep, m)
		}
	}
	if len(keep) == 0 {
		remove(it, path)
		return nil
	}
	return assign(it, path, setOf(cur.kind, keep))
}
