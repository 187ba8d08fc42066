package jsonata

import (
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
)

func fnNumber(_ *evaluator, args []any, _ any) (any, error) {
	switch x := args[0].(type) {
	case nil:
		return nil, nil
	case float64:
		return x, nil
	case bool:
		if x {
			return 1.0, nil
		}
		return 0.0, nil
	case string:
		if f, ok := parseNumber(x); ok {
			return f, nil
		}
	}
	return nil, errAt("D3030", 0, map[string]any{"value": args[0]})
}

// parseNumber reads a JSON number, or a 0x/0o/0b integer, as $number does.
func parseNumber(s string) (float64, bool) {
	if isJSONNumber(s) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil && !math.IsInf(f, 0)
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			i, err := strconv.ParseInt(s[2:], base, 64)
			return float64(i), err == nil
		}
	}
	return 0, false
}

// isJSONNumber reports whether s is a number as $number reads one: an
// optional minus, digits (leading zeros allowed, unlike JSON), an
// optional fraction and an optional exponent.
func isJSONNumber(s string) bool {
	return numberText.MatchString(s)
}

var numberText = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$`)

func numArg(args []any, i int) (float64, bool) {
	f, ok := args[i].(float64)
	return f, ok
}

func fnAbs(_ *evaluator, args []any, _ any) (any, error) {
	if f, ok := numArg(args, 0); ok {
		return math.Abs(f), nil
	}
	return nil, nil
}

func fnFloor(_ *evaluator, args []any, _ any) (any, error) {
	if f, ok := numArg(args, 0); ok {
		return math.Floor(f), nil
	}
	return nil, nil
}

func fnCeil(_ *evaluator, args []any, _ any) (any, error) {
	if f, ok := numArg(args, 0); ok {
		return math.Ceil(f), nil
	}
	return nil, nil
}

func fnRound(_ *evaluator, args []any, _ any) (any, error) {
	f, ok := numArg(args, 0)
	if !ok {
		return nil, nil
	}
	p, _ := numArg(args, 1)
	return roundHalfEven(f, int(p)), nil
}

func fnPower(_ *evaluator, args []any, _ any) (any, error) {
	b, ok := numArg(args, 0)
	if !ok {
		return nil, nil
	}
	e, _ := numArg(args, 1)
	r := math.Pow(b, e)
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return nil, errAt("D3061", 0, map[string]any{"value": b, "exp": e})
	}
	return r, nil
}

func fnSqrt(_ *evaluator, args []any, _ any) (any, error) {
	f, ok := numArg(args, 0)
	if !ok {
		return nil, nil
	}
	if f < 0 {
		return nil, errAt("D3060", 0, map[string]any{"value": f})
	}
	return math.Sqrt(f), nil
}

func (ev *evaluator) random() float64 {
	if ev.opts.Random != nil {
		return ev.opts.Random()
	}
	return rand.Float64()
}

func fnRandom(ev *evaluator, _ []any, _ any) (any, error) { return ev.random(), nil }

// numbers reads the numbers of an aggregation's array argument.
func numbers(v any) []float64 {
	arr, ok := v.(*array)
	if !ok {
		return nil
	}
	out := make([]float64, 0, len(arr.items))
	for _, e := range arr.items {
		if f, ok := e.(float64); ok {
			out = append(out, f)
		}
	}
	return out
}

func fnSum(_ *evaluator, args []any, _ any) (any, error) {
	if args[0] == nil {
		return nil, nil
	}
	total := 0.0
	for _, f := range numbers(args[0]) {
		total += f
	}
	return total, nil
}

func extreme(args []any, better func(a, b float64) bool) (any, error) {
	ns := numbers(args[0])
	if len(ns) == 0 {
		return nil, nil
	}
	m := ns[0]
	for _, f := range ns[1:] {
		if better(f, m) {
			m = f
		}
	}
	return m, nil
}

func fnMax(_ *evaluator, args []any, _ any) (any, error) {
	return extreme(args, func(a, b float64) bool { return a > b })
}

func fnMin(_ *evaluator, args []any, _ any) (any, error) {
	return extreme(args, func(a, b float64) bool { return a < b })
}

func fnAverage(_ *evaluator, args []any, _ any) (any, error) {
	ns := numbers(args[0])
	if len(ns) == 0 {
		return nil, nil
	}
	total := 0.0
	for _, f := range ns {
		total += f
	}
	return total / float64(len(ns)), nil
}

func fnCount(_ *evaluator, args []any, _ any) (any, error) {
	arr, ok := args[0].(*array)
	if !ok {
		return 0.0, nil
	}
	return float64(len(arr.items)), nil
}

func fnBoolean(_ *evaluator, args []any, _ any) (any, error) {
	if args[0] == nil {
		return nil, nil
	}
	return truthy(args[0]), nil
}

func fnNot(_ *evaluator, args []any, _ any) (any, error) {
	if args[0] == nil {
		return nil, nil
	}
	return !truthy(args[0]), nil
}

func fnExists(_ *evaluator, args []any, _ any) (any, error) { return args[0] != nil, nil }
