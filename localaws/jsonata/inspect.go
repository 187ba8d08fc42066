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
