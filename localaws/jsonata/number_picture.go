package jsonata

import (
	"strings"
)

// $formatNumber reads XPath's fn:format-number pictures as the reference
// implementation does (F&O 3.1 §4.7): a positive and an optional negative
// sub-picture, each a prefix, an active part (digits, optional digits,
// grouping and decimal separators, an exponent) and a suffix, with the
// characters of each role set by the options object. Text is handled in
// runes where JavaScript handles UTF-16 units; the two agree outside the
// supplementary planes.

// numberProps are the characters a picture's roles use.
type numberProps map[string]string

func defaultNumberProps() numberProps {
	return numberProps{"decimal-separator": ".", "grouping-separator": ",", "exponent-separator": "e",
		"infinity": "Infinity", "minus-sign": "-", "NaN": "NaN", "percent": "%", "per-mille": "\u2030",
		"zero-digit": "0", "digit": "#", "pattern-separator": ";"}
}

// numberParts is a sub-picture split into its parts.
type numberParts struct {
	sub, prefix, suffix, active, mantissa string
	exponent                              *string
	integer, fractional                   string
}

// numberPic is an analysed sub-picture.
type numberPic struct {
	intGroups       []int
	regular         int
	minInt, scaling int
	prefix, suffix  string
	fracGroups      []int
	minFrac         int
	maxFrac         int
	minExp          int
	picture         string
}

// numberPicture is one call's reading of a picture.
type numberPicture struct {
	props  numberProps
	family []string // the ten digits, from zero-digit
	active []string
}

func newNumberPicture(props numberProps) *numberPicture {
	p := &numberPicture{props: props}
	zero := []rune(props["zero-digit"] + "\x00")[0]
	for i := range rune(10) {
		p.family = append(p.family, string(zero+i))
	}
	p.active = append(append([]string{}, p.family...), props["decimal-separator"], props["exponent-separator"],
		props["grouping-separator"], props["digit"], props["pattern-separator"])
	return p
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// count counts the characters of s that keep says to.
func count(s string, keep func(string) bool) int {
	n := 0
	for _, r := range s {
		if keep(string(r)) {
			n++
		}
	}
	return n
}

func (p *numberPicture) isDigit(c string) bool { return contains(p.family, c) }

// split splits a sub-picture; a sub-picture without an active character
// fails as JavaScript fails in the reference.
func (p *numberPicture) split(sub string) (numberParts, error) {
	r := []rune(sub)
	exp := p.props["exponent-separator"]
	isActive := func(c string) bool { return contains(p.active, c) && c != exp }
	first, last := -1, -1
	for i := range r {
		if isActive(string(r[i])) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return numberParts{}, &Error{Message: "Cannot read properties of undefined (reading 'length')"}
	}
	parts := numberParts{sub: sub, prefix: string(r[:first]), suffix: string(r[last+1:])}
	parts.active = string(r[first : last+1])
	ar := []rune(parts.active)
	if pos := runeIndex2(r, exp, first); pos == -1 || pos > last+1 {
		parts.mantissa = parts.active
	} else {
		// As in the reference: a position in the sub-picture applied to
		// the active part.
		parts.mantissa = string(ar[:min(pos, len(ar))])
		e := string(ar[min(pos+1, len(ar)):])
		parts.exponent = &e
	}
	mr := []rune(parts.mantissa)
	if dp := runeIndex2(mr, p.props["decimal-separator"], 0); dp == -1 {
		parts.integer, parts.fractional = parts.mantissa, parts.suffix
	} else {
		parts.integer, parts.fractional = string(mr[:dp]), string(mr[min(dp+1, len(mr)):])
	}
	return parts, nil
}

// runeIndex2 is JavaScript's indexOf over runes: the rune position of sub
// in r at or after from, or -1.
func runeIndex2(r []rune, sub string, from int) int {
	s := []rune(sub)
	for i := max(from, 0); i+len(s) <= len(r); i++ {
		if string(r[i:i+len(s)]) == sub {
			return i
		}
	}
	return -1
}

func runeLastIndex(r []rune, sub string) int {
	s := []rune(sub)
	for i := len(r) - len(s); i >= 0; i-- {
		if string(r[i:i+len(s)]) == sub {
			return i
		}
	}
	return -1
}

// charAt is JavaScript's charAt over runes.
func charAt(r []rune, i int) string {
	if i < 0 || i >= len(r) {
		return ""
	}
	return string(r[i])
}

// validate applies F&O §4.7.3; as in the reference, the last rule broken
// is the one reported.
func (p *numberPicture) validate(parts numberParts) error {
	pr := p.props
	sub := []rune(parts.sub)
	code := ""
	dec := runeIndex2(sub, pr["decimal-separator"], 0)
	if dec != runeLastIndex(sub, pr["decimal-separator"]) {
		code = "D3081"
	}
	if runeIndex2(sub, pr["percent"], 0) != runeLastIndex(sub, pr["percent"]) {
		code = "D3082"
	}
	if runeIndex2(sub, pr["per-mille"], 0) != runeLastIndex(sub, pr["per-mille"]) {
		code = "D3083"
	}
	hasPercent, hasMille := runeIndex2(sub, pr["percent"], 0) != -1, runeIndex2(sub, pr["per-mille"], 0) != -1
	if hasPercent && hasMille {
		code = "D3084"
	}
	if count(parts.mantissa, func(c string) bool { return p.isDigit(c) || c == pr["digit"] }) == 0 {
		code = "D3085"
	}
	if count(parts.active, func(c string) bool { return !contains(p.active, c) }) > 0 {
		code = "D3086"
	}
	ir := []rune(parts.integer)
	if dec != -1 {
		if charAt(sub, dec-1) == pr["grouping-separator"] || charAt(sub, dec+1) == pr["grouping-separator"] {
			code = "D3087"
		}
	} else if charAt(ir, len(ir)-1) == pr["grouping-separator"] {
		code = "D3088"
	}
	if runeIndex2(sub, pr["grouping-separator"]+pr["grouping-separator"], 0) != -1 {
		code = "D3089"
	}
	if pos := runeIndex2(ir, pr["digit"], 0); pos != -1 && count(string(ir[:pos]), p.isDigit) > 0 {
		code = "D3090"
	}
	fr := []rune(parts.fractional)
	if pos := runeLastIndex(fr, pr["digit"]); pos != -1 && count(string(fr[pos:]), p.isDigit) > 0 {
		code = "D3091"
	}
	if parts.exponent != nil {
		if *parts.exponent != "" && (hasPercent || hasMille) {
			code = "D3092"
		}
		if *parts.exponent == "" || count(*parts.exponent, func(c string) bool { return !p.isDigit(c) }) > 0 {
			code = "D3093"
		}
	}
	if code != "" {
		return errAt(code, 0, nil)
	}
	return nil
}

// analyse applies F&O §4.7.4.
func (p *numberPicture) analyse(parts numberParts) *numberPic {
	pr := p.props
	digitOrOptional := func(c string) bool { return p.isDigit(c) || c == pr["digit"] }
	groups := func(part string, toLeft bool) []int {
		var out []int
		r, ir := []rune(part), []rune(parts.integer)
		for g := runeIndex2(r, pr["grouping-separator"], 0); g != -1; g = runeIndex2(ir, pr["grouping-separator"], g+1) {
			side := string(r[min(g, len(r)):])
			if toLeft {
				side = string(r[:min(g, len(r))])
			}
			out = append(out, count(side, digitOrOptional))
		}
		return out
	}
	pic := &numberPic{prefix: parts.prefix, suffix: parts.suffix, picture: parts.sub}
	pic.intGroups = groups(parts.integer, false)
	pic.regular = regularPositions(pic.intGroups)
	pic.fracGroups = groups(parts.fractional, true)
	pic.minInt = count(parts.integer, p.isDigit)
	pic.scaling = pic.minInt
	pic.minFrac = count(parts.fractional, p.isDigit)
	pic.maxFrac = count(parts.fractional, digitOrOptional)
	hasExp := parts.exponent != nil
	if pic.minInt == 0 && pic.maxFrac == 0 {
		if hasExp {
			pic.minFrac, pic.maxFrac = 1, 1
		} else {
			pic.minInt = 1
		}
	}
	if hasExp && pic.minInt == 0 && strings.Contains(parts.integer, pr["digit"]) {
		pic.minInt = 1
	}
	if pic.minInt == 0 && pic.minFrac == 0 {
		pic.minFrac = 1
	}
	if hasExp {
		pic.minExp = count(*parts.exponent, p.isDigit)
	}
	return pic
}

// regularPositions is the interval of grouping positions that fall at
// every multiple of one interval, or 0.
func regularPositions(positions []int) int {
	if len(positions) == 0 {
		return 0
	}
	seps := make([]groupSep, len(positions))
	for i, pos := range positions {
		seps[i] = groupSep{position: pos}
	}
	return regularEvery(seps)
}
