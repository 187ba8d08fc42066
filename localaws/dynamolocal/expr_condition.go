package dynamolocal

// parseCondition reads a whole condition expression.
func (p *parser) parseCondition() (condition, error) {
	c, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	return c, p.atEnd()
}

func (p *parser) parseOr() (condition, error) {
	return p.parseChain("OR", p.parseAnd, func(l, r condition) condition { return orCond{l, r} })
}

func (p *parser) parseAnd() (condition, error) {
	return p.parseChain("AND", p.parseNot, func(l, r condition) condition { return andCond{l, r} })
}

// parseChain reads operands joined by keyword, grouping from the left, as
// OR and AND both do.
func (p *parser) parseChain(keyword string, operand func() (condition, error), join func(l, r condition) condition) (condition, error) {
	l, err := operand()
	if err != nil {
		return nil, err
	}
	for p.peek().isKeyword(keyword) {
		p.next()
		r, err := operand()
		if err != nil {
			return nil, err
		}
		l = join(l, r)
	}
	return l, nil
}

func (p *parser) parseNot() (condition, error) {
	if p.peek().isKeyword("NOT") {
		p.next()
		c, err := p.parseNot()
		if err != nil {
			return nil, err
		}
		return notCond{c}, nil
	}
	return p.parsePrimary()
}

func (p *parser) parsePrimary() (condition, error) {
	t := p.peek()
	if t.is("(") {
		p.next()
		c, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		return c, p.expect(")")
	}
	if t.typ == tokIdent && p.peekAt(1).is("(") && isConditionFunction(t.text) {
		return p.parseFunction()
	}
	l, err := p.parseOperand()
	if err != nil {
		return nil, err
	}
	t = p.peek()
	switch {
	case t.typ == tokPunct && (t.text == "=" || t.text == "<>" || t.text == "<" || t.text == "<=" || t.text == ">" || t.text == ">="):
		p.next()
		r, err := p.parseOperand()
		if err != nil {
			return nil, err
		}
		return compareCond{op: t.text, l: l, r: r}, nil
	case t.isKeyword("BETWEEN"):
		p.next()
		lo, err := p.parseOperand()
		if err != nil {
			return nil, err
		}
		if !p.peek().isKeyword("AND") {
			return nil, p.syntaxError()
		}
		p.next()
		hi, err := p.parseOperand()
		if err != nil {
			return nil, err
		}
		return betweenCond{v: l, lo: lo, hi: hi}, checkBounds(p, lo, hi)
	case t.isKeyword("IN"):
		p.next()
		if err := p.expect("("); err != nil {
			return nil, err
		}
		var list []operand
		for {
			o, err := p.parseOperand()
			if err != nil {
				return nil, err
			}
			list = append(list, o)
			if p.peek().is(",") {
				p.next()
				continue
			}
			break
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		if len(list) > 100 {
			return nil, p.fail("The IN operator is provided with too many operands; number of operands: %d", len(list))
		}
		return inCond{v: l, list: list}, nil
	}
	return nil, p.syntaxError()
}

// checkBounds refuses BETWEEN with literal bounds in the wrong order.
func checkBounds(p *parser, lo, hi operand) error {
	l, ok1 := lo.(valueOperand)
	h, ok2 := hi.(valueOperand)
	if !ok1 || !ok2 || l.v.kind != h.v.kind || !isScalarKey(l.v.kind) {
		return nil
	}
	if compareScalar(l.v, h.v) > 0 {
		return p.fail("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {%s:%s}, upper bound operand: AttributeValue: {%s:%s}",
			l.v.kind, l.v.str, h.v.kind, h.v.str)
	}
	return nil
}

func isScalarKey(k kind) bool { return k == kindS || k == kindN || k == kindB }

func (p *parser) parseFunction() (condition, error) {
	name := p.next().text
	p.next() // (
	var args []operand
	for {
		o, err := p.parseOperand()
		if err != nil {
			return nil, err
		}
		args = append(args, o)
		if p.peek().is(",") {
			p.next()
			continue
		}
		break
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	want := 2
	if name == "attribute_exists" || name == "attribute_not_exists" {
		want = 1
	}
	if len(args) != want {
		return nil, p.fail("Incorrect number of operands for operator or function; operator or function: %s, number of operands: %d", name, len(args))
	}
	if _, ok := args[0].(pathOperand); !ok {
		return nil, p.fail("Operator or function requires a document path; operator or function: %s", name)
	}
	if name == "attribute_type" {
		if err := checkTypeName(p, args[1]); err != nil {
			return nil, err
		}
	}
	if name == "begins_with" {
		if v, ok := args[1].(valueOperand); ok && v.v.kind != kindS && v.v.kind != kindB {
			return nil, p.fail("Incorrect operand type for operator or function; operator or function: begins_with, operand type: %s", v.v.kind)
		}
	}
	return funcCond{name: name, args: args}, nil
}

func checkTypeName(p *parser, o operand) error {
	v, ok := o.(valueOperand)
	if !ok {
		return nil
	}
	if v.v.kind != kindS {
		return p.fail("Incorrect operand type for operator or function; operator or function: attribute_type, operand type: %s", v.v.kind)
	}
	if _, ok := kindOf(v.v.str); !ok {
		return p.fail("Invalid attribute type name found; type: %s, valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }", v.v.str)
	}
	return nil
}

// parseProjection reads a comma-separated list of document paths.
func (p *parser) parseProjection() ([]docPath, error) {
	var out []docPath
	for {
		path, err := p.parsePath()
		if err != nil {
			return nil, err
		}
		out = append(out, path)
		if p.peek().is(",") {
			p.next()
			continue
		}
		break
	}
	if err := p.atEnd(); err != nil {
		return nil, err
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[i].overlaps(out[j]) {
				return nil, p.fail("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: %s, path two: %s", out[i], out[j])
			}
		}
	}
	return out, nil
}
