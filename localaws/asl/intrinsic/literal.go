package intrinsic

import "strings"

// parseString reads a single-quoted literal. Inside it a backslash escapes
// exactly one of ' { } \ ; any other escape is an error, as in Step
// Functions. Besides the value, it returns the literal split around every
// unescaped "{}", which States.Format uses as placeholders, so an escaped
// \{\} stays literal text.
func (p *parser) parseString() (string, []string, error) {
	p.pos++ // opening quote
	var val, piece strings.Builder
	var pieces []string
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		p.pos++
		switch c {
		case '\'':
			return val.String(), append(pieces, piece.String()), nil
		case '\\':
			e := p.peek()
			if e != '\'' && e != '{' && e != '}' && e != '\\' {
				return "", nil, p.errorf("open escape: a backslash must be followed by ', {, } or \\")
			}
			p.pos++
			val.WriteByte(e)
			piece.WriteByte(e)
		case '{':
			if p.peek() == '}' {
				p.pos++
				val.WriteString("{}")
				pieces = append(pieces, piece.String())
				piece.Reset()
				continue
			}
			val.WriteByte(c)
			piece.WriteByte(c)
		default:
			val.WriteByte(c)
			piece.WriteByte(c)
		}
	}
	return "", nil, p.errorf("unterminated string literal")
}
