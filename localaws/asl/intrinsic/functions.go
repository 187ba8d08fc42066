package intrinsic

import "fmt"

// function describes one intrinsic: how many arguments it takes, an optional
// check of its literal arguments at compile time, and its implementation.
type function struct {
	minArgs, maxArgs int // maxArgs < 0: no limit
	check            func(args []arg) error
	impl             func(ev *evaluator, c *call, args []any) (any, error)
}

// lookup returns the function named name, or nil. It is a switch rather
// than a map so that the package holds no mutable state.
func lookup(name string) *function {
	switch name {
	case "States.Format":
		return &function{1, -1, checkFormat, format}
	case "States.StringToJson":
		return &function{1, 1, nil, stringToJSON}
	case "States.JsonToString":
		return &function{1, 1, checkJSONToString, jsonToString}
	case "States.Array":
		return &function{0, -1, nil, array}
	case "States.ArrayPartition":
		return &function{2, 2, nil, arrayPartition}
	case "States.ArrayContains":
		return &function{2, 2, nil, arrayContains}
	case "States.ArrayRange":
		return &function{3, 3, nil, arrayRange}
	case "States.ArrayGetItem":
		return &function{2, 2, nil, arrayGetItem}
	case "States.ArrayLength":
		return &function{1, 1, nil, arrayLength}
	case "States.ArrayUnique":
		return &function{1, 1, nil, arrayUnique}
	case "States.Base64Encode":
		return &function{1, 1, nil, base64Encode}
	case "States.Base64Decode":
		return &function{1, 1, nil, base64Decode}
	case "States.Hash":
		return &function{2, 2, nil, hashString}
	case "States.JsonMerge":
		return &function{3, 3, nil, jsonMerge}
	case "States.MathRandom":
		return &function{2, 3, nil, mathRandom}
	case "States.MathAdd":
		return &function{2, 2, nil, mathAdd}
	case "States.StringSplit":
		return &function{2, 2, nil, stringSplit}
	case "States.UUID":
		return &function{0, 0, nil, uuid}
	}
	return nil
}

func (f *function) checkArity(n int) error {
	switch {
	case f.maxArgs >= 0 && f.minArgs == f.maxArgs && n != f.minArgs:
		return fmt.Errorf("takes %d argument(s), got %d", f.minArgs, n)
	case n < f.minArgs:
		return fmt.Errorf("takes at least %d argument(s), got %d", f.minArgs, n)
	case f.maxArgs >= 0 && n > f.maxArgs:
		return fmt.Errorf("takes at most %d argument(s), got %d", f.maxArgs, n)
	}
	return nil
}
