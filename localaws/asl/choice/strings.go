package choice

import (
	"strings"
	"time"
	"unicode/utf8"
)

// compareStrings orders strings as Java's String.compareTo does, by UTF-16
// code units, which is how Step Functions compares them. It differs from
// Go's byte order only between characters above U+FFFF and those in
// U+E000..U+FFFF.
func compareStrings(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return compareUnits(ra, rb)
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

func compareUnits(a, b rune) int {
	const supplementary = 0x10000
	if (a >= supplementary) != (b >= supplementary) {
		// Only one is encoded as a surrogate pair: compare its high
		// surrogate with the other character.
		if a >= supplementary {
			a = 0xD800 + (a-supplementary)>>10
		} else {
			b = 0xD800 + (b-supplementary)>>10
		}
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// parseTimestamp reads an RFC 3339 timestamp with the restrictions Step
// Functions adds: an uppercase T between date and time and an uppercase Z
// for UTC.
func parseTimestamp(s string) (time.Time, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") || s[10] != 'T' || strings.HasSuffix(s, "z") {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

// pattern is a compiled StringMatches operand: the literal text between its
// unescaped '*' wildcards.
type pattern struct {
	parts []string // len(parts) = number of wildcards + 1
}

// compilePattern splits s at each '*'; "\*" stands for a literal asterisk
// and "\\" for a literal backslash. Any other backslash is kept as is.
func compilePattern(s string) *pattern {
	var parts []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && (s[i+1] == '*' || s[i+1] == '\\'):
			i++
			b.WriteByte(s[i])
		case c == '*':
			parts = append(parts, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return &pattern{parts: append(parts, b.String())}
}

// match reports whether s matches: the first part is a prefix, the last a
// suffix, and the others appear in order in between. Taking the leftmost
// occurrence of each middle part is always safe, so no backtracking is
// needed.
func (p *pattern) match(s string) bool {
	first, last := p.parts[0], p.parts[len(p.parts)-1]
	if len(p.parts) == 1 {
		return s == first
	}
	if len(s) < len(first)+len(last) || !strings.HasPrefix(s, first) || !strings.HasSuffix(s, last) {
		return false
	}
	s = s[len(first) : len(s)-len(last)]
	for _, part := range p.parts[1 : len(p.parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return true
}
