package intrinsic

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/payflow-dev/payflow/localaws/asl/jsonpath"
)

// maxNesting is how deeply intrinsic calls may nest inside one another.
const maxNesting = 10

// argKind says where an argument's value comes from.
type argKind uint8

const (
	argLiteral argKind = iota
	argInputPath
	argContextPath
	argVariablePath // $name...: a workflow variable, then a path into it
	argCall
)

// arg is one compiled argument of a call.
type arg struct {
	kind argKind
	lit  any            // argLiteral: string, json.Number, bool or nil
	tmpl []string       // string literal split around unescaped "{}", for States.Format
	path *jsonpath.Path // argInputPath, argContextPath, argVariablePath
	name string         // argVariablePath
	call *call          // argCall
}

// call is one compiled intrinsic invocation.
type call struct {
	name string
	fn   *function
	args []arg
}

// parser reads an invocation; it reports errors and never panics.
type parser struct {
	src string
	pos int
}

func (p *parser) errorf(format string, a ...any) error {
	return fmt.Errorf("invalid intrinsic function %q at offset %d: %s", p.src, p.pos, fmt.Sprintf(format, a...))
}

func (p *parser) peek() byte {
	if p.pos >= len(p.src) {
		return 0
	}
	return p.src[p.pos]
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n' || p.src[p.pos] == '\r') {
		p.pos++
	}
}

// parseCall reads "States.Name(arg, ...)".
func (p *parser) parseCall(depth int) (*call, error) {
	if depth > maxNesting {
		return nil, p.errorf("more than %d nested intrinsic functions", maxNesting)
	}
	start := p.pos
	for p.pos < len(p.src) && (isIdent(p.src[p.pos]) || p.src[p.pos] == '.') {
		p.pos++
	}
	name := p.src[start:p.pos]
	fn := lookup(name)
	if fn == nil {
		p.pos = start
		return nil, p.errorf("unknown function %q", name)
	}
	if p.peek() != '(' {
		return nil, p.errorf("expected '(' after %s", name)
	}
	p.pos++
	c := &call{name: name, fn: fn}
	p.skipSpace()
	if p.peek() == ')' {
		p.pos++
	} else {
		for {
			a, err := p.parseArg(depth)
			if err != nil {
				return nil, err
			}
			c.args = append(c.args, a)
			p.skipSpace()
			if p.peek() == ',' {
				p.pos++
				continue
			}
			if p.peek() == ')' {
				p.pos++
				break
			}
			return nil, p.errorf("expected ',' or ')'")
		}
	}
	if err := fn.checkArity(len(c.args)); err != nil {
		return nil, p.errorf("%s %v", name, err)
	}
	if fn.check != nil {
		if err := fn.check(c.args); err != nil {
			return nil, p.errorf("%s: %v", name, err)
		}
	}
	return c, nil
}

func isIdent(b byte) bool {
	return b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
}

// parseArg reads one argument: a literal, a path or a nested call.
func (p *parser) parseArg(depth int) (arg, error) {
	p.skipSpace()
	switch c := p.peek(); {
	case c == '\'':
		s, tmpl, err := p.parseString()
		return arg{kind: argLiteral, lit: s, tmpl: tmpl}, err
	case c == '$':
		return p.parsePath()
	case c == '-' || (c >= '0' && c <= '9'):
		start := p.pos
		p.pos++
		for p.pos < len(p.src) && strings.IndexByte("0123456789.eE+-", p.src[p.pos]) >= 0 {
			p.pos++
		}
		n := json.Number(p.src[start:p.pos])
		if !validNumber(string(n)) {
			return arg{}, p.errorf("bad number %q", n)
		}
		return arg{kind: argLiteral, lit: n}, nil
	case strings.HasPrefix(p.src[p.pos:], "States."):
		c, err := p.parseCall(depth + 1)
		return arg{kind: argCall, call: c}, err
	}
	for _, kw := range []struct {
		word string
		val  any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if strings.HasPrefix(p.src[p.pos:], kw.word) && !isIdent(p.peekAt(len(kw.word))) {
			p.pos += len(kw.word)
			return arg{kind: argLiteral, lit: kw.val}, nil
		}
	}
	return arg{}, p.errorf("expected an argument")
}

func (p *parser) peekAt(off int) byte {
	if p.pos+off >= len(p.src) {
		return 0
	}
	return p.src[p.pos+off]
}

// validNumber reports whether s, made only of number characters, is a
// JSON number.
func validNumber(s string) bool { return json.Valid([]byte(s)) }

// parsePath reads a JSONPath argument up to the ',' or ')' that ends it,
// skipping over brackets, parentheses and quoted names inside it.
func (p *parser) parsePath() (arg, error) {
	start := p.pos
	depth := 0
	var quote byte
scan:
	for ; p.pos < len(p.src); p.pos++ {
		c := p.src[p.pos]
		switch {
		case quote != 0:
			if c == '\\' {
				p.pos++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			if depth == 0 {
				break scan
			}
			depth--
		case c == ',' && depth == 0:
			break scan
		}
	}
	if p.pos > len(p.src) {
		p.pos = len(p.src)
	}
	src := strings.TrimRight(p.src[start:p.pos], " \t\r\n")
	kind := argInputPath
	name := ""
	if strings.HasPrefix(src, "$$") {
		kind = argContextPath
	} else if n := variableName(src); n != "" {
		kind, name, src = argVariablePath, n, "$"+src[1+len(n):]
	}
	jp, err := jsonpath.Compile(src)
	if err != nil {
		return arg{}, p.errorf("%v", err)
	}
	return arg{kind: kind, path: jp, name: name}, nil
}

// variableName is the variable a "$name..." path starts with, "" for a
// path into the input.
func variableName(src string) string {
	i := 1
	for i < len(src) && isIdent(src[i]) {
		i++
	}
	if i == 1 || src[1] >= '0' && src[1] <= '9' {
		return ""
	}
	return src[1:i]
}
