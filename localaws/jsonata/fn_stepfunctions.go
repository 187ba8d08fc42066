package jsonata

import (
	"crypto/rand"
	"fmt"
	"math"

	"github.com/payflow-dev/payflow/localaws/asl/digest"
)

// stepFunctionsDef is a function AWS Step Functions adds to JSONata
// (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
// They check their own arguments, naming the first surplus one as AWS
// does.
func stepFunctionsDef(name string) (string, builtinFunc) {
	switch name {
	case "partition":
		return "", fnPartition
	case "range":
		return "", fnRange
	case "hash":
		return "", fnHash
	case "random":
		return "", fnSeededRandom
	case "uuid":
		return "", fnUUID
	case "parse":
		return "", fnParse
	}
	return "", nil
}

func signatureError(name string, index int) error {
	return errAt("T0410", 0, map[string]any{"index": float64(index), "token": name})
}

func argAt(args []any, i int) any {
	if i < len(args) {
		return args[i]
	}
	return nil
}

func surplus(args []any, name string, max int) error {
	if len(args) > max {
		return signatureError(name, max+1)
	}
	return nil
}

// towardsZero reads an integer argument, truncating a fraction as AWS does.
func towardsZero(v any, name string, index int) (int64, error) {
	f, ok := v.(float64)
	if !ok {
		return 0, signatureError(name, index)
	}
	return int64(f), nil
}

// fnPartition is $partition(array, size): the array in chunks of size.
func fnPartition(_ *evaluator, args []any, _ any) (any, error) {
	if err := surplus(args, "partition", 2); err != nil {
		return nil, err
	}
	if argAt(args, 0) == nil {
		return nil, nil
	}
	arr, ok := args[0].(*array)
	if !ok {
		return nil, errAt("T0412", 0, map[string]any{"index": 1.0, "token": "partition", "type": "values"})
	}
	if len(arr.items) == 0 {
		return nil, nil
	}
	if argAt(args, 1) == nil {
		return &array{items: []any{arr}}, nil
	}
	size, err := towardsZero(args[1], "partition", 2)
	if err != nil {
		return nil, err
	}
	if size < 0 {
		return nil, &Error{Code: "D3137", Message: "Second argument must be zero or greater"}
	}
	if size == 0 {
		return nil, nil
	}
	out := &array{}
	for i := 0; i < len(arr.items); i += int(size) {
		end := min(i+int(size), len(arr.items))
		out.items = append(out.items, &array{items: append([]any(nil), arr.items[i:end]...)})
	}
	return out, nil
}

// fnRange is $range(start, end, step): start, start+step, ... up to end.
func fnRange(_ *evaluator, args []any, _ any) (any, error) {
	if err := surplus(args, "range", 3); err != nil {
		return nil, err
	}
	start, err := towardsZero(argAt(args, 0), "range", 1)
	if err != nil {
		return nil, err
	}
	end, err := towardsZero(argAt(args, 1), "range", 2)
	if err != nil {
		return nil, err
	}
	if argAt(args, 2) == nil {
		return nil, nil
	}
	step, err := towardsZero(args[2], "range", 3)
	if err != nil {
		return nil, err
	}
	if step == 0 || (step > 0 && start > end) || (step < 0 && start < end) {
		return nil, nil
	}
	if start == end {
		return float64(start), nil
	}
	n := (end-start)/step + 1
	if n > 1e7 {
		return nil, errAt("D2014", 0, map[string]any{"value": fmt.Sprint(n)})
	}
	// A sequence: a single value comes back unwrapped, as on AWS, where
	// $range(1, 9, 9) gives 1 (LocalStack's AWS-validated
	// intrinsic_functions/test_array_jsonata.snapshot.json,
	// TestArrayJSONata::test_array_range).
	out := &array{items: make([]any, 0, n), sequence: true}
	for i, v := int64(0), start; i < n; i, v = i+1, v+step {
		out.items = append(out.items, float64(v))
	}
	return out, nil
}

// fnHash is $hash(text, algorithm): the hex digest of text's UTF-8.
func fnHash(_ *evaluator, args []any, _ any) (any, error) {
	if err := surplus(args, "hash", 2); err != nil {
		return nil, err
	}
	s, ok := argAt(args, 0).(string)
	if !ok {
		return nil, signatureError("hash", 1)
	}
	if argAt(args, 1) == nil {
		return nil, nil
	}
	alg, ok := args[1].(string)
	if !ok {
		return nil, signatureError("hash", 2)
	}
	sum, ok := digest.Hex(alg, s)
	if !ok {
		return nil, &Error{Code: "D3137", Message: "Hash algorithm '" + alg + "' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5"}
	}
	return sum, nil
}

// fnSeededRandom is $random(seed?): with a seed, the first double of
// java.util.Random seeded with it, which is what AWS returns.
func fnSeededRandom(ev *evaluator, args []any, _ any) (any, error) {
	if err := surplus(args, "random", 1); err != nil {
		return nil, err
	}
	if argAt(args, 0) == nil {
		return ev.random(), nil
	}
	seed, err := towardsZero(args[0], "random", 1)
	if err != nil {
		return nil, err
	}
	return javaRandomDouble(seed), nil
}

// javaRandomDouble is new java.util.Random(seed).nextDouble().
func javaRandomDouble(seed int64) float64 {
	const mult, mask = 0x5DEECE66D, (1 << 48) - 1
	s := (seed ^ mult) & mask
	next := func(bits uint) int64 {
		s = (s*mult + 0xB) & mask
		return s >> (48 - bits)
	}
	hi := next(26)
	lo := next(27)
	return float64(hi<<27+lo) * math.Pow(2, -53)
}

func fnUUID(ev *evaluator, args []any, _ any) (any, error) {
	if err := surplus(args, "uuid", 0); err != nil {
		return nil, err
	}
	if ev.opts.UUID != nil {
		return ev.opts.UUID(), nil
	}
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:]), nil
}

// fnParse is $parse(text): the JSON value text holds.
func fnParse(_ *evaluator, args []any, _ any) (any, error) {
	if err := surplus(args, "parse", 1); err != nil {
		return nil, err
	}
	if argAt(args, 0) == nil {
		return nil, nil
	}
	s, ok := args[0].(string)
	if !ok {
		return nil, signatureError("parse", 1)
	}
	v, err := parseJSON(s)
	if err != nil {
		return nil, &Error{Code: "D3137", Message: "Invalid JSON"}
	}
	return v, nil
}
