package jsonata

import (
	"math"
	"strconv"
	"strings"
)

// fnFormatNumber is $formatNumber(number, picture [, options]): the
// number written with an XPath decimal-format picture (see
// number_picture.go), as the reference implementation writes it.
func fnFormatNumber(_ *evaluator, args []any, _ any) (any, error) {
	value, ok := args[0].(float64)
	if !ok {
		return nil, nil
	}
	picture, _ := args[1].(string)
	props := defaultNumberProps()
	if o, ok := args[2].(*object); ok {
		for _, k := range o.keys {
			if s, ok := o.vals[k].(string); ok {
				props[k] = s
			}
		}
	}
	np := newNumberPicture(props)
	subs := strings.Split(picture, props["pattern-separator"])
	if len(subs) > 2 {
		return nil, errAt("D3080", 0, nil)
	}
	var parts []numberParts
	for _, sub := range subs {
		p, err := np.split(sub)
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	for _, p := range parts {
		if err := np.validate(p); err != nil {
			return nil, err
		}
	}
	var pics []*numberPic
	for _, p := range parts {
		pics = append(pics, np.analyse(p))
	}
	if len(pics) == 1 {
		neg := *pics[0]
		neg.prefix = props["minus-sign"] + neg.prefix
		pics = append(pics, &neg)
	}
	pic := pics[0]
	if value < 0 {
		pic = pics[1]
	}
	return np.format(value, pic)
}

// format writes value with an analysed sub-picture (F&O §4.7.5).
func (np *numberPicture) format(value float64, pic *numberPic) (string, error) {
	pr := np.props
	switch {
	case strings.Contains(pic.picture, pr["percent"]):
		value *= 100
	case strings.Contains(pic.picture, pr["per-mille"]):
		value *= 1000
	}
	mantissa, exponent, hasExp := value, 0, pic.minExp != 0
	if hasExp {
		maxM, minM := math.Pow(10, float64(pic.scaling)), math.Pow(10, float64(pic.scaling-1))
		for i := 0; mantissa < minM; i++ {
			if i > 400 {
				// The reference loops forever here (zero or a negative
				// number with an exponent).
				return "", &Error{Message: "The number cannot be brought into the range of the picture's mantissa"}
			}
			mantissa *= 10
			exponent--
		}
		for i := 0; mantissa > maxM; i++ {
			if i > 400 {
				return "", &Error{Message: "The number cannot be brought into the range of the picture's mantissa"}
			}
			mantissa /= 10
			exponent++
		}
	}
	s := np.digits(roundHalfEven(mantissa, pic.maxFrac), pic.maxFrac)
	dec, zero := pr["decimal-separator"], pr["zero-digit"]
	if strings.Contains(s, ".") {
		s = strings.Replace(s, ".", dec, 1)
	} else {
		s += dec
	}
	r := []rune(s)
	for len(r) > 0 && string(r[0]) == zero {
		r = r[1:]
	}
	for len(r) > 0 && string(r[len(r)-1]) == zero {
		r = r[:len(r)-1]
	}
	dp := runeIndex2(r, dec, 0)
	padLeft, padRight := pic.minInt-dp, pic.minFrac-(len(r)-dp-1)
	if padLeft > 0 {
		r = append([]rune(strings.Repeat(zero, padLeft)), r...)
	}
	if padRight > 0 {
		r = append(r, []rune(strings.Repeat(zero, padRight))...)
	}
	dp = runeIndex2(r, dec, 0)
	group := pr["grouping-separator"]
	if pic.regular > 0 {
		for g := 1; g <= (dp-1)/pic.regular; g++ {
			r = jsSplice(r, dp-g*pic.regular, group)
		}
	} else {
		for _, pos := range pic.intGroups {
			r = jsSplice(r, dp-pos, group)
			dp++
		}
	}
	dp = runeIndex2(r, dec, 0)
	for _, pos := range pic.fracGroups {
		r = jsSplice(r, pos+dp+1, group)
	}
	dp = runeIndex2(r, dec, 0)
	if !strings.Contains(pic.picture, dec) || dp == len(r)-1 {
		r = r[:max(len(r)-1, 0)]
	}
	s = string(r)
	if hasExp {
		e := np.digits(float64(exponent), 0)
		if pad := pic.minExp - len([]rune(e)); pad > 0 {
			e = strings.Repeat(zero, pad) + e
		}
		sign := ""
		if exponent < 0 {
			sign = pr["minus-sign"]
		}
		s += pr["exponent-separator"] + sign + e
	}
	return pic.prefix + s + pic.suffix, nil
}

// digits is JavaScript's Math.abs(v).toFixed(dp) in the picture's digit
// family.
func (np *numberPicture) digits(v float64, dp int) string {
	v = math.Abs(v)
	var s string
	if v >= 1e21 {
		s = jsNumber(v)
	} else {
		s = strconv.FormatFloat(v, 'f', dp, 64)
	}
	if np.props["zero-digit"] == "0" {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteString(np.family[c-'0'])
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// jsSplice inserts sep before position at, which counts from the end
// when negative, as JavaScript's slice does.
func jsSplice(r []rune, at int, sep string) []rune {
	if at < 0 {
		at = max(len(r)+at, 0)
	}
	at = min(at, len(r))
	out := make([]rune, 0, len(r)+len(sep))
	out = append(out, r[:at]...)
	out = append(out, []rune(sep)...)
	return append(out, r[at:]...)
}
