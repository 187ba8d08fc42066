package choice

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseNext(t *testing.T) {
	t.Parallel()
	r, err := Parse(decodeRule(t, `{"Variable":"$.a","IsPresent":true,"Next":"Done","Comment":"why"}`), "/States/C/Choices/0")
	if err != nil {
		t.Fatal(err)
	}
	if r.Next() != "Done" {
		t.Errorf("Next() = %q, want Done", r.Next())
	}
	c, err := ParseCondition(decodeRule(t, `{"Variable":"$.a","IsPresent":true}`), "/x")
	if err != nil {
		t.Fatal(err)
	}
	if c.Next() != "" {
		t.Errorf("ParseCondition(...).Next() = %q, want empty", c.Next())
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	const loc = "/States/Check/Choices/0"
	tests := []struct {
		name, rule string
		want       ValidationError
	}{
		{"no Next", `{"Variable":"$.a","StringEquals":"x"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "These fields are required: [Next]", loc}},
		{"Next not string", `{"Variable":"$.a","StringEquals":"x","Next":1}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: String", loc + "/Next"}},
		{"empty Next", `{"Variable":"$.a","StringEquals":"x","Next":""}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Value is not a valid state name", loc + "/Next"}},
		{"unknown operator", `{"Variable":"$.a","StringContains":"x","Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The field 'StringContains' is not supported by Step Functions", loc}},
		{"BooleanLessThan", `{"Variable":"$.a","BooleanLessThan":true,"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The field 'BooleanLessThan' is not supported by Step Functions", loc}},
		{"StringMatchesPath", `{"Variable":"$.a","StringMatchesPath":"$.b","Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The field 'StringMatchesPath' is not supported by Step Functions", loc}},
		{"no operator", `{"Variable":"$.a","Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The choice rule has no comparison operator: it needs one of And, Or, Not, a comparison such as StringEquals, or a test such as IsPresent", loc}},
		{"two operators", `{"Variable":"$.a","StringEquals":"x","IsNull":true,"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The choice rule has more than one comparison operator: [IsNull, StringEquals]", loc}},
		{"missing Variable", `{"NumericEquals":1,"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "These fields are required: [Variable]", loc}},
		{"Variable not path", `{"Variable":"a.b","NumericEquals":1,"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The value for the field 'Variable' must be a valid JSONPath", loc + "/Variable"}},
		{"Variable not string", `{"Variable":1,"NumericEquals":1,"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: String", loc + "/Variable"}},
		{"string operand type", `{"Variable":"$.a","StringEquals":1,"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: String", loc + "/StringEquals"}},
		{"numeric operand type", `{"Variable":"$.a","NumericLessThan":"1","Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: Number", loc + "/NumericLessThan"}},
		{"boolean operand type", `{"Variable":"$.a","BooleanEquals":"true","Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: Boolean", loc + "/BooleanEquals"}},
		{"timestamp operand format", `{"Variable":"$.a","TimestampEquals":"2001-01-01 12:00:00Z","Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The value for the field 'TimestampEquals' must be an RFC3339 timestamp with an uppercase T and Z, such as 2016-08-18T17:33:00Z", loc + "/TimestampEquals"}},
		{"timestamp operand type", `{"Variable":"$.a","TimestampEquals":5,"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: String", loc + "/TimestampEquals"}},
		{"path operand invalid", `{"Variable":"$.a","NumericEqualsPath":"b","Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The value for the field 'NumericEqualsPath' must be a valid JSONPath", loc + "/NumericEqualsPath"}},
		{"type test operand", `{"Variable":"$.a","IsPresent":"yes","Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: Boolean", loc + "/IsPresent"}},
		{"And empty", `{"And":[],"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The array must contain at least one choice rule", loc + "/And"}},
		{"Or not array", `{"Or":{},"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: Array", loc + "/Or"}},
		{"And element not object", `{"And":[1],"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: Object", loc + "/And/0"}},
		{"nested Next", `{"Or":[{"Variable":"$.a","IsNull":true},{"Variable":"$.a","IsNull":false,"Next":"X"}],"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Nested choice rules must not contain the field 'Next'", loc + "/Or/1"}},
		{"nested in Not", `{"Not":{"And":[{"Variable":"$.a","Bogus":1}]},"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The field 'Bogus' is not supported by Step Functions", loc + "/Not/And/0"}},
		{"Not not object", `{"Not":[],"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: Object", loc + "/Not"}},
		{"Variable with And", `{"Variable":"$.a","And":[{"Variable":"$.a","IsNull":true}],"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "The field 'Variable' is not supported together with 'And'", loc}},
		{"Comment not string", `{"Variable":"$.a","IsNull":true,"Comment":1,"Next":"N"}`,
			ValidationError{"SCHEMA_VALIDATION_FAILED", "Expected value of type: String", loc + "/Comment"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse(decodeRule(t, tt.rule), loc)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Parse(%s) error = %v, want a *ValidationError", tt.rule, err)
			}
			if diff := cmp.Diff(tt.want, *ve); diff != "" {
				t.Errorf("Parse(%s) error mismatch (-want +got):\n%s", tt.rule, diff)
			}
		})
	}
}

func TestValidationErrorText(t *testing.T) {
	t.Parallel()
	_, err := Parse(decodeRule(t, `{"Variable":"$.a","StringEquals":"x"}`), "/States/Check/Choices/0")
	want := "SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at /States/Check/Choices/0"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
