package intrinsic

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// ordinal names an argument position in error messages, 0-based in.
func ordinal(i int) string {
	switch i {
	case 0:
		return "first"
	case 1:
		return "second"
	case 2:
		return "third"
	}
	return strconv.Itoa(i+1) + "th"
}

// typeName names a decoded JSON value's type for error messages.
func typeName(v any) string {
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
	if _, ok := toFloat(v); ok {
		return "a number"
	}
	return fmt.Sprintf("a %T", v)
}

func wrongType(i int, want string, got any) error {
	return fmt.Errorf("the %s argument must be %s, got %s", ordinal(i), want, typeName(got))
}

func stringArg(args []any, i int) (string, error) {
	s, ok := args[i].(string)
	if !ok {
		return "", wrongType(i, "a string", args[i])
	}
	return s, nil
}

func arrayArg(args []any, i int) ([]any, error) {
	a, ok := args[i].([]any)
	if !ok {
		return nil, wrongType(i, "an array", args[i])
	}
	return a, nil
}

func objectArg(args []any, i int) (map[string]any, error) {
	m, ok := args[i].(map[string]any)
	if !ok {
		return nil, wrongType(i, "a JSON object", args[i])
	}
	return m, nil
}

// intArg reads an integer argument. With round set, a fractional number is
// rounded to the nearest integer, halves upwards as Java's Math.round does
// (States.MathAdd and States.MathRandom); otherwise it is an error.
func intArg(args []any, i int, round bool) (int64, error) {
	f, ok := toFloat(args[i])
	if !ok {
		return 0, wrongType(i, "an integer", args[i])
	}
	if round {
		f = math.Floor(f + 0.5)
	}
	if f != math.Trunc(f) || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, wrongType(i, "an integer", args[i])
	}
	if f < -(1<<53) || f > 1<<53 {
		return 0, fmt.Errorf("the %s argument %v is too large", ordinal(i), args[i])
	}
	return int64(f), nil
}

// toFloat reads a JSON number, also accepting Go numeric types.
func toFloat(v any) (float64, bool) {
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

func intValue(n int64) json.Number { return json.Number(strconv.FormatInt(n, 10)) }

// equal is JSON equality: numbers by value, containers element by element.
func equal(a, b any) bool {
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
			if !equal(av[i], bv[i]) {
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
			if y, ok := bv[k]; !ok || !equal(x, y) {
				return false
			}
		}
		return true
	}
	af, aok := toFloat(a)
	bf, bok := toFloat(b)
	return aok && bok && af == bf
}
