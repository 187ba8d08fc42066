package jsonata

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Date/time pictures are XPath's fn:format-dateTime pictures as the
// reference implementation reads them, for $fromMillis, $now and
// $toMillis: literal text and [..] markers, each a component (Y year,
// M month, D day, d day of year, F weekday, W/w week of year/month, X/x
// their years/months, H/h hours, P am/pm, m minutes, s seconds, f
// milliseconds, Z/z offset, C calendar, E era), a presentation (an
// integer picture, or n/N/Nn for names), an optional a/t/c/o modifier
// and a width (",min-max").

// dtPart is one literal or marker of a date/time picture.
type dtPart struct {
	literal   string
	isLiteral bool

	component string
	pres1     string
	pres2     string
	names     letterCase
	hasNames  bool
	intFmt    *intFormat
	hasWidth  bool
	widthMax  int
	hasMax    bool
	n         int // how many digits of the year (-1: all)
}

// dtDefaults are the presentations of components given none.
var dtDefaults = map[string]string{"Y": "1", "M": "1", "D": "1", "d": "1", "F": "n", "W": "1", "w": "1", "X": "1",
	"x": "1", "H": "1", "h": "1", "P": "n", "m": "01", "s": "01", "f": "1", "Z": "01:01", "z": "01:01", "C": "n", "E": "n"}

// isoPicture is the picture of an ISO 8601 timestamp, used when none is
// given.
const isoPicture = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]"

// analyseDateTimePicture splits a picture into literals and markers.
func analyseDateTimePicture(picture string) ([]dtPart, error) {
	var parts []dtPart
	addLiteral := func(start, end int) {
		if end > start {
			parts = append(parts, dtPart{isLiteral: true, literal: strings.ReplaceAll(picture[start:end], "]]", "]")})
		}
	}
	start, pos := 0, 0
	for pos < len(picture) {
		if picture[pos] == '[' {
			if pos+1 < len(picture) && picture[pos+1] == '[' {
				addLiteral(start, pos)
				parts = append(parts, dtPart{isLiteral: true, literal: "["})
				pos += 2
				start = pos
				continue
			}
			addLiteral(start, pos)
			start = pos
			end := strings.IndexByte(picture[start:], ']')
			if end < 0 {
				return nil, errAt("D3135", 0, nil)
			}
			pos = start + end
			marker := strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) || r == '\ufeff' {
					return -1
				}
				return r
			}, picture[start+1:pos])
			part, err := analyseMarker(marker)
			if err != nil {
				return nil, err
			}
			parts = append(parts, part)
			start = pos + 1
		}
		pos++
	}
	addLiteral(start, pos)
	return parts, nil
}

// analyseMarker reads the inside of one [..] marker.
func analyseMarker(marker string) (dtPart, error) {
	def := dtPart{n: -1}
	if marker != "" {
		_, size := utf8.DecodeRuneInString(marker)
		def.component = marker[:size]
	}
	var presMod string
	var minW int
	hasMin := false
	if comma := strings.LastIndex(marker, ","); comma >= 0 {
		widthMod := marker[comma+1:]
		minS, maxS, hasDash := strings.Cut(widthMod, "-")
		def.hasWidth = true
		if v, ok := jsParseInt(minS); ok && minS != "*" {
			minW, hasMin = v, true
		}
		if hasDash && maxS != "*" {
			if v, ok := jsParseInt(maxS); ok {
				def.widthMax, def.hasMax = v, true
			}
		}
		if comma == 0 {
			presMod = marker[:1] // JavaScript's substring(1, 0)
		} else {
			presMod = marker[len(def.component):comma]
		}
	} else {
		presMod = marker[len(def.component):]
	}
	switch n := utf8.RuneCountInString(presMod); {
	case n == 1:
		def.pres1 = presMod
	case n > 1:
		last := presMod[len(presMod)-1:]
		if strings.Contains("atco", last) {
			def.pres2 = last
			def.pres1 = presMod[:len(presMod)-1]
		} else {
			def.pres1 = presMod
		}
	default:
		p, ok := dtDefaults[def.component]
		if !ok {
			return def, errAt("D3132", 0, map[string]any{"value": def.component})
		}
		def.pres1 = p
	}
	switch {
	case strings.HasPrefix(def.pres1, "n"):
		def.names, def.hasNames = caseLower, true
	case strings.HasPrefix(def.pres1, "N"):
		def.names, def.hasNames = caseUpper, true
		if strings.HasPrefix(def.pres1[1:], "n") {
			def.names = caseTitle
		}
	case def.component != "" && strings.Contains("YMDdFWwXxHhmsf", def.component):
		pattern := def.pres1
		if def.pres2 != "" {
			pattern += ";" + def.pres2
		}
		f, err := analyseIntegerPicture(pattern)
		if err != nil {
			return def, err
		}
		def.intFmt = f
		if hasMin && f.primary == intDecimal && f.mandatory < minW {
			f.mandatory = minW
		}
		if strings.Contains("YMD", def.component) {
			if def.hasMax {
				def.n = def.widthMax
				f.mandatory = def.n
			} else if w := f.mandatory + f.optional; f.primary == intDecimal && w >= 2 {
				def.n = w
			}
		}
	}
	if def.component == "Z" || def.component == "z" {
		f, err := analyseIntegerPicture(def.pres1)
		if err != nil {
			return def, err
		}
		def.intFmt = f
	}
	return def, nil
}

// jsParseInt is JavaScript's parseInt in base 10: leading blanks, a
// sign, then as many digits as there are; false when there are none.
func jsParseInt(s string) (int, bool) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n, digits := 0, 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		if n < 1<<40 {
			n = n*10 + int(s[digits]-'0')
		}
		digits++
	}
	if digits == 0 {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}
