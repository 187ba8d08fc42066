package jsonata

import (
	"math"
	"strings"
)

// Integer pictures are XPath's fn:format-integer pictures as the
// reference implementation reads them, for $formatInteger and
// $parseInteger and for the integer components of date/time pictures:
// decimal digit patterns ("0001", "#,##0", "٠٠"), letters (a, A), roman
// numerals (i, I), words (w, W, Ww) and, after a semicolon, an ordinal
// modifier (o).

// intPrimary is the kind of an integer picture.
type intPrimary uint8

const (
	intDecimal intPrimary = iota
	intLetters
	intRoman
	intWords
	intSequence // any other token: not supported, as in the reference
)

// letterCase is the case a picture asks for.
type letterCase uint8

const (
	caseLower letterCase = iota
	caseUpper
	caseTitle
)

// groupSep is a grouping separator counted in digits from the right.
type groupSep struct {
	position int
	char     string
}

// intFormat is an analysed integer picture.
type intFormat struct {
	primary   intPrimary
	letters   letterCase
	ordinal   bool
	token     string // the unsupported sequence token
	zeroCode  rune   // the zero of the picture's decimal digit family
	mandatory int
	optional  int
	// regular separators repeat every `every` digits; otherwise seps
	// lists them as written.
	regular bool
	every   int
	sepChar string
	seps    []groupSep
	// n is the number of digits a date/time component reads, or <= 0
	// for any number.
	n int
}

// decimalZeros are the zeros of the Unicode decimal digit families the
// reference implementation recognises in a picture.
var decimalZeros = [...]rune{0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
	0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
	0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10}

// analyseIntegerPicture reads an integer picture.
func analyseIntegerPicture(picture string) (*intFormat, error) {
	f := &intFormat{}
	primary := picture
	if i := strings.LastIndex(picture, ";"); i >= 0 {
		primary = picture[:i]
		f.ordinal = strings.HasPrefix(picture[i+1:], "o")
	}
	switch primary {
	case "A", "a":
		f.primary = intLetters
		if primary == "A" {
			f.letters = caseUpper
		}
		return f, nil
	case "I", "i":
		f.primary = intRoman
		if primary == "I" {
			f.letters = caseUpper
		}
		return f, nil
	case "W", "Ww", "w":
		f.primary = intWords
		f.letters = map[string]letterCase{"W": caseUpper, "Ww": caseTitle, "w": caseLower}[primary]
		return f, nil
	}
	runes := []rune(primary)
	pos := 0
	for i := len(runes) - 1; i >= 0; i-- {
		c := runes[i]
		zero := rune(-1)
		for _, z := range decimalZeros {
			if c >= z && c <= z+9 {
				zero = z
				break
			}
		}
		switch {
		case zero >= 0:
			f.mandatory++
			pos++
			if f.zeroCode == 0 {
				f.zeroCode = zero
			} else if zero != f.zeroCode {
				return nil, errAt("D3131", 0, nil)
			}
		case c == '#':
			pos++
			f.optional++
		default:
			f.seps = append(f.seps, groupSep{position: pos, char: string(c)})
		}
	}
	if f.mandatory == 0 {
		f.primary, f.token = intSequence, primary
		return f, nil
	}
	if every := regularEvery(f.seps); every > 0 {
		f.regular, f.every, f.sepChar = true, every, f.seps[0].char
	}
	return f, nil
}

// regularEvery is the interval of separators that are all the same
// character at every multiple of one interval, or 0.
func regularEvery(seps []groupSep) int {
	if len(seps) == 0 {
		return 0
	}
	for _, s := range seps[1:] {
		if s.char != seps[0].char {
			return 0
		}
	}
	gcd := func(a, b int) int {
		for b != 0 {
			a, b = b, a%b
		}
		return a
	}
	factor := seps[0].position
	for _, s := range seps[1:] {
		factor = gcd(factor, s.position)
	}
	for i := 1; i <= len(seps); i++ {
		found := false
		for _, s := range seps {
			if s.position == i*factor {
				found = true
				break
			}
		}
		if !found {
			return 0
		}
	}
	return factor
}

// formatInt writes value (an integer) as f asks.
func formatInt(value float64, f *intFormat) (string, error) {
	negative := value < 0
	value = math.Abs(value)
	if math.IsInf(value, 0) || (f.primary == intRoman && value >= 1e7) {
		// The reference implementation recurses (or loops) once per
		// thousand here and runs out of stack.
		return "", errStackExceeded()
	}
	var s string
	switch f.primary {
	case intLetters:
		s = toLetters(value, map[bool]rune{true: 'A', false: 'a'}[f.letters == caseUpper])
	case intRoman:
		s = toRoman(value)
		if f.letters == caseUpper {
			s = strings.ToUpper(s)
		}
	case intWords:
		s = numberToWords(value, f.ordinal)
		switch f.letters {
		case caseUpper:
			s = strings.ToUpper(s)
		case caseLower:
			s = strings.ToLower(s)
		}
	case intDecimal:
		var err error
		if s, err = formatDecimal(value, f); err != nil {
			return "", err
		}
	default:
		return "", errAt("D3130", 0, map[string]any{"value": f.token})
	}
	if negative {
		s = "-" + s
	}
	return s, nil
}

// maxPadding bounds the zeros a picture may ask for ([Y,999999999]):
// beyond it this package gives up, as JavaScript does (with a
// RangeError) somewhat further on.
const maxPadding = 1 << 20

// formatDecimal writes a non-negative integer with a decimal digit
// pattern: padded, in the pattern's digit family, grouped, ordinal.
func formatDecimal(value float64, f *intFormat) (string, error) {
	s := jsNumber(value)
	if pad := f.mandatory - len(s); pad > maxPadding {
		return "", &Error{Message: "Invalid string length"}
	} else if pad > 0 {
		s = strings.Repeat("0", pad) + s
	}
	r := []rune(s)
	if f.zeroCode != '0' {
		for i, c := range r {
			r[i] = c + f.zeroCode - '0'
		}
	}
	insert := func(at int, sep string) {
		// JavaScript's substr: a negative start counts from the end.
		left := r[:max(at, 0)]
		rightFrom := at
		if at < 0 {
			rightFrom = max(len(r)+at, 0)
		}
		out := append([]rune{}, left...)
		out = append(out, []rune(sep)...)
		r = append(out, r[rightFrom:]...)
	}
	if f.regular {
		for i := (len(r) - 1) / f.every; i > 0; i-- {
			insert(len(r)-i*f.every, f.sepChar)
		}
	} else {
		for i := len(f.seps) - 1; i >= 0; i-- {
			insert(len(r)-f.seps[i].position, f.seps[i].char)
		}
	}
	s = string(r)
	if f.ordinal {
		suffix := map[byte]string{'1': "st", '2': "nd", '3': "rd"}[s[len(s)-1]]
		if suffix == "" || (len(r) > 1 && r[len(r)-2] == '1') {
			suffix = "th"
		}
		s += suffix
	}
	return s, nil
}

// toLetters writes value in spreadsheet column letters (1 = a, 27 = aa).
func toLetters(value float64, a rune) string {
	var out []rune
	for v := value; v > 0; v = math.Floor((v - 1) / 26) {
		out = append([]rune{rune(math.Mod(v-1, 26)) + a}, out...)
	}
	return string(out)
}

// romanNumerals are the roman numerals from the largest.
var romanNumerals = [...]struct {
	value float64
	text  string
}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"},
	{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}

// toRoman writes value in lower-case roman numerals.
func toRoman(value float64) string {
	var b strings.Builder
	for _, n := range romanNumerals {
		for value >= n.value {
			b.WriteString(n.text)
			value -= n.value
		}
	}
	return b.String()
}

// errStackExceeded is the RangeError JavaScript raises when the reference
// implementation recurses too deeply, which it passes on without a code.
func errStackExceeded() *Error {
	return &Error{Message: "Maximum call stack size exceeded"}
}
