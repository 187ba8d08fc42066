package jsonata

// nodeKind classifies an expression node.
type nodeKind uint8

const (
	kPath nodeKind = iota
	kName
	kVariable
	kString
	kNumber
	kValue
	kRegex
	kWildcard
	kDescendant
	kNegate
	kArray
	kObject
	kBinary
	kCondition
	kBind
	kBlock
	kLambda
	kCall
	kPlaceholder
	kApply
	kSort
)

// node is one node of a compiled expression. Which fields are used
// depends on kind; paths (kPath) are built from '.' chains after parsing.
type node struct {
	kind  nodeKind
	pos   int
	op    string // kBinary operator, kName/kVariable name
	value any    // literals

	lhs, rhs *node
	items    []*node    // array items, block expressions, call arguments, path steps
	pairs    [][2]*node // object constructor and group-by pairs

	cond, then, els *node

	params []string
	sig    *signature
	body   *node

	// Path annotations.
	stages             []*node // predicates of a path step
	predicate          []*node // predicates of any other expression
	group              [][2]*node
	hasGroup           bool
	keepArray          bool
	keepSingletonArray bool
	consArray          bool
	terms              []sortTerm
	partial            bool
}

// sortTerm is one term of an order-by clause.
type sortTerm struct {
	expr       *node
	descending bool
}

// process turns '.' chains into paths and attaches predicates, group-by
// clauses and order-by steps to the steps they follow, as the reference
// implementation's AST post-processing does.
func process(n *node) (*node, error) {
	if n == nil {
		return nil, nil
	}
	var err error
	switch n.kind {
	case kBinary:
		switch n.op {
		case ".":
			return processDot(n)
		case "[":
			return processPredicate(n)
		case "{":
			res, err := process(n.lhs)
			if err != nil {
				return nil, err
			}
			if res.hasGroup {
				return nil, &Error{Code: "S0210", Message: "Each step can only have one grouping expression", Position: n.pos}
			}
			if res.group, err = processPairs(n.pairs); err != nil {
				return nil, err
			}
			res.hasGroup = true
			return res, nil
		}
		if n.lhs, err = process(n.lhs); err != nil {
			return nil, err
		}
		n.rhs, err = process(n.rhs)
		return n, err
	case kSort:
		res, err := process(n.lhs)
		if err != nil {
			return nil, err
		}
		if res.kind != kPath {
			res = &node{kind: kPath, pos: res.pos, items: []*node{res}}
		}
		for i := range n.terms {
			if n.terms[i].expr, err = process(n.terms[i].expr); err != nil {
				return nil, err
			}
		}
		res.items = append(res.items, &node{kind: kSort, pos: n.pos, terms: n.terms})
		return res, nil
	case kName:
		p := &node{kind: kPath, pos: n.pos, items: []*node{n}}
		p.keepSingletonArray = n.keepArray
		return p, nil
	case kArray, kBlock:
		for i := range n.items {
			if n.items[i], err = process(n.items[i]); err != nil {
				return nil, err
			}
		}
	case kObject:
		n.pairs, err = processPairs(n.pairs)
	case kNegate:
		n.lhs, err = process(n.lhs)
	case kCall:
		if n.lhs, err = process(n.lhs); err != nil {
			return nil, err
		}
		for i := range n.items {
			if n.items[i], err = process(n.items[i]); err != nil {
				return nil, err
			}
		}
	case kLambda:
		n.body, err = process(n.body)
	case kCondition:
		if n.cond, err = process(n.cond); err != nil {
			return nil, err
		}
		if n.then, err = process(n.then); err != nil {
			return nil, err
		}
		n.els, err = process(n.els)
	case kBind, kApply:
		if n.lhs, err = process(n.lhs); err != nil {
			return nil, err
		}
		n.rhs, err = process(n.rhs)
	}
	return n, err
}

func processPairs(pairs [][2]*node) ([][2]*node, error) {
	out := make([][2]*node, len(pairs))
	for i, p := range pairs {
		k, err := process(p[0])
		if err != nil {
			return nil, err
		}
		v, err := process(p[1])
		if err != nil {
			return nil, err
		}
		out[i] = [2]*node{k, v}
	}
	return out, nil
}

// processDot builds a path from a '.' node.
func processDot(n *node) (*node, error) {
	lstep, err := process(n.lhs)
	if err != nil {
		return nil, err
	}
	res := lstep
	if lstep.kind != kPath {
		res = &node{kind: kPath, pos: lstep.pos, items: []*node{lstep}}
	}
	rest, err := process(n.rhs)
	if err != nil {
		return nil, err
	}
	if rest.kind == kPath {
		res.items = append(res.items, rest.items...)
		if rest.keepSingletonArray {
			res.keepSingletonArray = true
		}
		if rest.hasGroup {
			res.group, res.hasGroup = rest.group, true
		}
	} else {
		if len(rest.predicate) > 0 {
			rest.stages, rest.predicate = rest.predicate, nil
		}
		res.items = append(res.items, rest)
	}
	for _, st := range res.items {
		switch st.kind {
		case kNumber, kValue:
			return nil, errAt("S0213", st.pos, map[string]any{"value": st.value})
		case kString:
			st.kind, st.op = kName, st.value.(string)
		}
		if st.keepArray {
			res.keepSingletonArray = true
		}
	}
	if first := res.items[0]; first.kind == kArray {
		first.consArray = true
	}
	if last := res.items[len(res.items)-1]; last.kind == kArray {
		last.consArray = true
	}
	return res, nil
}

// processPredicate attaches a [filter] to the step or expression it
// follows.
func processPredicate(n *node) (*node, error) {
	res, err := process(n.lhs)
	if err != nil {
		return nil, err
	}
	pred, err := process(n.rhs)
	if err != nil {
		return nil, err
	}
	if res.kind == kPath {
		step := res.items[len(res.items)-1]
		if step.hasGroup {
			return nil, &Error{Code: "S0209", Message: "A predicate cannot follow a grouping expression in a step", Position: n.pos}
		}
		step.stages = append(step.stages, pred)
		return res, nil
	}
	if res.hasGroup {
		return nil, &Error{Code: "S0209", Message: "A predicate cannot follow a grouping expression in a step", Position: n.pos}
	}
	res.predicate = append(res.predicate, pred)
	return res, nil
}
