package jsonata

import (
	"math"
	"strconv"
	"strings"
)

// fnFormatNumber is $formatNumber for the common XPath pictures: digits
// (0 and #), grouping separators, a decimal part, a percent or per-mille
// sign, a prefix and a suffix, and a negative sub-picture after ';'.
func fnFormatNumber(_ *evaluator, args []any, _ any) (any, error) {
	f, ok := args[0].(float64)
	if !ok {
		return nil, nil
	}
	picture, _ := args[1].(string)
	subs := strings.Split(picture, ";")
	if len(subs) > 2 {
		return nil, errAt("D3080", 0, nil)
	}
	pic := subs[0]
	neg := len(subs) == 2
	if f < 0 && neg {
		pic = subs[1]
	}
	prefix, body, suffix := pictureParts(pic)
	switch {
	case strings.Contains(body, "%"):
		f *= 100
		body = strings.ReplaceAll(body, "%", "")
		suffix = "%" + suffix
	case strings.Contains(body, "‰"):
		f *= 1000
		body = strings.ReplaceAll(body, "‰", "")
		suffix = "‰" + suffix
	}
	intPic, fracPic, _ := strings.Cut(body, ".")
	minInt := strings.Count(intPic, "0")
	minFrac := strings.Count(fracPic, "0")
	maxFrac := minFrac + strings.Count(fracPic, "#")
	group := 0
	if i := strings.LastIndex(intPic, ","); i >= 0 {
		group = len(intPic) - i - 1
	}
	abs := roundHalfEven(math.Abs(f), maxFrac)
	text := strconv.FormatFloat(abs, 'f', maxFrac, 64)
	ip, fp, _ := strings.Cut(text, ".")
	fp = strings.TrimRight(fp, "0")
	for len(fp) < minFrac {
		fp += "0"
	}
	ip = strings.TrimLeft(ip, "0")
	for len(ip) < minInt {
		ip = "0" + ip
	}
	if group > 0 {
		var b strings.Builder
		for i, c := range ip {
			if i > 0 && (len(ip)-i)%group == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		ip = b.String()
	}
	out := ip
	if fp != "" {
		out += "." + fp
	}
	if f < 0 && !neg {
		prefix = "-" + prefix
	}
	return prefix + out + suffix, nil
}
