package jsonata

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTopLevelNames checks which field references read the context item
// at the top level, which Step Functions refuses at CreateStateMachine
// ("Reference to 'phone' at the top level is not supported.", as AWS
// answers; reported by floci-io/floci#2670 from AWS).
func TestTopLevelNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr string
		want       []string
	}{
		{"bare name", `phone`, []string{"phone"}},
		{"path from a name", `phone.number`, []string{"phone"}},
		{"inside an object and a call", `{"a": $count(items), "b": phone & items}`, []string{"items", "phone"}},
		{"variables and $states", `$states.input.items[price > 5].sku & $x.y`, nil},
		{"later steps and predicates", `$states.input.(a.b)[c = d]^(e){f: g}`, nil},
		{"lambda body", `$map($states.input.items, function($v){ sku })`, nil},
		{"transform", `$states.input ~> |items|{"n": qty}, "x"|`, nil},
		{"condition and block", `($t := total; flag ? a : b)`, []string{"total", "flag", "a", "b"}},
		{"predicate on a name", `items[0]`, []string{"items"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := mustCompile(t, tc.expr).TopLevelNames()
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.expr, d)
			}
		})
	}
}
