package jsonata

import (
	"math"
	"regexp"
	"strings"
	"time"
)

// parseDateTime reads a timestamp with a date/time picture, as
// $toMillis(timestamp, picture) does, into milliseconds since the epoch;
// false when the timestamp does not match the picture. As in the
// reference implementation, the components must form a date (Y M D, or
// Y d) and a time (H m s f, or P h m s f) without gaps: those before the
// first one given are today's (now's), those after the last one given
// are zero (or the first month or day).
func parseDateTime(timestamp, picture string, now time.Time) (any, bool, error) {
	parts, err := analyseDateTimePicture(picture)
	if err != nil {
		return nil, false, err
	}
	matchers := make([]matcher, len(parts))
	var re strings.Builder
	re.WriteString("(?i)^")
	for i, p := range parts {
		if matchers[i], err = datetimeMatcher(p); err != nil {
			return nil, false, err
		}
		re.WriteString("(" + matchers[i].regex + ")")
	}
	re.WriteString("$")
	rx, err := regexp.Compile(re.String())
	if err != nil {
		return nil, false, &Error{Message: "Invalid regular expression: " + err.Error()}
	}
	found := rx.FindStringSubmatch(timestamp)
	if found == nil {
		return nil, false, nil
	}
	comps := map[string]float64{}
	given := false
	for i, p := range parts {
		if matchers[i].parse == nil {
			continue
		}
		given = true
		if v, ok := matchers[i].parse(found[i+1]); ok {
			comps[p.component] = v
		}
	}
	if !given {
		return nil, false, nil
	}
	millis, err := componentsToMillis(comps, utcDate(float64(now.UnixMilli())))
	if err != nil {
		return nil, false, err
	}
	return millis, true, nil
}

// componentsToMillis fills in the components not given and makes the
// instant.
func componentsToMillis(comps map[string]float64, now utcDate) (float64, error) {
	mask := 0
	shift := func(c string) {
		mask <<= 1
		if v, ok := comps[c]; ok && v != 0 && !math.IsNaN(v) {
			mask++
		}
	}
	isType := func(t int) bool { return ^t&mask == 0 && t&mask != 0 }
	for _, c := range "YXMxWwdD" {
		shift(string(c))
	}
	dateA := isType(0b10100001)
	dateB := !dateA && isType(0b10000010)
	dateC := isType(0b01010100)
	dateD := !dateC && isType(0b01001000)
	mask = 0
	for _, c := range "PHhmsf" {
		shift(string(c))
	}
	timeA := isType(0b010111)
	timeB := !timeA && isType(0b101111)

	dateComps := "YMD"
	switch {
	case dateB:
		dateComps = "YD"
	case dateC:
		dateComps = "XxwF"
	case dateD:
		dateComps = "XWF"
	}
	timeComps := "Hmsf"
	if timeB {
		timeComps = "Phmsf"
	}
	started, ended := false, false
	for _, r := range dateComps + timeComps {
		c := string(r)
		if _, ok := comps[c]; ok {
			started = true
			if ended {
				return 0, errAt("D3136", 0, nil)
			}
			continue
		}
		if started {
			comps[c] = 0
			if strings.Contains("MDd", c) {
				comps[c] = 1
			}
			ended = true
			continue
		}
		v, _ := now.fragment(c).(float64) // P is "am" or "pm": never 1
		comps[c] = v
	}
	if comps["M"] > 0 {
		comps["M"]--
	} else {
		comps["M"] = 0
	}
	if dateB {
		derived := jsDateUTC(comps["Y"], 0, 1, 0, 0, 0, 0) + (comps["d"]-1)*millisInADay
		d := utcDate(derived)
		comps["M"], comps["D"] = math.NaN(), math.NaN()
		if d.valid() {
			comps["M"], comps["D"] = float64(d.time().Month()-1), float64(d.time().Day())
		}
	}
	if dateC || dateD {
		return 0, errAt("D3136", 0, nil)
	}
	if timeB {
		comps["H"] = comps["h"]
		if comps["h"] == 12 {
			comps["H"] = 0
		}
		if comps["P"] == 1 {
			comps["H"] += 12
		}
	}
	millis := jsDateUTC(comps["Y"], comps["M"], comps["D"], comps["H"], comps["m"], comps["s"], comps["f"])
	offset := comps["Z"]
	if offset == 0 || math.IsNaN(offset) {
		offset = comps["z"]
	}
	if offset != 0 && !math.IsNaN(offset) {
		millis -= offset * 60 * 1000
	}
	return millis, nil
}

// jsDateUTC is JavaScript's Date.UTC: fields past their ranges carry
// over, years 0 to 99 mean 1900 to 1999, and a result beyond ±8.64e15 ms
// (or any NaN field) is NaN.
func jsDateUTC(y, mo, d, h, mi, s, ms float64) float64 {
	fields := []float64{y, mo, d, h, mi, s, ms}
	for i, f := range fields {
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e12 {
			return math.NaN()
		}
		fields[i] = math.Trunc(f)
	}
	if fields[0] >= 0 && fields[0] <= 99 {
		fields[0] += 1900
	}
	if math.Abs(fields[0]) > 400000 || math.Abs(fields[1]) > 1e7 {
		return math.NaN()
	}
	t := time.Date(int(fields[0]), time.Month(int(fields[1])+1), 1, 0, 0, 0, 0, time.UTC)
	v := float64(t.UnixMilli()) + (fields[2]-1)*millisInADay + fields[3]*3600000 + fields[4]*60000 + fields[5]*1000 + fields[6]
	if math.Abs(v) > 8.64e15 {
		return math.NaN()
	}
	return v
}
