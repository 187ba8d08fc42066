package jsonata

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tokEnd tokKind = iota
	tokOp
	tokName     // a field name, bare or `quoted`
	tokVariable // $name; $ alone is the context, $$ the root
	tokString
	tokNumber
	tokValue // true, false, null
	tokRegex
)

// token is one lexeme. For tokOp and tokName text holds the operator or
// name; num and val hold literal values.
type token struct {
	kind tokKind
	text string
	num  float64
	val  any
	pos  int
}

// lexer splits an expression into tokens on demand: whether a '/' starts a
// regular expression depends on the parser's position (prefix).
type lexer struct {
	src string
	pos int
}

// isOpChar reports characters that end a name and form operators.
func isOpChar(c byte) bool {
	return strings.IndexByte(".[]{}(),@#;:?+-*/%|=<>^&!~", c) >= 0
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// next returns the next token; prefix says a '/' here starts a regex
// (the token is in operand position).
func (l *lexer) next(prefix bool) (token, error) {
	for {
		for l.pos < len(l.src) && isSpaceByte(l.src[l.pos]) {
			l.pos++
		}
		if strings.HasPrefix(l.src[l.pos:], "/*") {
			end := strings.Index(l.src[l.pos+2:], "*/")
			if end < 0 {
				return token{}, errAt("S0106", l.pos, nil)
			}
			l.pos += end + 4
			continue
		}
		break
	}
	if l.pos >= len(l.src) {
		return token{kind: tokEnd, pos: l.pos}, nil
	}
	start := l.pos
	c := l.src[l.pos]
	if prefix && c == '/' {
		return l.regex()
	}
	if l.pos+1 < len(l.src) {
		two := l.src[l.pos : l.pos+2]
		switch two {
		case "..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??":
			l.pos += 2
			return token{kind: tokOp, text: two, pos: start}, nil
		}
	}
	if isOpChar(c) {
		l.pos++
		return token{kind: tokOp, text: string(c), pos: start}, nil
	}
	switch {
	case c == '"' || c == '\'':
		return l.str(c)
	case c >= '0' && c <= '9':
		return l.number()
	case c == '`':
		end := strings.IndexByte(l.src[l.pos+1:], '`')
		if end < 0 {
			return token{}, errAt("S0105", l.pos, nil)
		}
		l.pos += end + 2
		return token{kind: tokName, text: l.src[start+1 : l.pos-1], pos: start}, nil
	}
	for l.pos < len(l.src) && !isSpaceByte(l.src[l.pos]) && !isOpChar(l.src[l.pos]) {
		l.pos++
	}
	word := l.src[start:l.pos]
	if word[0] == '$' {
		return token{kind: tokVariable, text: word[1:], pos: start}, nil
	}
	switch word {
	case "and", "or", "in":
		return token{kind: tokOp, text: word, pos: start}, nil
	case "true":
		return token{kind: tokValue, val: true, text: word, pos: start}, nil
	case "false":
		return token{kind: tokValue, val: false, text: word, pos: start}, nil
	case "null":
		return token{kind: tokValue, val: null{}, text: word, pos: start}, nil
	}
	return token{kind: tokName, text: word, pos: start}, nil
}

// number reads a JSON-style number (no sign: minus is an operator).
func (l *lexer) number() (token, error) {
	start := l.pos
	s := l.src
	i := l.pos
	if s[i] == '0' {
		i++
	} else {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			i = j
		}
	}
	l.pos = i
	f, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil {
		return token{}, errAt("S0102", start, map[string]any{"token": s[start:i]})
	}
	return token{kind: tokNumber, num: f, text: s[start:i], pos: start}, nil
}

// str reads a quoted string literal with JSON escapes.
func (l *lexer) str(q byte) (token, error) {
	start := l.pos
	l.pos++
	var b strings.Builder
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == q:
			l.pos++
			return token{kind: tokString, val: b.String(), pos: start}, nil
		case c == '\\':
			l.pos++
			if l.pos >= len(l.src) {
				return token{}, errAt("S0101", start, nil)
			}
			e := l.src[l.pos]
			l.pos++
			switch e {
			case '"', '\\', '/', '\'':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				if l.pos+4 > len(l.src) {
					return token{}, errAt("S0104", l.pos, nil)
				}
				r, err := strconv.ParseUint(l.src[l.pos:l.pos+4], 16, 32)
				if err != nil {
					return token{}, errAt("S0104", l.pos, nil)
				}
				l.pos += 4
				b.WriteRune(decodeSurrogate(rune(r), l))
			default:
				return token{}, errAt("S0103", l.pos, map[string]any{"token": string(e)})
			}
		default:
			_, size := utf8.DecodeRuneInString(l.src[l.pos:])
			b.WriteString(l.src[l.pos : l.pos+size])
			l.pos += size
		}
	}
	return token{}, errAt("S0101", start, nil)
}

// decodeSurrogate joins a UTF-16 surrogate pair written as two \u escapes.
func decodeSurrogate(r rune, l *lexer) rune {
	if r < 0xD800 || r > 0xDBFF || !strings.HasPrefix(l.src[l.pos:], "\\u") || l.pos+6 > len(l.src) {
		return r
	}
	lo, err := strconv.ParseUint(l.src[l.pos+2:l.pos+6], 16, 32)
	if err != nil || lo < 0xDC00 || lo > 0xDFFF {
		return r
	}
	l.pos += 6
	return (r-0xD800)<<10 + (rune(lo) - 0xDC00) + 0x10000
}

// regex reads /pattern/flags.
func (l *lexer) regex() (token, error) {
	start := l.pos
	i := l.pos + 1
	depth := 0
	for i < len(l.src) {
		c := l.src[i]
		switch {
		case c == '\\':
			i++
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		case c == '/' && depth == 0:
			pattern := l.src[start+1 : i]
			if pattern == "" {
				return token{}, errAt("S0301", start, nil)
			}
			i++
			fl := i
			for i < len(l.src) && (l.src[i] == 'i' || l.src[i] == 'm') {
				i++
			}
			l.pos = i
			re, err := compileRegex(pattern, l.src[fl:i])
			if err != nil {
				return token{}, &Error{Code: "S0302", Message: "Invalid regular expression: " + err.Error(), Position: start}
			}
			return token{kind: tokRegex, val: re, text: l.src[start:i], pos: start}, nil
		}
		i++
	}
	return token{}, errAt("S0302", start, nil)
}
