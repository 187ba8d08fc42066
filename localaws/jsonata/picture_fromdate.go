package jsonata

import (
	"math"
	"strings"
	"time"
)

const millisInADay = 24 * 60 * 60 * 1000

var (
	monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"}
	dayNames = [...]string{"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// formatDateTime writes millis (since the epoch) with a date/time picture
// (nil for ISO 8601) in the time zone tz (nil for UTC; otherwise read as
// the reference implementation reads it: the integer ±hhmm at its start).
func formatDateTime(millis float64, picture, tz *string) (string, error) {
	pic := isoPicture
	if picture != nil {
		pic = *picture
	}
	parts, err := analyseDateTimePicture(pic)
	if err != nil {
		return "", err
	}
	var offHours, offMinutes float64
	if tz != nil {
		off, ok := jsParseInt(*tz)
		if !ok {
			offHours, offMinutes = math.NaN(), math.NaN()
		} else {
			offHours = math.Floor(float64(off) / 100)
			offMinutes = math.Mod(float64(off), 100)
		}
	}
	d := utcDate(millis + (60*offHours+offMinutes)*60*1000)
	var b strings.Builder
	for _, p := range parts {
		if p.isLiteral {
			b.WriteString(p.literal)
			continue
		}
		s, err := formatMarker(d, p, offHours, offMinutes)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// utcDate is a JavaScript Date read through its UTC getters: invalid
// (every field NaN) outside ±8.64e15 ms or for NaN.
type utcDate float64

func (d utcDate) valid() bool { return !math.IsNaN(float64(d)) && math.Abs(float64(d)) <= 8.64e15 }

func (d utcDate) time() time.Time { return time.UnixMilli(int64(d)).UTC() }

// fragment is the value of a component: a number, a string ("am",
// "ISO") or nil.
func (d utcDate) fragment(component string) any {
	if !d.valid() {
		switch component {
		case "P":
			return "am"
		case "C", "E":
			return "ISO"
		case "Z", "z", "":
			return nil
		}
		return math.NaN()
	}
	t := d.time()
	y, m := t.Year(), int(t.Month())-1
	switch component {
	case "Y":
		return float64(y)
	case "M":
		return float64(m + 1)
	case "D":
		return float64(t.Day())
	case "d":
		return float64(t.YearDay())
	case "F":
		wd := int(t.Weekday())
		if wd == 0 {
			wd = 7
		}
		return float64(wd)
	case "W":
		today := dateUTC(y, m, t.Day())
		week := deltaWeeks(startOfFirstWeek(y, 0), today)
		if week > 52 {
			if today >= startOfFirstWeek(y+1, 0) {
				week = 1
			}
		} else if week < 1 {
			week = deltaWeeks(startOfFirstWeek(y-1, 0), today)
		}
		return math.Floor(week)
	case "w":
		today := dateUTC(y, m, t.Day())
		week := deltaWeeks(startOfFirstWeek(y, m), today)
		if week > 4 {
			if today >= startOfFirstWeek(y, m+1) {
				week = 1
			}
		} else if week < 1 {
			week = deltaWeeks(startOfFirstWeek(y, m-1), today)
		}
		return math.Floor(week)
	case "X":
		switch now := float64(d); {
		case now < startOfFirstWeek(y, 0):
			return float64(y - 1)
		case now >= startOfFirstWeek(y+1, 0):
			return float64(y + 1)
		}
		return float64(y)
	case "x":
		switch now := float64(d); {
		case now < startOfFirstWeek(y, m):
			return float64((m+11)%12 + 1)
		case now >= startOfFirstWeek(y, m+1):
			return float64((m+1)%12 + 1)
		}
		return float64(m + 1)
	case "H":
		return float64(t.Hour())
	case "h":
		h := t.Hour() % 12
		if h == 0 {
			h = 12
		}
		return float64(h)
	case "P":
		if t.Hour() >= 12 {
			return "pm"
		}
		return "am"
	case "m":
		return float64(t.Minute())
	case "s":
		return float64(t.Second())
	case "f":
		return float64(t.Nanosecond() / 1e6)
	case "C", "E":
		return "ISO"
	}
	return nil
}

// dateUTC is JavaScript's Date.UTC(year, month) for a zero-based month
// that may run past either end of the year.
func dateUTC(year, month, day int) float64 {
	return float64(time.Date(year, time.Month(month+1), day, 0, 0, 0, 0, time.UTC).UnixMilli())
}

// startOfFirstWeek is the Monday that starts ISO week 1 of a year (month
// 0) or, as XPath extends it, of a month: the week holding its first
// Thursday.
func startOfFirstWeek(year, month int) float64 {
	first := dateUTC(year, month, 1)
	wd := int(time.UnixMilli(int64(first)).UTC().Weekday())
	if wd == 0 {
		wd = 7
	}
	if wd > 4 {
		return first + float64(8-wd)*millisInADay
	}
	return first - float64(wd-1)*millisInADay
}

func deltaWeeks(start, end float64) float64 { return (end-start)/(millisInADay*7) + 1 }

// formatMarker writes one marker of a picture.
func formatMarker(d utcDate, p dtPart, offHours, offMinutes float64) (string, error) {
	v := d.fragment(p.component)
	switch {
	case strings.Contains("YMDdFWwXxHhms", p.component) && p.component != "":
		n, _ := v.(float64)
		if p.component == "Y" && p.n != -1 {
			n = jsMod(n, math.Pow(10, float64(p.n)))
		}
		if !p.hasNames {
			return formatInt(n, p.intFmt)
		}
		var name string
		switch p.component {
		case "M", "x":
			if n < 1 || n > 12 || n != math.Trunc(n) {
				return undefinedName(p)
			}
			name = monthNames[int(n)-1]
		case "F":
			if n < 0 || n > 7 || n != math.Trunc(n) {
				return undefinedName(p)
			}
			name = dayNames[int(n)]
		default:
			return "", errAt("D3133", 0, map[string]any{"value": p.component})
		}
		switch p.names {
		case caseUpper:
			name = strings.ToUpper(name)
		case caseLower:
			name = strings.ToLower(name)
		}
		if p.hasMax && len(name) > p.widthMax {
			name = name[:max(p.widthMax, 0)]
		}
		return name, nil
	case p.component == "f":
		if p.intFmt == nil {
			return "", &Error{Message: "Cannot read properties of undefined (reading 'primary')"}
		}
		n, _ := v.(float64)
		return formatInt(n, p.intFmt)
	case p.component == "Z" || p.component == "z":
		return formatOffset(p, offHours, offMinutes)
	case p.component == "P":
		s, _ := v.(string)
		if p.hasNames && p.names == caseUpper {
			s = strings.ToUpper(s)
		}
		return s, nil
	}
	if s, ok := v.(string); ok {
		return s, nil
	}
	return "undefined", nil
}

// formatOffset writes the time zone offset for a Z or z marker.
func formatOffset(p dtPart, offHours, offMinutes float64) (string, error) {
	offset := offHours*100 + offMinutes
	var s string
	var err error
	f := p.intFmt
	switch {
	case f.regular:
		s, err = formatInt(offset, f)
	case f.primary == intDecimal && (f.mandatory == 1 || f.mandatory == 2):
		s, err = formatInt(offHours, f)
		if err == nil && offMinutes != 0 {
			mf, _ := analyseIntegerPicture("00")
			var mins string
			mins, err = formatInt(math.Floor(offMinutes), mf)
			s += ":" + mins
		}
	case f.primary == intDecimal && (f.mandatory == 3 || f.mandatory == 4):
		s, err = formatInt(offset, f)
	default:
		return "", errAt("D3134", 0, map[string]any{"value": f.mandatory})
	}
	if err != nil {
		return "", err
	}
	if offset >= 0 {
		s = "+" + s
	}
	if p.component == "z" {
		s = "GMT" + s
	}
	if offset == 0 && p.pres2 == "t" {
		s = "Z"
	}
	return s, nil
}

// jsMod is JavaScript's %: the result has the dividend's sign.
func jsMod(a, b float64) float64 { return math.Mod(a, b) }

// undefinedName is what the reference implementation makes of a month
// or day name that does not exist (an invalid date's): JavaScript's
// TypeError when it changes the name's case or measures it, otherwise
// the text "undefined".
func undefinedName(p dtPart) (string, error) {
	switch {
	case p.names == caseUpper:
		return "", &Error{Message: "Cannot read properties of undefined (reading 'toUpperCase')"}
	case p.names == caseLower:
		return "", &Error{Message: "Cannot read properties of undefined (reading 'toLowerCase')"}
	case p.hasWidth:
		return "", &Error{Message: "Cannot read properties of undefined (reading 'length')"}
	}
	return "undefined", nil
}
