package jsonvalue

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Float reads a JSON number, also accepting the Go numeric types callers may
// build values with, and reports whether v was a number.
func Float(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(n), 64)
		return f, err == nil
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}

// Equal is JSON equality: numbers by value (so 1 equals 1.0), strings and
// booleans exactly, arrays element by element, objects key by key.
func Equal(a, b any) bool {
	switch av := a.(type) {
	case nil:
		return b == nil
	case bool:
		bv, ok := b.(bool)
		return ok && av == bv
	case string:
		bv, ok := b.(string)
		return ok && av == bv
	case []any:
		bv, ok := b.([]any)
		if !ok || len(av) != len(bv) {
			return false
		}
		for i := range av {
			if !Equal(av[i], bv[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok || len(av) != len(bv) {
			return false
		}
		for k, x := range av {
			if y, ok := bv[k]; !ok || !Equal(x, y) {
				return false
			}
		}
		return true
	}
	af, aok := Float(a)
	bf, bok := Float(b)
	return aok && bok && af == bf
}

// TypeName names a value's JSON type for error messages, with its article:
// "a string", "an array", "null".
func TypeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	if _, ok := Float(v); ok {
		return "a number"
	}
	return fmt.Sprintf("a %T", v)
}
