package jsonvalue_test

import (
	"encoding/json"
	"testing"

	"github.com/payflow-dev/payflow/localaws/asl/jsonvalue"
)

func TestEqual(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a, b any
		want bool
	}{
		{"numbers by value", json.Number("1"), json.Number("1.0"), true},
		{"number and Go int", json.Number("42"), 42, true},
		{"different numbers", json.Number("1"), json.Number("2"), false},
		{"number is not its string", json.Number("1"), "1", false},
		{"null only equals null", nil, false, false},
		{"arrays element by element", []any{"a", json.Number("2")}, []any{"a", json.Number("2.0")}, true},
		{"arrays in order", []any{"a", "b"}, []any{"b", "a"}, false},
		{"objects key by key", map[string]any{"a": true}, map[string]any{"a": true}, true},
		{"object missing a key", map[string]any{"a": true}, map[string]any{"b": true}, false},
		{"object and array", map[string]any{}, []any{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := jsonvalue.Equal(tc.a, tc.b); got != tc.want {
				t.Errorf("Equal(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
			if got := jsonvalue.Equal(tc.b, tc.a); got != tc.want {
				t.Errorf("Equal(%v, %v) = %v, want %v (not symmetric)", tc.b, tc.a, got, tc.want)
			}
		})
	}
}

func TestTypeNameAndFloat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v       any
		name    string
		isFloat bool
	}{
		{nil, "null", false},
		{true, "a boolean", false},
		{"x", "a string", false},
		{[]any{}, "an array", false},
		{map[string]any{}, "an object", false},
		{json.Number("2.5"), "a number", true},
		{json.Number("not-a-number"), "a json.Number", false},
	}
	for _, tc := range tests {
		if got := jsonvalue.TypeName(tc.v); got != tc.name {
			t.Errorf("TypeName(%#v) = %q, want %q", tc.v, got, tc.name)
		}
		if _, ok := jsonvalue.Float(tc.v); ok != tc.isFloat {
			t.Errorf("Float(%#v) ok = %v, want %v", tc.v, ok, tc.isFloat)
		}
	}
}
