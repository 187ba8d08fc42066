package jsonata

// The parent operator % names the context of an earlier step: in
// Account.Order.Product.%, the Order each Product was found in. At
// compile time each % gets a slot and the slot climbs back through the
// steps before it, one level per name or wildcard step, until it reaches
// the step whose input it names; that step (its ancestor) then binds the
// slot's label to its input in the tuple stream, where % reads it.

// slot is one parent operator's search for its step: label is the
// binding it reads, level how many steps it still has to climb.
type slot struct {
	label string
	level int
}

// pushAncestry hands the parent operators that value still seeks on to
// result, which contains it.
func pushAncestry(result, value *node) {
	if value == nil {
		return
	}
	result.seeking = append(result.seeking, value.seeking...)
	if value.kind == kParent {
		result.seeking = append(result.seeking, value.slot)
	}
}

// resolveAncestry climbs the steps of path for the parent operators its
// last step seeks; those that climb past its first step are left for the
// expression around the path.
func resolveAncestry(path *node) error {
	last := path.items[len(path.items)-1]
	slots := append([]*slot(nil), last.seeking...)
	if last.kind == kParent {
		slots = append(slots, last.slot)
	}
	for _, s := range slots {
		i := len(path.items) - 2
		for s.level > 0 {
			if i < 0 {
				path.seeking = append(path.seeking, s)
				break
			}
			step := path.items[i]
			i--
			// Contiguous steps that bind a focus count as one.
			for i >= 0 && step.focus != "" && path.items[i].focus != "" {
				step = path.items[i]
				i--
			}
			if err := seekParent(step, s); err != nil {
				return err
			}
		}
	}
	return nil
}

// seekParent climbs s through node: a name or wildcard step is one level
// (and becomes the ancestor when s arrives), a % adds one, a block or a
// path is climbed through its last expression or steps. Anything else
// cannot name a parent.
func seekParent(n *node, s *slot) error {
	switch n.kind {
	case kName, kWildcard:
		s.level--
		if s.level == 0 {
			if n.ancestor != nil {
				s.label = n.ancestor.label
			}
			n.ancestor = s
			n.tuple = true
		}
	case kParent:
		s.level++
	case kBlock:
		if len(n.items) > 0 {
			n.tuple = true
			return seekParent(n.items[len(n.items)-1], s)
		}
	case kPath:
		n.tuple = true
		i := len(n.items) - 1
		if err := seekParent(n.items[i], s); err != nil {
			return err
		}
		for i--; s.level > 0 && i >= 0; i-- {
			if err := seekParent(n.items[i], s); err != nil {
				return err
			}
		}
	default:
		return errAt("S0217", n.pos, nil)
	}
	return nil
}
