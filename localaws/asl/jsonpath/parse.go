package jsonpath

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// parser reads a path, or in filter mode the paths and literals of a filter
// expression, from src. It reports errors and never panics.
type parser struct {
	src    string
	pos    int
	filter bool // inside [?( ... )]: names also end at operators
	depth  int  // filter nesting, bounded to keep recursion finite
}

const maxFilterDepth = 64

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("at offset %d: %s", p.pos, fmt.Sprintf(format, args...))
}

func (p *parser) eof() bool { return p.pos >= len(p.src) }

func (p *parser) peek() byte {
	if p.eof() {
		return 0
	}
	return p.src[p.pos]
}

func (p *parser) skipSpace() {
	for !p.eof() && isSpace(p.src[p.pos]) {
		p.pos++
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// parseRoot parses a whole top-level path, "$" or "$$" followed by segments.
func (p *parser) parseRoot() ([]segment, error) {
	if !strings.HasPrefix(p.src, "$") {
		return nil, errors.New("a path must start with '$'")
	}
	p.pos = 1
	if p.peek() == '$' {
		p.pos++
	}
	segs, err := p.parseSegments()
	if err != nil {
		return nil, err
	}
	if !p.eof() {
		return nil, p.errorf("unexpected %q", p.src[p.pos:])
	}
	return segs, nil
}

// parseSegments reads segments until the input ends or, in filter mode,
// until something that cannot continue a path.
func (p *parser) parseSegments() ([]segment, error) {
	var segs []segment
	if !p.filter {
		// Every segment starts with '.' or '[', so this is enough room.
		segs = make([]segment, 0, strings.Count(p.src, ".")+strings.Count(p.src, "["))
	}
	for !p.eof() {
		var seg segment
		switch p.peek() {
		case '.':
			p.pos++
			if p.peek() == '.' {
				p.pos++
				seg.descendant = true
				if p.peek() == '[' {
					if err := p.parseBracket(&seg); err != nil {
						return nil, err
					}
					break
				}
			}
			if err := p.parseDotted(&seg); err != nil {
				return nil, err
			}
		case '[':
			if err := p.parseBracket(&seg); err != nil {
				return nil, err
			}
		default:
			if p.filter {
				return segs, nil
			}
			return nil, p.errorf("unexpected %q", p.src[p.pos:])
		}
		segs = append(segs, seg)
	}
	return segs, nil
}

// parseDotted reads the name or '*' after a dot.
func (p *parser) parseDotted(seg *segment) error {
	if p.peek() == '*' {
		p.pos++
		seg.kind = segWildcard
		return nil
	}
	start := p.pos
	for !p.eof() && !p.endsName(p.src[p.pos]) {
		p.pos++
	}
	if p.pos == start {
		return p.errorf("missing member name")
	}
	seg.kind = segName
	seg.names = []string{p.src[start:p.pos]}
	return nil
}

func (p *parser) endsName(c byte) bool {
	switch c {
	case '.', '[', ']', '(', ')', '\'', '"', ' ', '\t', '\n', '\r':
		return true
	case '=', '!', '<', '>', '&', '|', ',':
		return p.filter
	}
	return false
}

// parseBracket reads "[...]": a wildcard, quoted names, indexes, a slice or
// a filter.
func (p *parser) parseBracket(seg *segment) error {
	p.pos++ // '['
	p.skipSpace()
	switch c := p.peek(); {
	case c == '*':
		p.pos++
		seg.kind = segWildcard
	case c == '\'' || c == '"':
		seg.kind = segName
		for {
			name, err := p.parseQuoted()
			if err != nil {
				return err
			}
			seg.names = append(seg.names, name)
			p.skipSpace()
			if p.peek() != ',' {
				break
			}
			p.pos++
			p.skipSpace()
			if c := p.peek(); c != '\'' && c != '"' {
				return p.errorf("expected a quoted name after ','")
			}
		}
	case c == '?':
		p.pos++
		seg.kind = segFilter
		f, err := p.parseFilterBody()
		if err != nil {
			return err
		}
		seg.filter = f
	default:
		if err := p.parseNumeric(seg); err != nil {
			return err
		}
	}
	p.skipSpace()
	if p.peek() != ']' {
		return p.errorf("expected ']'")
	}
	p.pos++
	return nil
}

// parseNumeric reads an index, a union of indexes or a slice.
func (p *parser) parseNumeric(seg *segment) error {
	first, hasFirst, err := p.parseOptInt()
	if err != nil {
		return err
	}
	p.skipSpace()
	if p.peek() == ':' {
		seg.kind = segSlice
		seg.slice.start, seg.slice.hasStart = first, hasFirst
		p.pos++
		if seg.slice.end, seg.slice.hasEnd, err = p.parseOptInt(); err != nil {
			return err
		}
		p.skipSpace()
		if p.peek() == ':' {
			p.pos++
			if seg.slice.step, _, err = p.parseOptInt(); err != nil {
				return err
			}
		}
		return nil
	}
	if !hasFirst {
		return p.errorf("expected an index, a quoted name, '*' or '?'")
	}
	seg.kind = segIndex
	seg.indexes = []int{first}
	for p.peek() == ',' {
		p.pos++
		i, ok, err := p.parseOptInt()
		if err != nil {
			return err
		}
		if !ok {
			return p.errorf("expected an index after ','")
		}
		seg.indexes = append(seg.indexes, i)
		p.skipSpace()
	}
	return nil
}

// parseOptInt reads an optional signed integer, skipping spaces before it.
func (p *parser) parseOptInt() (int, bool, error) {
	p.skipSpace()
	start := p.pos
	if c := p.peek(); c == '-' || c == '+' {
		p.pos++
	}
	for !p.eof() && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == start {
		return 0, false, nil
	}
	n, err := strconv.Atoi(p.src[start:p.pos])
	if err != nil {
		return 0, false, p.errorf("bad integer %q", p.src[start:p.pos])
	}
	return n, true, nil
}

// parseQuoted reads a single- or double-quoted string; a backslash escapes
// the next character, with \n, \t, \r and \uXXXX meaning what they do in JSON.
// An escaped quote of the other kind, which needed no escape, keeps its
// backslash: Step Functions finds $['a\"b'] under the key a\"b (recorded on
// AWS, issue 13).
func (p *parser) parseQuoted() (string, error) {
	q := p.src[p.pos]
	p.pos++
	var b strings.Builder
	for !p.eof() {
		c := p.src[p.pos]
		p.pos++
		switch c {
		case q:
			return b.String(), nil
		case '\\':
			if p.eof() {
				return "", p.errorf("unterminated escape")
			}
			e := p.src[p.pos]
			p.pos++
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '"', '\'':
				if e != q {
					b.WriteByte('\\')
				}
				b.WriteByte(e)
			case 'u':
				if p.pos+4 > len(p.src) {
					return "", p.errorf("short \\u escape")
				}
				r, err := strconv.ParseUint(p.src[p.pos:p.pos+4], 16, 32)
				if err != nil {
					return "", p.errorf("bad \\u escape")
				}
				b.WriteRune(rune(r))
				p.pos += 4
			default:
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", p.errorf("unterminated string")
}
