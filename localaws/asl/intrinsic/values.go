package intrinsic

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/payflow-dev/payflow/localaws/asl/jsonvalue"
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

func wrongType(i int, want string, got any) error {
	return fmt.Errorf("the %s argument must be %s, got %s", ordinal(i), want, jsonvalue.TypeName(got))
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
	f, ok := jsonvalue.Float(args[i])
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

func intValue(n int64) json.Number { return json.Number(strconv.FormatInt(n, 10)) }
