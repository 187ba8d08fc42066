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
	if pic, ok := args[0].(string); ok {
		tz, _ := args[1].(string)
		return formatTime(ev.instant(), pic, tz)
	}
	return isoString(ev.instant()), nil
}

func fnMillis(ev *evaluator, _ []any, _ any) (any, error) {
	return float64(ev.instant().UnixMilli()), nil
}

func fnFromMillis(_ *evaluator, args []any, _ any) (any, error) {
	ms, ok := args[0].(float64)
	if !ok {
		return nil, nil
	}
	if pic, ok := args[1].(string); ok {
		tz, _ := args[2].(string)
		return formatTime(time.UnixMilli(int64(ms)), pic, tz)
	}
	return isoString(time.UnixMilli(int64(ms))), nil
}

// isoLayouts are the ISO 8601 forms $toMillis reads without a picture.
func isoLayouts() []string {
	return []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04",
		"2006-01-02",
		"2006-01",
		"2006",
	}
}

func fnToMillis(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	if args[1] != nil {
		return nil, unsupported("a picture string in $toMillis", 0)
	}
	for _, layout := range isoLayouts() {
		if t, err := time.Parse(layout, s); err == nil {
			return float64(t.UnixMilli()), nil
		}
	}
	return nil, &Error{Code: "D3110", Message: "The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given " + jsonText(s)}
}
