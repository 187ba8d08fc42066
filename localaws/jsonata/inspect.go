package jsonata

// UsesRoot reports whether the expression refers to $$, the root of the
// input, which Step Functions does not allow.
func (e *Expr) UsesRoot() bool {
	found := false
	walk(e.root, func(n *node) {
		if n.kind == kVariable && n.op == "$" {
			found = true
		}
	})
	return found
}

// FieldsOf lists the fields the expression reads directly from the
// variable $name ("errorOutput" for $states.errorOutput), so that a caller
// can refuse fields that do not exist where the expression runs.
func (e *Expr) FieldsOf(name string) []string {
	var out []string
	walk(e.root, func(n *node) {
		if n.kind == kPath && len(n.items) > 1 && n.items[0].kind == kVariable && n.items[0].op == name && n.items[1].kind == kName {
			out = append(out, n.items[1].op)
		}
	})
	return out
}

// walk visits every node of a compiled expression.
func walk(n *node, visit func(*node)) {
	if n == nil {
		return
	}
	visit(n)
	for _, c := range []*node{n.lhs, n.rhs, n.cond, n.then, n.els, n.body} {
		walk(c, visit)
	}
	for _, c := range n.items {
		walk(c, visit)
	}
	for _, c := range n.stages {
		walk(c, visit)
	}
	for _, c := range n.predicate {
		walk(c, visit)
	}
	for _, p := range n.pairs {
		walk(p[0], visit)
		walk(p[1], visit)
	}
	for _, p := range n.group {
		walk(p[0], visit)
		walk(p[1], visit)
	}
	for _, t := range n.terms {
		walk(t.expr, visit)
	}
}

// TopLevelNames lists, once each and in order, the field names the
// expression reads from its context item at the top level: the first
// step of a path that is not itself inside a path step, a predicate, an
// order-by, a group-by, a lambda body or a transform. Step Functions
// evaluates expressions without a context item and refuses such
// references when a state machine is created.
func (e *Expr) TopLevelNames() []string {
	var out []string
	seen := map[string]bool{}
	var visit func(n *node, top bool)
	visitAll := func(ns []*node, top bool) {
		for _, c := range ns {
			visit(c, top)
		}
	}
	visit = func(n *node, top bool) {
		if n == nil {
			return
		}
		switch n.kind {
		case kPath:
			for i, st := range n.items {
				if i == 0 && top && st.kind == kName && !seen[st.op] {
					seen[st.op] = true
					out = append(out, st.op)
				}
				visit(st, top && i == 0)
				visitAll(st.stages, false)
			}
			for _, p := range n.group {
				visit(p[0], false)
				visit(p[1], false)
			}
			return
		case kLambda, kTransform:
			top = false
		case kSort:
			for _, t := range n.terms {
				visit(t.expr, false)
			}
		}
		for _, c := range []*node{n.lhs, n.rhs, n.cond, n.then, n.els, n.body} {
			visit(c, top)
		}
		visitAll(n.items, top)
		for _, p := range n.pairs {
			visit(p[0], top)
			visit(p[1], top)
		}
		visitAll(n.predicate, false)
		for _, p := range n.group {
			visit(p[0], false)
			visit(p[1], false)
		}
	}
	visit(e.root, true)
	return out
}
