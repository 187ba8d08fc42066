package jsonpath

import (
	"encoding/json"
	"regexp"
	"strings"
)

// expr is a compiled filter predicate, tested against the current node (@)
// with the document root ($) at hand.
type expr interface {
	test(cur, root any) bool
}

type orExpr struct{ l, r expr }
type andExpr struct{ l, r expr }
type notExpr struct{ x expr }

// existsExpr is a bare path such as [?(@.isbn)]: true when the path matches.
type existsExpr struct{ x operand }

// cmpExpr compares two operands with one of == != < <= > >=.
type cmpExpr struct {
	op   string
	l, r operand
}

// matchExpr is "operand =~ /regex/flags".
type matchExpr struct {
	l  operand
	re *regexp.Regexp
}

func (e orExpr) test(c, r any) bool  { return e.l.test(c, r) || e.r.test(c, r) }
func (e andExpr) test(c, r any) bool { return e.l.test(c, r) && e.r.test(c, r) }
func (e notExpr) test(c, r any) bool { return !e.x.test(c, r) }

func (e existsExpr) test(c, r any) bool {
	v, ok := e.x.eval(c, r)
	if e.x.path == nil {
		b, isBool := v.(bool)
		return ok && isBool && b
	}
	return ok
}

func (e cmpExpr) test(c, r any) bool {
	lv, lok := e.l.eval(c, r)
	rv, rok := e.r.eval(c, r)
	if !lok || !rok {
		return false
	}
	return compare(e.op, lv, rv)
}

func (e matchExpr) test(c, r any) bool {
	v, ok := e.l.eval(c, r)
	s, isStr := v.(string)
	return ok && isStr && e.re.MatchString(s)
}

// operand is a literal value or a path relative to @ or to $.
type operand struct {
	lit      any
	path     []segment
	relative bool
	definite bool
}

func (o operand) eval(cur, root any) (any, bool) {
	if o.path == nil {
		return o.lit, true
	}
	start := root
	if o.relative {
		start = cur
	}
	if o.definite {
		v, failed := lookup(o.path, start)
		return v, failed < 0
	}
	p := Path{segs: o.path}
	v, _ := p.Get(start)
	if a, _ := v.([]any); len(a) == 0 {
		return nil, false
	}
	return v, true
}

// parseFilterBody parses what follows "[?": usually "(expr)".
func (p *parser) parseFilterBody() (expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxFilterDepth {
		return nil, p.errorf("filter nested too deeply")
	}
	saved := p.filter
	p.filter = true
	defer func() { p.filter = saved }()
	return p.parseOr()
}

func (p *parser) parseOr() (expr, error) {
	l, err := p.parseAnd()
	for err == nil && p.accept("||") {
		var r expr
		if r, err = p.parseAnd(); err == nil {
			l = orExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) parseAnd() (expr, error) {
	l, err := p.parseUnary()
	for err == nil && p.accept("&&") {
		var r expr
		if r, err = p.parseUnary(); err == nil {
			l = andExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) parseUnary() (expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxFilterDepth {
		return nil, p.errorf("filter nested too deeply")
	}
	p.skipSpace()
	switch {
	case p.accept("!"):
		x, err := p.parseUnary()
		return notExpr{x}, err
	case p.accept("("):
		x, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if !p.accept(")") {
			return nil, p.errorf("expected ')'")
		}
		return x, nil
	}
	l, err := p.parseOperand()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.accept("=~") {
		re, err := p.parseRegex()
		return matchExpr{l, re}, err
	}
	for _, op := range []string{"==", "!=", "<=", ">=", "<", ">"} {
		if p.accept(op) {
			r, err := p.parseOperand()
			return cmpExpr{op, l, r}, err
		}
	}
	if l.path == nil {
		if _, ok := l.lit.(bool); !ok {
			return nil, p.errorf("a filter needs a comparison or a path")
		}
	}
	return existsExpr{l}, nil
}

// accept consumes tok, after optional spaces, if it comes next.
func (p *parser) accept(tok string) bool {
	p.skipSpace()
	if strings.HasPrefix(p.src[p.pos:], tok) {
		p.pos += len(tok)
		return true
	}
	return false
}

// parseOperand reads @path, $path, a quoted string, a number, true, false or
// null.
func (p *parser) parseOperand() (operand, error) {
	p.skipSpace()
	switch c := p.peek(); {
	case c == '@' || c == '$':
		p.pos++
		segs, err := p.parseSegments()
		if err != nil {
			return operand{}, err
		}
		if segs == nil {
			segs = []segment{}
		}
		return operand{path: segs, relative: c == '@', definite: allDefinite(segs)}, nil
	case c == '\'' || c == '"':
		s, err := p.parseQuoted()
		return operand{lit: s}, err
	case c == '-' || (c >= '0' && c <= '9'):
		start := p.pos
		p.pos++
		for !p.eof() && strings.IndexByte("0123456789.eE+-", p.src[p.pos]) >= 0 {
			p.pos++
		}
		num := json.Number(p.src[start:p.pos])
		if _, err := num.Float64(); err != nil {
			return operand{}, p.errorf("bad number %q", num)
		}
		return operand{lit: num}, nil
	}
	for _, kw := range []struct {
		word string
		val  any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if p.accept(kw.word) {
			return operand{lit: kw.val}, nil
		}
	}
	return operand{}, p.errorf("expected a value in filter")
}

// parseRegex reads /pattern/ with an optional i flag.
func (p *parser) parseRegex() (*regexp.Regexp, error) {
	p.skipSpace()
	if p.peek() != '/' {
		return nil, p.errorf("expected /regex/ after =~")
	}
	p.pos++
	var b strings.Builder
	for {
		if p.eof() {
			return nil, p.errorf("unterminated regex")
		}
		c := p.src[p.pos]
		p.pos++
		if c == '/' {
			break
		}
		if c == '\\' && p.peek() == '/' {
			c = '/'
			p.pos++
		}
		b.WriteByte(c)
	}
	pattern := b.String()
	if p.peek() == 'i' {
		p.pos++
		pattern = "(?i)" + pattern
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, p.errorf("bad regex: %v", err)
	}
	return re, nil
}
