package jsonata

import "strconv"

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
	kParent     // %: the context of an earlier step (see ancestry.go)
	kTransform  // | pattern | update, delete |: lhs, rhs and els hold the three parts
	kIndexStage // #$name after a predicate: binds the position in the filtered stream
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

	// Tuple-stream annotations (eval_tuple.go): a step that binds its
	// focus (@$focus) or its position (#$index), that is the ancestor a
	// parent operator refers to, or that carries such a step's bindings
	// from inside it, is evaluated over a stream of tuples.
	focus    string
	index    string
	tuple    bool
	ancestor *slot
	// seeking lists the parent operators inside this node that still
	// look for the step they refer to; slot is a kParent's own.
	seeking []*slot
	slot    *slot
}

// sortTerm is one term of an order-by clause.
type sortTerm struct {
	expr       *node
	descending bool
}

// processor turns the parse tree into the evaluated tree: '.' chains
// become paths, predicates, group-by clauses, order-by steps and @ / #
// bindings attach to the steps they follow, and each parent operator is
// tied to the step whose context it names, as the reference
// implementation's AST post-processing does.
type processor struct {
	labels int // parent slots made so far
}

// process post-processes n and the nodes below it.
func (p *processor) process(n *node) (*node, error) {
	if n == nil {
		return nil, nil
	}
	res, err := p.processNode(n)
	if err != nil {
		return nil, err
	}
	if n.keepArray {
		res.keepArray = true
	}
	return res, nil
}

func (p *processor) processNode(n *node) (*node, error) {
	var err error
	switch n.kind {
	case kBinary:
		return p.processBinary(n)
	case kSort:
		return p.processSort(n)
	case kName:
		path := &node{kind: kPath, pos: n.pos, items: []*node{n}}
		path.keepSingletonArray = n.keepArray
		return path, nil
	case kParent:
		n.slot = &slot{label: "!" + strconv.Itoa(p.labels), level: 1}
		p.labels++
		return n, nil
	case kArray, kBlock:
		for i := range n.items {
			if n.items[i], err = p.process(n.items[i]); err != nil {
				return nil, err
			}
			pushAncestry(n, n.items[i])
		}
	case kObject:
		if n.pairs, err = p.processPairs(n.pairs); err != nil {
			return nil, err
		}
		for _, pair := range n.pairs {
			pushAncestry(n, pair[0])
			pushAncestry(n, pair[1])
		}
	case kNegate:
		if n.lhs, err = p.process(n.lhs); err != nil {
			return nil, err
		}
		pushAncestry(n, n.lhs)
	case kCall:
		for i := range n.items {
			if n.items[i], err = p.process(n.items[i]); err != nil {
				return nil, err
			}
			pushAncestry(n, n.items[i])
		}
		n.lhs, err = p.process(n.lhs)
	case kLambda:
		n.body, err = p.process(n.body)
	case kCondition:
		for _, c := range []**node{&n.cond, &n.then, &n.els} {
			if *c, err = p.process(*c); err != nil {
				return nil, err
			}
			pushAncestry(n, *c)
		}
	case kBind:
		if n.rhs, err = p.process(n.rhs); err != nil {
			return nil, err
		}
		pushAncestry(n, n.rhs)
	case kApply, kTransform:
		for _, c := range []**node{&n.lhs, &n.rhs, &n.els} {
			if *c, err = p.process(*c); err != nil {
				return nil, err
			}
		}
		if n.kind == kApply && (n.lhs.keepArray || n.rhs.keepArray) {
			n.keepArray = true
		}
	}
	return n, err
}

// processBinary handles the operators that shape paths ('.', '[', '{',
// '@', '#') and the others, whose operands it processes.
func (p *processor) processBinary(n *node) (*node, error) {
	switch n.op {
	case ".":
		return p.processDot(n)
	case "[":
		return p.processPredicate(n)
	case "{":
		res, err := p.process(n.lhs)
		if err != nil {
			return nil, err
		}
		if res.hasGroup {
			return nil, &Error{Code: "S0210", Message: "Each step can only have one grouping expression", Position: n.pos}
		}
		if res.group, err = p.processPairs(n.pairs); err != nil {
			return nil, err
		}
		res.hasGroup = true
		return res, nil
	case "@":
		return p.processFocus(n)
	case "#":
		return p.processIndex(n)
	}
	var err error
	if n.lhs, err = p.process(n.lhs); err != nil {
		return nil, err
	}
	if n.rhs, err = p.process(n.rhs); err != nil {
		return nil, err
	}
	pushAncestry(n, n.lhs)
	pushAncestry(n, n.rhs)
	return n, nil
}

// processSort appends an order-by step to the path it follows.
func (p *processor) processSort(n *node) (*node, error) {
	res, err := p.process(n.lhs)
	if err != nil {
		return nil, err
	}
	if res.kind != kPath {
		res = &node{kind: kPath, pos: res.pos, items: []*node{res}}
	}
	sort := &node{kind: kSort, pos: n.pos, terms: n.terms}
	for i := range sort.terms {
		if sort.terms[i].expr, err = p.process(sort.terms[i].expr); err != nil {
			return nil, err
		}
		pushAncestry(sort, sort.terms[i].expr)
	}
	res.items = append(res.items, sort)
	if err := resolveAncestry(res); err != nil {
		return nil, err
	}
	return res, nil
}

func (p *processor) processPairs(pairs [][2]*node) ([][2]*node, error) {
	out := make([][2]*node, len(pairs))
	for i, pair := range pairs {
		k, err := p.process(pair[0])
		if err != nil {
			return nil, err
		}
		v, err := p.process(pair[1])
		if err != nil {
			return nil, err
		}
		out[i] = [2]*node{k, v}
	}
	return out, nil
}

// processDot builds a path from a '.' node.
func (p *processor) processDot(n *node) (*node, error) {
	lstep, err := p.process(n.lhs)
	if err != nil {
		return nil, err
	}
	res := lstep
	if lstep.kind != kPath {
		res = &node{kind: kPath, pos: lstep.pos, items: []*node{lstep}}
	}
	if lstep.kind == kParent {
		res.seeking = []*slot{lstep.slot}
	}
	rest, err := p.process(n.rhs)
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
	if err := resolveAncestry(res); err != nil {
		return nil, err
	}
	return res, nil
}

// processStep processes the expression a predicate, focus or index
// operator follows and returns it with the step the operator binds to: the
// last step of a path, otherwise the expression itself.
func (p *processor) processStep(lhs *node) (res, step *node, err error) {
	if res, err = p.process(lhs); err != nil {
		return nil, nil, err
	}
	step = res
	if res.kind == kPath {
		step = res.items[len(res.items)-1]
	}
	return res, step, nil
}

// processPredicate attaches a [filter] to the step or expression it
// follows.
func (p *processor) processPredicate(n *node) (*node, error) {
	res, step, err := p.processStep(n.lhs)
	if err != nil {
		return nil, err
	}
	if step.hasGroup {
		return nil, &Error{Code: "S0209", Message: "A predicate cannot follow a grouping expression in a step", Position: n.pos}
	}
	pred, err := p.process(n.rhs)
	if err != nil {
		return nil, err
	}
	if len(pred.seeking) > 0 {
		for _, s := range pred.seeking {
			if s.level == 1 {
				if err := seekParent(step, s); err != nil {
					return nil, err
				}
			} else {
				s.level--
			}
		}
		pushAncestry(step, pred)
	}
	if res.kind == kPath {
		step.stages = append(step.stages, pred)
	} else {
		res.predicate = append(res.predicate, pred)
	}
	return res, nil
}

// processFocus handles step@$name, which binds each value of the step to
// $name while the context stays the step's input.
func (p *processor) processFocus(n *node) (*node, error) {
	res, step, err := p.processStep(n.lhs)
	if err != nil {
		return nil, err
	}
	if len(step.stages) > 0 || len(step.predicate) > 0 {
		return nil, errAt("S0215", n.pos, nil)
	}
	if step.kind == kSort {
		return nil, errAt("S0216", n.pos, nil)
	}
	if n.keepArray {
		step.keepArray = true
	}
	step.focus = n.rhs.op
	step.tuple = true
	return res, nil
}

// processIndex handles step#$name, which binds each value's position to
// $name: in the step's output when no predicate precedes it, otherwise
// in the stream the predicates leave.
func (p *processor) processIndex(n *node) (*node, error) {
	res, step, err := p.processStep(n.lhs)
	if err != nil {
		return nil, err
	}
	if res.kind != kPath {
		res = &node{kind: kPath, pos: res.pos, items: []*node{step}}
		if len(step.predicate) > 0 {
			step.stages, step.predicate = step.predicate, nil
		}
	}
	if len(step.stages) == 0 {
		step.index = n.rhs.op
	} else {
		step.stages = append(step.stages, &node{kind: kIndexStage, op: n.rhs.op, pos: n.pos})
	}
	step.tuple = true
	return res, nil
}
