package jsonata

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// formatTime renders t with an XPath date-time picture string, as
// $fromMillis and $now do: [Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z],
// names ([MNn], [FNn,3-3]), 12-hour clocks ([h]:[m01] [P]) and ordinals
// ([D1o]). tz is an offset such as "+0100" or "-0500", UTC when empty.
func formatTime(t time.Time, picture, tz string) (string, error) {
	loc := time.UTC
	if tz != "" {
		off, err := parseOffset(tz)
		if err != nil {
			return "", err
		}
		loc = time.FixedZone("", off)
	}
	t = t.In(loc)
	var b strings.Builder
	for i := 0; i < len(picture); i++ {
		c := picture[i]
		switch {
		case c == '[' && i+1 < len(picture) && picture[i+1] == '[':
			b.WriteByte('[')
			i++
		case c == ']' && i+1 < len(picture) && picture[i+1] == ']':
			b.WriteByte(']')
			i++
		case c == '[':
			end := strings.IndexByte(picture[i:], ']')
			if end < 0 {
				return "", &Error{Code: "D3135", Message: "No matching closing bracket ']' in date/time picture string"}
			}
			spec := strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, picture[i+1:i+end])
			out, err := formatComponent(t, spec)
			if err != nil {
				return "", err
			}
			b.WriteString(out)
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func parseOffset(tz string) (int, error) {
	s := strings.ReplaceAll(tz, ":", "")
	if len(s) != 5 || (s[0] != '+' && s[0] != '-') {
		return 0, &Error{Code: "D3110", Message: "Invalid timezone: " + tz}
	}
	h, err1 := strconv.Atoi(s[1:3])
	m, err2 := strconv.Atoi(s[3:5])
	if err1 != nil || err2 != nil {
		return 0, &Error{Code: "D3110", Message: "Invalid timezone: " + tz}
	}
	off := h*3600 + m*60
	if s[0] == '-' {
		off = -off
	}
	return off, nil
}

// formatComponent renders one [..] component.
func formatComponent(t time.Time, spec string) (string, error) {
	if spec == "" {
		return "", &Error{Code: "D3132", Message: "Unknown component specifier in date/time picture string"}
	}
	comp := spec[0]
	pres, width, _ := strings.Cut(spec[1:], ",")
	maxWidth := 0
	if _, max, ok := strings.Cut(width, "-"); ok {
		maxWidth, _ = strconv.Atoi(max)
	}
	ordinal := strings.HasSuffix(pres, "o")
	pres = strings.TrimSuffix(pres, "o")
	var n int
	var names []string
	switch comp {
	case 'Y':
		n = t.Year()
	case 'M':
		n, names = int(t.Month()), monthNames()
	case 'D':
		n = t.Day()
	case 'd':
		n = t.YearDay()
	case 'F':
		n, names = int(t.Weekday()), dayNames()
		if pres == "" {
			pres = "n"
		}
		if n == 0 {
			n = 7
		}
	case 'W':
		_, n = t.ISOWeek()
	case 'H':
		n = t.Hour()
	case 'h':
		n = t.Hour() % 12
		if n == 0 {
			n = 12
		}
	case 'P':
		s := "am"
		if t.Hour() >= 12 {
			s = "pm"
		}
		if pres == "N" {
			s = strings.ToUpper(s)
		}
		return s, nil
	case 'm':
		n = t.Minute()
		if pres == "" {
			pres = "01"
		}
	case 's':
		n = t.Second()
		if pres == "" {
			pres = "01"
		}
	case 'f':
		digits := len(pres)
		if digits == 0 {
			digits = 1
		}
		frac := strconv.Itoa(t.Nanosecond() + 1e9)[1:]
		return frac[:min(digits, 9)], nil
	case 'Z', 'z':
		return formatZone(t, comp, pres), nil
	default:
		return "", &Error{Code: "D3132", Message: "Unknown component specifier " + string(comp) + " in date/time picture string"}
	}
	if names != nil && (pres == "N" || pres == "n" || pres == "Nn") {
		name := names[(n-1+len(names))%len(names)]
		if comp == 'F' {
			name = names[n%7]
		}
		if maxWidth > 0 && len(name) > maxWidth {
			name = name[:maxWidth]
		}
		switch pres {
		case "N":
			return strings.ToUpper(name), nil
		case "n":
			return strings.ToLower(name), nil
		}
		return name, nil
	}
	s := strconv.Itoa(n)
	if pad := strings.Count(pres, "0") + strings.Count(pres, "1"); pad > 0 && strings.Trim(pres, "01") == "" {
		if comp == 'Y' && pad == 2 {
			s = strconv.Itoa(n % 100)
		}
		for len(s) < pad {
			s = "0" + s
		}
	}
	if ordinal {
		s += ordinalSuffix(n)
	}
	return s, nil
}

func formatZone(t time.Time, comp byte, pres string) string {
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	hh, mm := off/3600, off%3600/60
	two := func(i int) string { return strconv.Itoa(i + 100)[1:] }
	var s string
	switch pres {
	case "0000":
		s = sign + two(hh) + two(mm)
	case "0":
		s = sign + strconv.Itoa(hh)
	default:
		s = sign + two(hh) + ":" + two(mm)
	}
	if comp == 'z' {
		return "GMT" + s
	}
	return s
}

func ordinalSuffix(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return "th"
	case n%10 == 1:
		return "st"
	case n%10 == 2:
		return "nd"
	case n%10 == 3:
		return "rd"
	}
	return "th"
}

func monthNames() []string {
	return []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
}

func dayNames() []string {
	return []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
}
