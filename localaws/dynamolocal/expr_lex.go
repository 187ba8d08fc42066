package dynamolocal

import (
	"strings"
)

// tokenType classifies a token of the expression languages.
type tokenType uint8

const (
	tokEOF tokenType = iota
	tokIdent
	tokName  // #name
	tokValue // :value
	tokNumber
	tokPunct // ( ) [ ] , . = <> < <= > >= + -
	tokBad
)

type token struct {
	typ        tokenType
	text       string
	start, end int
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// lex splits an expression into tokens; a character that starts no token
// becomes a tokBad token, reported as a syntax error by the parser.
func lex(src string) []token {
	var out []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '#' || c == ':':
			j := i + 1
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			typ := tokName
			if c == ':' {
				typ = tokValue
			}
			if j == i+1 {
				typ = tokBad
			}
			out = append(out, token{typ: typ, text: src[i:j], start: i, end: j})
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			typ := tokNumber
			if j < len(src) && isWordByte(src[j]) { // an attribute name may start with a digit
				for j < len(src) && isWordByte(src[j]) {
					j++
				}
				typ = tokIdent
			}
			out = append(out, token{typ: typ, text: src[i:j], start: i, end: j})
			i = j
		case isWordByte(c):
			j := i
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			out = append(out, token{typ: tokIdent, text: src[i:j], start: i, end: j})
			i = j
		default:
			two := ""
			if i+1 < len(src) {
				two = src[i : i+2]
			}
			if two == "<>" || two == "<=" || two == ">=" {
				out = append(out, token{typ: tokPunct, text: two, start: i, end: i + 2})
				i += 2
				continue
			}
			if strings.IndexByte("()[],.=<>+-", c) >= 0 {
				out = append(out, token{typ: tokPunct, text: src[i : i+1], start: i, end: i + 1})
				i++
				continue
			}
			// One UTF-8 character, whole.
			j := i + 1
			for j < len(src) && src[j]&0xC0 == 0x80 {
				j++
			}
			out = append(out, token{typ: tokBad, text: src[i:j], start: i, end: j})
			i = j
		}
	}
	return append(out, token{typ: tokEOF, text: "<EOF>", start: len(src), end: len(src)})
}

// isKeyword reports whether tok is the (case-insensitive) keyword kw.
func (t token) isKeyword(kw string) bool {
	return t.typ == tokIdent && strings.EqualFold(t.text, kw)
}

func (t token) is(punct string) bool { return t.typ == tokPunct && t.text == punct }
