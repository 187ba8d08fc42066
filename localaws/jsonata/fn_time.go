package jsonata

import (
	"strings"
	"time"
)

// isoMillis is how JavaScript's Date.prototype.toISOString writes times.
const isoMillis = "2006-01-02T15:04:05.000Z07:00"

func (ev *evaluator) instant() time.Time {
	if ev.now.IsZero() {
		if ev.opts.Now != nil {
			ev.now = ev.opts.Now()
		} else {
			ev.now = time.Now()
		}
	}
	return ev.now
}

func isoString(t time.Time) string {
	return strings.Replace(t.UTC().Format(isoMillis), "+00:00", "Z", 1)
}

func fnNow(ev *evaluator, args []any, _ any) (any, error) {
	pic, tz := stringArg(args, 0), stringArg(args, 1)
	if pic == nil && tz == nil {
		return isoString(ev.instant()), nil
	}
	return formatDateTime(float64(ev.instant().UnixMilli()), pic, tz)
}

// stringArg is args[i] when it is a string, or nil.
func stringArg(args []any, i int) *string {
	if i < len(args) {
		if s, ok := args[i].(string); ok {
			return &s
		}
	}
	return nil
}

func fnMillis(ev *evaluator, _ []any, _ any) (any, error) {
	return float64(ev.instant().UnixMilli()), nil
}

func fnFromMillis(_ *evaluator, args []any, _ any) (any, error) {
	ms, ok := args[0].(float64)
	if !ok {
		return nil, nil
	}
	return formatDateTime(ms, stringArg(args, 1), stringArg(args, 2))
}

// isoLayouts are the ISO 8601 forms $toMillis reads without a picture.
func isoLayouts() []string {
	return []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05.999999999-0700", // ISO 8601's basic offset, which the reference reads too
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04",
		"2006-01-02",
		"2006-01",
		"2006",
	}
}

func fnToMillis(ev *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	if pic, ok := args[1].(string); ok {
		v, defined, err := parseDateTime(s, pic, ev.instant())
		if err != nil || !defined {
			return nil, err
		}
		return v, nil
	}
	for _, layout := range isoLayouts() {
		if t, err := time.Parse(layout, s); err == nil {
			return float64(t.UnixMilli()), nil
		}
	}
	return nil, &Error{Code: "D3110", Message: "The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given " + jsonText(s)}
}
