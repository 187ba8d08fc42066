package jsonata

// parser is a Pratt (top-down operator precedence) parser over the lexer,
// with the reference implementation's binding powers.
type parser struct {
	lx    lexer
	tok   token
	depth int
}

// maxParseDepth bounds nesting so a hostile expression cannot exhaust the
// stack.
const maxParseDepth = 500

// lbp is the left binding power of the current token.
func lbp(t token) int {
	if t.kind != tokOp {
		return 0
	}
	switch t.text {
	case ".":
		return 75
	case "[", "(", "@", "#":
		return 80
	case "{":
		return 70
	case "*", "/", "%", "**":
		return 60
	case "+", "-", "&":
		return 50
	case "=", "!=", "<", "<=", ">", ">=", "^", "~>", "?:", "??", "in":
		return 40
	case "and":
		return 30
	case "or":
		return 25
	case "?":
		return 20
	case ":=":
		return 10
	}
	return 0
}

// advance checks that the current token is the operator want (unless
// want is empty) and reads the next one. afterOperand says the next token
// follows an operand, where '/' divides rather than starts a regex.
func (p *parser) advance(want string, afterOperand bool) error {
	if want != "" && (p.tok.kind != tokOp || p.tok.text != want) {
		if p.tok.kind == tokEnd {
			return errAt("S0203", p.tok.pos, map[string]any{"value": want})
		}
		return errAt("S0202", p.tok.pos, map[string]any{"value": want, "token": tokenValue(p.tok)})
	}
	t, err := p.lx.next(!afterOperand)
	if err != nil {
		return err
	}
	if t.kind == tokOp && (t.text == "!" || t.text == "~") {
		// Lexed as operator characters, but no operator on their own.
		return errAt("S0204", t.pos, map[string]any{"token": t.text})
	}
	p.tok = t
	return nil
}

// tokenValue is a token as the reference implementation shows it in
// messages: numbers as numbers, anything else as text.
func tokenValue(t token) any {
	if t.kind == tokNumber {
		return t.num
	}
	return tokenText(t)
}

func tokenText(t token) string {
	switch t.kind {
	case tokString:
		return t.val.(string)
	case tokEnd:
		return "(end)"
	}
	return t.text
}

func (p *parser) isOp(op string) bool { return p.tok.kind == tokOp && p.tok.text == op }

// expression parses an expression whose operators bind tighter than rbp.
func (p *parser) expression(rbp int) (*node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxParseDepth {
		return nil, &Error{Code: "S0201", Message: "Syntax error: the expression is nested too deeply", Position: p.tok.pos}
	}
	t := p.tok
	if err := p.advance("", true); err != nil {
		return nil, err
	}
	left, err := p.nud(t)
	if err != nil {
		return nil, err
	}
	for rbp < lbp(p.tok) {
		t = p.tok
		if err := p.advance("", false); err != nil {
			return nil, err
		}
		if left, err = p.led(t, left); err != nil {
			return nil, err
		}
	}
	return left, nil
}

// nud parses a token in prefix position.
func (p *parser) nud(t token) (*node, error) {
	switch t.kind {
	case tokName:
		return &node{kind: kName, op: t.text, pos: t.pos}, nil
	case tokVariable:
		return &node{kind: kVariable, op: t.text, pos: t.pos}, nil
	case tokString:
		return &node{kind: kString, value: t.val, pos: t.pos}, nil
	case tokNumber:
		return &node{kind: kNumber, value: t.num, pos: t.pos}, nil
	case tokValue:
		return &node{kind: kValue, value: t.val, pos: t.pos}, nil
	case tokRegex:
		return &node{kind: kRegex, value: t.val, pos: t.pos}, nil
	case tokEnd:
		return nil, &Error{Code: "S0207", Message: "Unexpected end of expression", Position: t.pos}
	}
	switch t.text {
	case "and", "or", "in":
		return &node{kind: kName, op: t.text, pos: t.pos}, nil
	case "-":
		x, err := p.expression(70)
		if err != nil {
			return nil, err
		}
		if x.kind == kNumber {
			x.value = -x.value.(float64)
			return x, nil
		}
		return &node{kind: kNegate, lhs: x, pos: t.pos}, nil
	case "*":
		return &node{kind: kWildcard, pos: t.pos}, nil
	case "**":
		return &node{kind: kDescendant, pos: t.pos}, nil
	case "?":
		return &node{kind: kPlaceholder, pos: t.pos}, nil
	case "[":
		return p.arrayConstructor(t)
	case "{":
		pairs, err := p.pairs()
		if err != nil {
			return nil, err
		}
		return &node{kind: kObject, pairs: pairs, pos: t.pos}, nil
	case "(":
		return p.block(t)
	case "%":
		return &node{kind: kParent, pos: t.pos}, nil
	case "|":
		return p.transform(t)
	}
	return nil, errAt("S0211", t.pos, map[string]any{"token": t.text})
}

// arrayConstructor parses [a, b, c..d].
func (p *parser) arrayConstructor(t token) (*node, error) {
	n := &node{kind: kArray, pos: t.pos}
	if !p.isOp("]") {
		for {
			item, err := p.expression(0)
			if err != nil {
				return nil, err
			}
			if p.isOp("..") {
				pos := p.tok.pos
				if err := p.advance("..", false); err != nil {
					return nil, err
				}
				rhs, err := p.expression(0)
				if err != nil {
					return nil, err
				}
				item = &node{kind: kBinary, op: "..", lhs: item, rhs: rhs, pos: pos}
			}
			n.items = append(n.items, item)
			if !p.isOp(",") {
				break
			}
			if err := p.advance(",", false); err != nil {
				return nil, err
			}
		}
	}
	return n, p.advance("]", true)
}

// pairs parses the key: value pairs of an object constructor up to '}'.
func (p *parser) pairs() ([][2]*node, error) {
	var out [][2]*node
	if !p.isOp("}") {
		for {
			k, err := p.expression(0)
			if err != nil {
				return nil, err
			}
			if err := p.advance(":", false); err != nil {
				return nil, err
			}
			v, err := p.expression(0)
			if err != nil {
				return nil, err
			}
			out = append(out, [2]*node{k, v})
			if !p.isOp(",") {
				break
			}
			if err := p.advance(",", false); err != nil {
				return nil, err
			}
		}
	}
	return out, p.advance("}", true)
}

// block parses ( a; b; c ).
func (p *parser) block(t token) (*node, error) {
	n := &node{kind: kBlock, pos: t.pos}
	for !p.isOp(")") {
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, e)
		if !p.isOp(";") {
			break
		}
		if err := p.advance(";", false); err != nil {
			return nil, err
		}
	}
	return n, p.advance(")", true)
}

// transform parses | pattern | update [, delete] |, whose value is a
// function that copies its argument and changes the copy.
func (p *parser) transform(t token) (*node, error) {
	n := &node{kind: kTransform, pos: t.pos}
	var err error
	if n.lhs, err = p.expression(0); err != nil {
		return nil, err
	}
	if err := p.advance("|", false); err != nil {
		return nil, err
	}
	if n.rhs, err = p.expression(0); err != nil {
		return nil, err
	}
	if p.isOp(",") {
		if err := p.advance(",", false); err != nil {
			return nil, err
		}
		if n.els, err = p.expression(0); err != nil {
			return nil, err
		}
	}
	// A '/' after the closing bar starts a regular expression, as in the
	// reference implementation.
	return n, p.advance("|", false)
}
