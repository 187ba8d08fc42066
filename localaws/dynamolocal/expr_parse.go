package dynamolocal

import (
	"strconv"
	"strings"
)

// maxExpressionBytes is DynamoDB's limit on one expression's length.
const maxExpressionBytes = 4096

// parser reads one expression of one kind ("ConditionExpression",
// "UpdateExpression", ...) against a request's names and values.
type parser struct {
	ctx  *exprContext
	kind string
	src  string
	toks []token
	pos  int
}

func newParser(ctx *exprContext, kind, src string) (*parser, error) {
	if strings.TrimSpace(src) == "" {
		return nil, validation("Invalid %s: The expression can not be empty;", kind)
	}
	if len(src) > maxExpressionBytes {
		return nil, validation("Invalid %s: Expression size has exceeded the maximum allowed size; expression size: %d", kind, len(src))
	}
	return &parser{ctx: ctx, kind: kind, src: src, toks: lex(src)}, nil
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) peekAt(n int) token {
	if p.pos+n < len(p.toks) {
		return p.toks[p.pos+n]
	}
	return p.toks[len(p.toks)-1]
}
func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.typ != tokEOF {
		p.pos++
	}
	return t
}

func (p *parser) fail(format string, args ...any) *Error {
	return validation("Invalid "+p.kind+": "+format, args...)
}

// syntaxError reports the current token with the source around it, from
// the previous token to the next, as DynamoDB does.
func (p *parser) syntaxError() *Error {
	t := p.peek()
	from := p.pos
	if from > 0 {
		from--
	}
	to := p.pos
	if t.typ != tokEOF && p.pos+1 < len(p.toks) && p.toks[p.pos+1].typ != tokEOF {
		to++
	}
	near := p.src[p.toks[from].start:p.toks[to].end]
	return p.fail("Syntax error; token: %q, near: %q", t.text, near)
}

func (p *parser) expect(punct string) error {
	if !p.peek().is(punct) {
		return p.syntaxError()
	}
	p.next()
	return nil
}

func (p *parser) atEnd() error {
	if p.peek().typ != tokEOF {
		return p.syntaxError()
	}
	return nil
}

// isClauseKeyword reports whether t starts an update expression clause.
func isClauseKeyword(t token) bool {
	return t.isKeyword("SET") || t.isKeyword("REMOVE") || t.isKeyword("ADD") || t.isKeyword("DELETE")
}

// parsePath reads a document path: a name or #name, then .name, .#name and
// [n] steps.
func (p *parser) parsePath() (docPath, error) {
	first, err := p.pathName()
	if err != nil {
		return nil, err
	}
	path := docPath{{name: first}}
	for {
		switch {
		case p.peek().is("."):
			p.next()
			name, err := p.pathName()
			if err != nil {
				return nil, err
			}
			path = append(path, pathElem{name: name})
		case p.peek().is("["):
			p.next()
			t := p.peek()
			if t.typ != tokNumber {
				return nil, p.syntaxError()
			}
			p.next()
			n, err := strconv.Atoi(t.text)
			if err != nil || n > 1<<24 {
				return nil, p.fail("List index is not within the allowable range; index: %s", t.text)
			}
			if err := p.expect("]"); err != nil {
				return nil, err
			}
			path = append(path, pathElem{index: n, isIndex: true})
		default:
			if len(path) > 32 {
				return nil, p.fail("The document path has too many nesting levels; nesting levels: %d", len(path))
			}
			return path, nil
		}
	}
}

func (p *parser) pathName() (string, error) {
	t := p.peek()
	switch t.typ {
	case tokName:
		p.next()
		name, ok := p.ctx.names[t.text]
		if !ok {
			return "", p.fail("An expression attribute name used in the document path is not defined; attribute name: %s", t.text)
		}
		p.ctx.usedNames[t.text] = true
		return name, nil
	case tokIdent:
		if t.text[0] >= '0' && t.text[0] <= '9' {
			return "", p.syntaxError()
		}
		if p.ctx.reserved[strings.ToUpper(t.text)] {
			return "", p.fail("Attribute name is a reserved keyword; reserved keyword: %s", t.text)
		}
		p.next()
		return t.text, nil
	}
	return "", p.syntaxError()
}

func (p *parser) parseValueRef() (operand, error) {
	t := p.next()
	v, ok := p.ctx.values[t.text]
	if !ok {
		return nil, p.fail("An expression attribute value used in expression is not defined; attribute value: %s", t.text)
	}
	p.ctx.usedValues[t.text] = true
	return valueOperand{ref: t.text, v: v}, nil
}

// parseOperand reads a path, a :value or size(path) in a condition.
func (p *parser) parseOperand() (operand, error) {
	t := p.peek()
	switch {
	case t.typ == tokValue:
		return p.parseValueRef()
	case t.typ == tokIdent && p.peekAt(1).is("("):
		if t.text != "size" {
			if isConditionFunction(t.text) {
				return nil, p.syntaxError()
			}
			return nil, p.fail("Invalid function name; function: %s", t.text)
		}
		p.next()
		p.next()
		path, err := p.parsePath()
		if err != nil {
			return nil, err
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		return sizeOperand{path: path}, nil
	case t.typ == tokName || t.typ == tokIdent:
		path, err := p.parsePath()
		if err != nil {
			return nil, err
		}
		return pathOperand{path: path}, nil
	}
	return nil, p.syntaxError()
}

func isConditionFunction(name string) bool {
	switch name {
	case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains":
		return true
	}
	return false
}
