package intrinsic

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// stringToJSON parses a string holding JSON text.
func stringToJSON(_ *evaluator, _ *call, args []any) (any, error) {
	s, err := stringArg(args, 0)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		// Step Functions returns null for an empty or blank string
		// (recorded on AWS, issue 13).
		return nil, nil
	}
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, fmt.Errorf("the string is not valid JSON: %v", err)
	}
	if d.More() {
		return nil, errors.New("the string holds more than one JSON value")
	}
	return v, nil
}

// checkJSONToString rejects a literal argument: Step Functions requires a
// path (or a nested call) here.
func checkJSONToString(args []arg) error {
	if args[0].kind == argLiteral {
		return errors.New("the argument must be a path")
	}
	return nil
}

// jsonToString renders a value as compact JSON text. Object members come
// out in key order, since decoded objects keep no order.
func jsonToString(_ *evaluator, _ *call, args []any) (any, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(args[0]); err != nil {
		return nil, err
	}
	return string(bytes.TrimRight(b.Bytes(), "\n")), nil
}

// jsonMerge merges two objects shallowly: members of the second replace
// those of the first. Deep merging is not supported by Step Functions, so
// the third argument must be false.
func jsonMerge(_ *evaluator, _ *call, args []any) (any, error) {
	a, err := objectArg(args, 0)
	if err != nil {
		return nil, err
	}
	b, err := objectArg(args, 1)
	if err != nil {
		return nil, err
	}
	deep, ok := args[2].(bool)
	if !ok {
		return nil, wrongType(2, "a boolean", args[2])
	}
	if deep {
		return nil, errors.New("deep merge is not supported: the third argument must be false")
	}
	out := make(map[string]any, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out, nil
}
