package jsonata

import (
	"encoding/json"
	"errors"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStepFunctionsFunctions checks the functions AWS adds to JSONata.
// Expectations come from https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
// ($partition and $range examples, the hash algorithms), from
// java.util.Random's specified algorithm for $random with a seed (the
// generator AWS uses), and from the digests' standards for $hash.
func TestStepFunctionsFunctions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr string
		want       string // JSON; "" means undefined
		wantCode   string
	}{
		{"partition example", "$partition([1,2,3,4,5,6,7,8,9], 3)", "[[1,2,3],[4,5,6],[7,8,9]]", ""},
		{"partition remainder", "$partition([1,2,3,4,5], 2)", "[[1,2],[3,4],[5]]", ""},
		{"partition negative size", "$partition([1,2], -2)", "", "D3137"},
		{"range example", "$range(0, 10, 2)", "[0,2,4,6,8,10]", ""},
		{"range downwards", "$range(10, 0, -5)", "[10,5,0]", ""},
		{"range of one is the number", "$range(3, 3, 1)", "3", ""},
		// AWS answers 1 here (LocalStack's AWS-validated
		// intrinsic_functions/test_array_jsonata.snapshot.json,
		// TestArrayJSONata::test_array_range, exec_hist_resp_2).
		{"range whose step passes the end is the start", "$range(1, 9, 9)", "1", ""},
		{"range of several stays an array", "$range(1, 9, 2)", "[1,3,5,7,9]", ""},
		{"range with surplus argument", "$range(1, 2, 1, 4)", "", "T0410"},
		{"hash sha-256", "$hash('hello', 'SHA-256')", `"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"`, ""},
		{"hash md5", "$hash('hello', 'MD5')", `"5d41402abc4b2a76b9719d911017c592"`, ""},
		{"hash unknown algorithm", "$hash('hello', 'SHA-3')", "", "D3137"},
		{"seeded random is java.util.Random", "$random(42)", "0.7275636800328681", ""},
		{"parse", `$parse('{"a":[1,null]}')`, `{"a":[1,null]}`, ""},
		{"parse invalid", "$parse('{')", "", "D3137"},
		{"eval is not there", "$eval('1')", "", "T1006"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := Compile(tc.expr)
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := e.Evaluate(nil, nil, &Options{StepFunctions: true})
			if tc.wantCode != "" {
				var je *Error
				if !errors.As(err, &je) || je.Code != tc.wantCode {
					t.Fatalf("error = %v, want code %s", err, tc.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				if ok {
					t.Fatalf("got %v, want undefined", got)
				}
				return
			}
			var want, have any
			if err := json.Unmarshal([]byte(tc.want), &want); err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(got)
			if err := json.Unmarshal(b, &have); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, have); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.expr, d)
			}
		})
	}
}

func TestUUIDIsVersion4(t *testing.T) {
	t.Parallel()
	e, err := Compile("$uuid()")
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := e.Evaluate(nil, nil, &Options{StepFunctions: true})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := v.(string)
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(s) {
		t.Errorf("$uuid() = %q, want a version 4 UUID", s)
	}
}
