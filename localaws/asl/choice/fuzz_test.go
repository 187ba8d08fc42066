package choice

import (
	"encoding/json"
	"testing"
)

func FuzzParseMatch(f *testing.F) {
	for _, s := range []string{
		`{"Variable":"$.a","StringMatches":"a*\\*b","Next":"N"}`,
		`{"And":[{"Variable":"$.a","NumericLessThanPath":"$.b"},{"Not":{"Variable":"$$.x","IsPresent":true}}],"Next":"N"}`,
		`{"Or":[{"Variable":"$.a[*]","TimestampEquals":"2001-01-01T00:00:00Z"}],"Next":"N"}`,
		`{"Variable":"$.a","BooleanEqualsPath":"$.b","Next":"N"}`,
		`{"Variable":"$..a","IsTimestamp":true,"Next":"N"}`,
	} {
		f.Add(s, `{"a":"ab*b","b":2}`)
	}
	f.Fuzz(func(t *testing.T, ruleJSON, inputJSON string) {
		var rule map[string]any
		d := json.NewDecoder(bytesReader(ruleJSON))
		d.UseNumber()
		if d.Decode(&rule) != nil || rule == nil {
			return
		}
		r, err := Parse(rule, "/States/F/Choices/0")
		if err != nil {
			return
		}
		var input any
		d = json.NewDecoder(bytesReader(inputJSON))
		d.UseNumber()
		_ = d.Decode(&input)
		_, _ = r.MatchContext(input, input) // must not panic
	})
}
