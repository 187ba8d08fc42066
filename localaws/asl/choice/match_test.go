package choice

import (
	"errors"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/localaws/asl/jsonpath"
)

const matchInput = `{
  "s": "MyStringABC", "empty": "", "n": 22, "f": 1.5, "neg": -3, "big": 1e3, "t": true, "fl": false, "nul": null,
  "ts": "2001-01-01T12:00:00Z", "tsOffset": "2001-01-01T13:00:00+01:00", "tsFrac": "2001-01-01T12:00:00.5Z",
  "tsLower": "2001-01-01t12:00:00z", "arr": [1, 2], "obj": {"k": "v"},
  "other": {"s": "MyStringABC", "n": 20, "t": true, "ts": "2001-01-01T11:00:00Z", "sNum": "22"},
  "file": "report*2024.csv", "back": "a\\b"
}`

func TestMatchComparisons(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, rule string
		want       bool
	}{
		{"StringEquals", `{"Variable":"$.s","StringEquals":"MyStringABC"}`, true},
		{"StringEquals differs", `{"Variable":"$.s","StringEquals":"mystringabc"}`, false},
		{"StringEquals on number is false", `{"Variable":"$.n","StringEquals":"22"}`, false},
		{"StringLessThan", `{"Variable":"$.s","StringLessThan":"MyStringABD"}`, true},
		{"StringGreaterThan", `{"Variable":"$.s","StringGreaterThan":"MyStringAB"}`, true},
		{"StringLessThanEquals equal", `{"Variable":"$.s","StringLessThanEquals":"MyStringABC"}`, true},
		{"StringGreaterThanEquals less", `{"Variable":"$.s","StringGreaterThanEquals":"N"}`, false},
		{"StringEquals empty", `{"Variable":"$.empty","StringEquals":""}`, true},
		{"StringEquals timestamp as string", `{"Variable":"$.ts","StringEquals":"2001-01-01T12:00:00Z"}`, true},
		{"StringEqualsPath", `{"Variable":"$.s","StringEqualsPath":"$.other.s"}`, true},
		{"StringEqualsPath operand not string", `{"Variable":"$.s","StringEqualsPath":"$.other.n"}`, false},
		{"StringLessThanPath", `{"Variable":"$.s","StringLessThanPath":"$.other.s"}`, false},
		{"StringMatches prefix", `{"Variable":"$.s","StringMatches":"My*"}`, true},
		{"StringMatches suffix", `{"Variable":"$.s","StringMatches":"*ABC"}`, true},
		{"StringMatches middle", `{"Variable":"$.s","StringMatches":"My*ing*C"}`, true},
		{"StringMatches no wildcard", `{"Variable":"$.s","StringMatches":"MyString"}`, false},
		{"StringMatches escaped star", `{"Variable":"$.file","StringMatches":"report\\**.csv"}`, true},
		{"StringMatches escaped star needs star", `{"Variable":"$.s","StringMatches":"My\\*"}`, false},
		{"StringMatches escaped backslash", `{"Variable":"$.back","StringMatches":"a\\\\b"}`, true},
		{"StringMatches on number is false", `{"Variable":"$.n","StringMatches":"*"}`, false},
		{"NumericEquals", `{"Variable":"$.n","NumericEquals":22}`, true},
		{"NumericEquals float form", `{"Variable":"$.big","NumericEquals":1000.0}`, true},
		{"NumericEquals on string is false", `{"Variable":"$.other.sNum","NumericEquals":22}`, false},
		{"NumericLessThan", `{"Variable":"$.f","NumericLessThan":2}`, true},
		{"NumericGreaterThan negative", `{"Variable":"$.neg","NumericGreaterThan":-4}`, true},
		{"NumericLessThanEquals", `{"Variable":"$.n","NumericLessThanEquals":21.9}`, false},
		{"NumericGreaterThanEquals", `{"Variable":"$.n","NumericGreaterThanEquals":22}`, true},
		{"NumericGreaterThanPath", `{"Variable":"$.n","NumericGreaterThanPath":"$.other.n"}`, true},
		{"NumericEqualsPath operand string", `{"Variable":"$.n","NumericEqualsPath":"$.other.sNum"}`, false},
		{"BooleanEquals", `{"Variable":"$.t","BooleanEquals":true}`, true},
		{"BooleanEquals false", `{"Variable":"$.fl","BooleanEquals":true}`, false},
		{"BooleanEquals on null is false", `{"Variable":"$.nul","BooleanEquals":false}`, false},
		{"BooleanEqualsPath", `{"Variable":"$.t","BooleanEqualsPath":"$.other.t"}`, true},
		{"TimestampEquals", `{"Variable":"$.ts","TimestampEquals":"2001-01-01T12:00:00Z"}`, true},
		{"TimestampEquals other offset", `{"Variable":"$.tsOffset","TimestampEquals":"2001-01-01T12:00:00Z"}`, true},
		{"TimestampLessThan fraction", `{"Variable":"$.ts","TimestampLessThan":"2001-01-01T12:00:00.001Z"}`, true},
		{"TimestampGreaterThan", `{"Variable":"$.tsFrac","TimestampGreaterThan":"2001-01-01T12:00:00Z"}`, true},
		{"TimestampLessThanEquals", `{"Variable":"$.ts","TimestampLessThanEquals":"2001-01-01T11:59:59Z"}`, false},
		{"TimestampGreaterThanEquals", `{"Variable":"$.ts","TimestampGreaterThanEquals":"2001-01-01T12:00:00Z"}`, true},
		{"TimestampGreaterThanPath", `{"Variable":"$.ts","TimestampGreaterThanPath":"$.other.ts"}`, true},
		{"Timestamp lowercase value is false", `{"Variable":"$.tsLower","TimestampEquals":"2001-01-01T12:00:00Z"}`, false},
		{"Timestamp on plain string is false", `{"Variable":"$.s","TimestampLessThan":"2001-01-01T12:00:00Z"}`, false},
		{"NumericEquals on array is false", `{"Variable":"$.arr","NumericEquals":1}`, false},
		{"indefinite variable compares as array", `{"Variable":"$.arr[*]","NumericEquals":1}`, false},
	}
	input := decode(t, matchInput)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := ParseCondition(decodeRule(t, tt.rule), "/States/C/Choices/0")
			if err != nil {
				t.Fatalf("ParseCondition(%s): %v", tt.rule, err)
			}
			got, err := r.Match(input)
			if err != nil {
				t.Fatalf("Match(%s): %v", tt.rule, err)
			}
			if got != tt.want {
				t.Errorf("Match(%s) = %v, want %v", tt.rule, got, tt.want)
			}
		})
	}
}

func TestMatchTypeTests(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, rule string
		want       bool
	}{
		{"IsPresent present", `{"Variable":"$.s","IsPresent":true}`, true},
		{"IsPresent missing", `{"Variable":"$.missing","IsPresent":true}`, false},
		{"IsPresent false missing", `{"Variable":"$.missing.deeper","IsPresent":false}`, true},
		{"IsPresent null value", `{"Variable":"$.nul","IsPresent":true}`, true},
		{"IsPresent empty wildcard", `{"Variable":"$.obj.none[*]","IsPresent":true}`, false},
		{"IsNull", `{"Variable":"$.nul","IsNull":true}`, true},
		{"IsNull not null", `{"Variable":"$.s","IsNull":true}`, false},
		{"IsNull false", `{"Variable":"$.s","IsNull":false}`, true},
		{"IsNumeric", `{"Variable":"$.f","IsNumeric":true}`, true},
		{"IsNumeric string digits", `{"Variable":"$.other.sNum","IsNumeric":true}`, false},
		{"IsString", `{"Variable":"$.empty","IsString":true}`, true},
		{"IsString object", `{"Variable":"$.obj","IsString":true}`, false},
		{"IsBoolean", `{"Variable":"$.fl","IsBoolean":true}`, true},
		{"IsBoolean false on null", `{"Variable":"$.nul","IsBoolean":false}`, true},
		{"IsTimestamp", `{"Variable":"$.tsFrac","IsTimestamp":true}`, true},
		{"IsTimestamp lowercase", `{"Variable":"$.tsLower","IsTimestamp":true}`, false},
		{"IsTimestamp number", `{"Variable":"$.n","IsTimestamp":true}`, false},
	}
	input := decode(t, matchInput)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := ParseCondition(decodeRule(t, tt.rule), "/States/C/Choices/0")
			if err != nil {
				t.Fatalf("ParseCondition(%s): %v", tt.rule, err)
			}
			got, err := r.Match(input)
			if err != nil {
				t.Fatalf("Match(%s): %v", tt.rule, err)
			}
			if got != tt.want {
				t.Errorf("Match(%s) = %v, want %v", tt.rule, got, tt.want)
			}
		})
	}
}

// TestAWSChoiceExample is the Choice state example of the Step Functions
// developer guide: input {"type":"Private","value":22} goes to
// ValueInTwenties.
func TestAWSChoiceExample(t *testing.T) {
	t.Parallel()
	rules := []string{
		`{"Not":{"Variable":"$.type","StringEquals":"Private"},"Next":"Public"}`,
		`{"Variable":"$.value","NumericEquals":0,"Next":"ValueIsZero"}`,
		`{"And":[{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}],"Next":"ValueInTwenties"}`,
	}
	tests := []struct{ input, want string }{
		{`{"type":"Private","value":22}`, "ValueInTwenties"},
		{`{"type":"Public","value":22}`, "Public"},
		{`{"type":"Private","value":0}`, "ValueIsZero"},
		{`{"type":"Private","value":30}`, ""},
	}
	parsed := make([]*Rule, len(rules))
	for i, s := range rules {
		r, err := Parse(decodeRule(t, s), "/States/ChoiceStateX/Choices/"+string(rune('0'+i)))
		if err != nil {
			t.Fatal(err)
		}
		parsed[i] = r
	}
	for _, tt := range tests {
		input := decode(t, tt.input)
		got := ""
		for _, r := range parsed {
			ok, err := r.Match(input)
			if err != nil {
				t.Fatalf("Match(%s): %v", tt.input, err)
			}
			if ok {
				got = r.Next()
				break
			}
		}
		if got != tt.want {
			t.Errorf("input %s chose %q, want %q", tt.input, got, tt.want)
		}
	}
}

func TestMatchCombinators(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, rule string
		want       bool
	}{
		{"And true", `{"And":[{"Variable":"$.n","NumericEquals":22},{"Variable":"$.t","BooleanEquals":true}]}`, true},
		{"And false", `{"And":[{"Variable":"$.n","NumericEquals":22},{"Variable":"$.t","BooleanEquals":false}]}`, false},
		{"And short-circuits before missing", `{"And":[{"Variable":"$.n","NumericEquals":0},{"Variable":"$.missing","NumericEquals":1}]}`, false},
		{"Or", `{"Or":[{"Variable":"$.n","NumericEquals":0},{"Variable":"$.s","StringMatches":"*ABC"}]}`, true},
		{"Or none", `{"Or":[{"Variable":"$.n","NumericEquals":0},{"Variable":"$.s","StringEquals":"x"}]}`, false},
		{"Or short-circuits before missing", `{"Or":[{"Variable":"$.n","NumericEquals":22},{"Variable":"$.missing","NumericEquals":1}]}`, true},
		{"Not", `{"Not":{"Variable":"$.s","StringEquals":"x"}}`, true},
		{"Not IsPresent", `{"Not":{"Variable":"$.missing","IsPresent":true}}`, true},
		{"deeply nested", `{"Not":{"And":[{"Or":[{"Variable":"$.nul","IsNull":true}]},{"Not":{"Variable":"$.f","NumericLessThan":1}}]}}`, false},
		{"context variable", `{"Variable":"$$.Execution.Name","StringEquals":"exec-1"}`, true},
	}
	input := decode(t, matchInput)
	ctx := decode(t, `{"Execution":{"Name":"exec-1"}}`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := ParseCondition(decodeRule(t, tt.rule), "/States/C/Choices/0")
			if err != nil {
				t.Fatalf("ParseCondition(%s): %v", tt.rule, err)
			}
			got, err := r.MatchContext(input, ctx)
			if err != nil {
				t.Fatalf("Match(%s): %v", tt.rule, err)
			}
			if got != tt.want {
				t.Errorf("Match(%s) = %v, want %v", tt.rule, got, tt.want)
			}
		})
	}
}

func TestMatchMissingVariable(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, rule, path string }{
		{"comparison", `{"Variable":"$.missing","StringEquals":"x"}`, "$.missing"},
		{"IsNull", `{"Variable":"$.missing","IsNull":true}`, "$.missing"},
		{"IsString false", `{"Variable":"$.missing","IsString":false}`, "$.missing"},
		{"through scalar", `{"Variable":"$.s.x","NumericEquals":1}`, "$.s.x"},
		{"Path operand", `{"Variable":"$.n","NumericEqualsPath":"$.nope"}`, "$.nope"},
		{"inside Not", `{"Not":{"Variable":"$.missing","BooleanEquals":true}}`, "$.missing"},
		{"inside And", `{"And":[{"Variable":"$.n","NumericEquals":22},{"Variable":"$.missing","NumericEquals":1}]}`, "$.missing"},
		{"context without context", `{"Variable":"$$.Execution.Name","StringEquals":"x"}`, "$$.Execution.Name"},
	}
	input := decode(t, matchInput)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := ParseCondition(decodeRule(t, tt.rule), "/States/C/Choices/0")
			if err != nil {
				t.Fatalf("ParseCondition(%s): %v", tt.rule, err)
			}
			got, err := r.Match(input)
			if err == nil {
				t.Fatalf("Match(%s) = %v, want an error", tt.rule, got)
			}
			if !errors.Is(err, jsonpath.ErrNoMatch) {
				t.Errorf("error %v does not wrap jsonpath.ErrNoMatch", err)
			}
			want := "Invalid path '" + tt.path + "': The choice state's condition path references an invalid value."
			if err.Error() != want {
				t.Errorf("error = %q, want %q", err, want)
			}
			if strings.Contains(err.Error(), "jsonpath:") {
				t.Errorf("error %q leaks internals", err)
			}
		})
	}
}
