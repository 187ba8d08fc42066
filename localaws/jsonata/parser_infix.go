package jsonata

// led parses an infix or postfix operator t applied to left.
func (p *parser) led(t token, left *node) (*node, error) {
	switch t.text {
	case ".", "+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "&", "and", "or", "in", "?:", "??":
		rhs, err := p.expression(lbp(t))
		if err != nil {
			return nil, err
		}
		return &node{kind: kBinary, op: t.text, lhs: left, rhs: rhs, pos: t.pos}, nil
	case "~>":
		rhs, err := p.expression(40)
		if err != nil {
			return nil, err
		}
		return &node{kind: kApply, lhs: left, rhs: rhs, pos: t.pos}, nil
	case ":=":
		if left.kind != kVariable {
			return nil, errAt("S0212", left.pos, nil)
		}
		rhs, err := p.expression(9) // right associative
		if err != nil {
			return nil, err
		}
		return &node{kind: kBind, lhs: left, rhs: rhs, pos: t.pos}, nil
	case "?":
		then, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		n := &node{kind: kCondition, cond: left, then: then, pos: t.pos}
		if p.isOp(":") {
			if err := p.advance(":", false); err != nil {
				return nil, err
			}
			if n.els, err = p.expression(0); err != nil {
				return nil, err
			}
		}
		return n, nil
	case "(":
		return p.call(t, left)
	case "[":
		if p.isOp("]") {
			step := left
			for step.kind == kBinary && step.op == "[" {
				step = step.lhs
			}
			step.keepArray = true
			return left, p.advance("]", true)
		}
		rhs, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		return &node{kind: kBinary, op: "[", lhs: left, rhs: rhs, pos: t.pos}, p.advance("]", true)
	case "{":
		pairs, err := p.pairs()
		if err != nil {
			return nil, err
		}
		return &node{kind: kBinary, op: "{", lhs: left, pairs: pairs, pos: t.pos}, nil
	case "^":
		return p.orderBy(t, left)
	case "@", "#":
		rhs, err := p.expression(lbp(t))
		if err != nil {
			return nil, err
		}
		if rhs.kind != kVariable {
			return nil, errAt("S0214", rhs.pos, map[string]any{"token": t.text})
		}
		return &node{kind: kBinary, op: t.text, lhs: left, rhs: rhs, pos: t.pos}, nil
	}
	return nil, errAt("S0204", t.pos, map[string]any{"token": t.text})
}

// call parses the arguments of a function call, or a lambda definition
// when left is the name function (or λ).
func (p *parser) call(t token, left *node) (*node, error) {
	n := &node{kind: kCall, lhs: left, pos: t.pos}
	if !p.isOp(")") {
		for {
			if p.tok.kind == tokEnd {
				return nil, errAt("S0203", p.tok.pos, map[string]any{"value": ")"})
			}
			var arg *node
			var err error
			if p.isOp("?") {
				arg = &node{kind: kPlaceholder, pos: p.tok.pos}
				n.partial = true
				err = p.advance("?", true)
			} else {
				arg, err = p.expression(0)
			}
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, arg)
			if !p.isOp(",") {
				break
			}
			if err := p.advance(",", false); err != nil {
				return nil, err
			}
		}
	}
	if err := p.advance(")", true); err != nil {
		return nil, err
	}
	if left.kind != kName || (left.op != "function" && left.op != "λ") {
		return n, nil
	}
	lam := &node{kind: kLambda, pos: left.pos}
	for i, a := range n.items {
		if a.kind != kVariable {
			return nil, errAt("S0208", a.pos, map[string]any{"value": float64(i + 1)})
		}
		lam.params = append(lam.params, a.op)
	}
	if p.isOp("<") {
		text := "<"
		depth := 1
		for depth > 0 && !p.isOp("{") && p.tok.kind != tokEnd {
			if err := p.advance("", false); err != nil {
				return nil, err
			}
			switch {
			case p.isOp(">"):
				depth--
			case p.isOp("<"):
				depth++
			}
			text += tokenText(p.tok)
		}
		if err := p.advance(">", false); err != nil {
			return nil, err
		}
		sig, err := parseSignature(text)
		if err != nil {
			return nil, err
		}
		lam.sig = sig
	}
	if err := p.advance("{", false); err != nil {
		return nil, err
	}
	body, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	lam.body = body
	return lam, p.advance("}", true)
}

// orderBy parses ^( <a, >b ).
func (p *parser) orderBy(t token, left *node) (*node, error) {
	if err := p.advance("(", false); err != nil {
		return nil, err
	}
	n := &node{kind: kSort, lhs: left, pos: t.pos}
	for {
		desc := false
		switch {
		case p.isOp("<"):
			if err := p.advance("<", false); err != nil {
				return nil, err
			}
		case p.isOp(">"):
			desc = true
			if err := p.advance(">", false); err != nil {
				return nil, err
			}
		}
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		n.terms = append(n.terms, sortTerm{expr: e, descending: desc})
		if !p.isOp(",") {
			break
		}
		if err := p.advance(",", false); err != nil {
			return nil, err
		}
	}
	return n, p.advance(")", true)
}
