package jsonata

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Reading integers and timestamps back with a picture, as $parseInteger
// and $toMillis(timestamp, picture) do in the reference implementation:
// each picture part becomes a regular expression and a parser of what it
// matched. $parseInteger applies the parser to the whole string without
// checking it against the expression, as the reference does.

// matcher reads one part of a picture.
type matcher struct {
	regex string
	parse func(string) (float64, bool) // false: undefined
}

// integerMatcher is the matcher of an integer picture.
func integerMatcher(f *intFormat) (matcher, error) {
	upper := f.letters == caseUpper
	occurrences := "+"
	if f.n > 0 {
		if f.optional == 0 {
			occurrences = "{" + strconv.Itoa(f.n) + "}"
		} else {
			occurrences = "{" + strconv.Itoa(f.n-f.optional) + "," + strconv.Itoa(f.n) + "}"
		}
	}
	switch f.primary {
	case intLetters:
		a, re := 'a', "[a-z]+"
		if upper {
			a, re = 'A', "[A-Z]+"
		}
		return matcher{regex: re, parse: func(s string) (float64, bool) { return lettersToDecimal(s, a), true }}, nil
	case intRoman:
		re := "[mdclxvi]+"
		if upper {
			re = "[MDCLXVI]+"
		}
		return matcher{regex: re, parse: func(s string) (float64, bool) {
			if !upper {
				s = strings.ToUpper(s)
			}
			return romanToDecimal(s), true
		}}, nil
	case intWords:
		words, _ := wordValues()
		re := "(?:" + strings.Join(append(words, "and", `[\-, ]`), "|") + ")+"
		return matcher{regex: re, parse: func(s string) (float64, bool) { return wordsToNumber(strings.ToLower(s)), true }}, nil
	case intDecimal:
		re := "[0-9]" + occurrences
		if f.ordinal {
			re += "(?:th|st|nd|rd)"
		}
		return matcher{regex: re, parse: func(s string) (float64, bool) { return parseDecimal(s, f), true }}, nil
	}
	return matcher{}, errAt("D3130", 0, map[string]any{"value": f.token})
}

// parseDecimal reads digits written with a decimal digit pattern.
func parseDecimal(s string, f *intFormat) float64 {
	r := []rune(s)
	if f.ordinal {
		r = r[:max(len(r)-2, 0)]
	}
	digits := string(r)
	if f.regular {
		// The reference removes commas here, whatever the separator.
		digits = strings.ReplaceAll(digits, ",", "")
	} else {
		for _, sep := range f.seps {
			digits = strings.ReplaceAll(digits, sep.char, "")
		}
	}
	if f.zeroCode != '0' {
		digits = strings.Map(func(c rune) rune { return c - f.zeroCode + '0' }, digits)
	}
	return jsParseIntFloat(digits)
}

// jsParseIntFloat is JavaScript's parseInt(s) as a number: NaN when s
// does not start with digits (after blanks and a sign); 0x reads hex.
func jsParseIntFloat(s string) float64 {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	sign := 1.0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	base, isDigit := 10, func(c byte) bool { return c >= '0' && c <= '9' }
	if len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		base, s = 16, s[2:]
		isDigit = func(c byte) bool { return strings.IndexByte("0123456789abcdefABCDEF", c) >= 0 }
	}
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	if n == 0 {
		return math.NaN()
	}
	if base == 16 {
		v := 0.0
		for _, c := range s[:n] {
			d, _ := strconv.ParseInt(string(c), 16, 64)
			v = v*16 + float64(d)
		}
		return sign * v
	}
	v, _ := strconv.ParseFloat(s[:n], 64)
	return sign * v
}

// lettersToDecimal reads spreadsheet column letters (a = 1, aa = 27).
func lettersToDecimal(s string, a rune) float64 {
	r := []rune(s)
	v := 0.0
	for i := range r {
		v += float64(r[len(r)-1-i]-a+1) * math.Pow(26, float64(i))
	}
	return v
}

// romanToDecimal reads upper-case roman numerals; any other letter makes
// it NaN.
func romanToDecimal(s string) float64 {
	values := map[rune]float64{'M': 1000, 'D': 500, 'C': 100, 'L': 50, 'X': 10, 'V': 5, 'I': 1}
	r := []rune(s)
	total, top := 0.0, 1.0
	for i := len(r) - 1; i >= 0; i-- {
		v, ok := values[r[i]]
		if !ok {
			return math.NaN()
		}
		if v < top {
			total -= v
		} else {
			top = v
			total += v
		}
	}
	return total
}

func fnFormatInteger(_ *evaluator, args []any, _ any) (any, error) {
	v, ok := args[0].(float64)
	if !ok {
		return nil, nil
	}
	picture, _ := args[1].(string)
	f, err := analyseIntegerPicture(picture)
	if err != nil {
		return nil, err
	}
	return formatInt(math.Floor(v), f)
}

func fnParseInteger(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	picture, _ := args[1].(string)
	f, err := analyseIntegerPicture(picture)
	if err != nil {
		return nil, err
	}
	m, err := integerMatcher(f)
	if err != nil {
		return nil, err
	}
	v, _ := m.parse(s)
	return v, nil
}

// datetimeMatcher is the matcher of one part of a date/time picture.
func datetimeMatcher(p dtPart) (matcher, error) {
	switch {
	case p.isLiteral:
		return matcher{regex: regexp.QuoteMeta(p.literal)}, nil
	case p.component == "Z" || p.component == "z":
		return offsetMatcher(p), nil
	case p.intFmt != nil:
		p.intFmt.n = p.n
		return integerMatcher(p.intFmt)
	}
	lookup := map[string]float64{}
	switch p.component {
	case "M", "x":
		for i, name := range monthNames {
			if p.hasMax && p.widthMax > 0 {
				name = name[:min(p.widthMax, len(name))]
			}
			lookup[name] = float64(i + 1)
		}
	case "F":
		for i, name := range dayNames[1:] {
			if p.hasMax && p.widthMax > 0 {
				name = name[:min(p.widthMax, len(name))]
			}
			lookup[name] = float64(i + 1)
		}
	case "P":
		lookup = map[string]float64{"am": 0, "AM": 0, "pm": 1, "PM": 1}
	default:
		return matcher{}, errAt("D3133", 0, map[string]any{"value": p.component})
	}
	return matcher{regex: "[a-zA-Z]+", parse: func(s string) (float64, bool) {
		v, ok := lookup[s]
		return v, ok
	}}, nil
}

// offsetMatcher reads a time zone offset in minutes; like the reference,
// "-05:30" reads as -5 hours plus 30 minutes.
func offsetMatcher(p dtPart) matcher {
	sep := ""
	if p.intFmt.regular {
		sep = p.intFmt.sepChar
	}
	re := "[-+][0-9]+"
	if p.component == "z" {
		re = "GMT" + re
	}
	if sep != "" {
		re += sep + "[0-9]+"
	}
	return matcher{regex: re, parse: func(s string) (float64, bool) {
		if p.component == "z" {
			s = s[min(3, len(s)):]
		}
		var hours, minutes float64
		if sep != "" {
			i := strings.Index(s, sep)
			hours, minutes = jsParseIntFloat(s[:max(i, 0)]), jsParseIntFloat(s[i+len(sep):])
		} else if len(s)-1 <= 2 {
			hours = jsParseIntFloat(s)
		} else {
			hours, minutes = jsParseIntFloat(s[:3]), jsParseIntFloat(s[3:])
		}
		return hours*60 + minutes, true
	}}
}
