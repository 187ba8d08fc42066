package intrinsic

import (
	"errors"
	"fmt"

	"github.com/payflow-dev/payflow/localaws/asl/jsonvalue"
)

// maxRangeItems is the largest array States.ArrayRange may build.
const maxRangeItems = 1000

// array builds a JSON array of its arguments, in order.
func array(_ *evaluator, _ *call, args []any) (any, error) {
	out := make([]any, len(args))
	copy(out, args)
	return out, nil
}

// arrayPartition splits an array into chunks of the given size; the last
// chunk holds what is left.
func arrayPartition(_ *evaluator, _ *call, args []any) (any, error) {
	a, err := arrayArg(args, 0)
	if err != nil {
		return nil, err
	}
	size, err := intArg(args, 1, false)
	if err != nil {
		return nil, err
	}
	if size <= 0 {
		return nil, errors.New("the chunk size must be a positive integer")
	}
	out := make([]any, 0, (int64(len(a))+size-1)/size)
	for start := 0; start < len(a); {
		end := len(a)
		if int64(end-start) > size {
			end = start + int(size)
		}
		chunk := make([]any, end-start)
		copy(chunk, a[start:end])
		out = append(out, chunk)
		start = end
	}
	return out, nil
}

// arrayContains reports whether the array holds a value equal to the second
// argument.
func arrayContains(_ *evaluator, _ *call, args []any) (any, error) {
	a, err := arrayArg(args, 0)
	if err != nil {
		return nil, err
	}
	for _, v := range a {
		if jsonvalue.Equal(v, args[1]) {
			return true, nil
		}
	}
	return false, nil
}

// arrayRange builds [start, start+step, ...] up to and including end.
func arrayRange(_ *evaluator, _ *call, args []any) (any, error) {
	var n [3]int64
	for i := range n {
		v, err := intArg(args, i, false)
		if err != nil {
			return nil, err
		}
		n[i] = v
	}
	start, end, step := n[0], n[1], n[2]
	if step == 0 {
		return nil, errors.New("the step (third argument) must not be 0")
	}
	count := int64(0)
	if (step > 0 && end >= start) || (step < 0 && end <= start) {
		count = (end-start)/step + 1
	}
	if count > maxRangeItems {
		return nil, fmt.Errorf("the range would hold %d items, more than the %d allowed", count, maxRangeItems)
	}
	out := make([]any, count)
	for i := range out {
		out[i] = intValue(start + int64(i)*step)
	}
	return out, nil
}

// arrayGetItem returns the element at a zero-based index.
func arrayGetItem(_ *evaluator, _ *call, args []any) (any, error) {
	a, err := arrayArg(args, 0)
	if err != nil {
		return nil, err
	}
	i, err := intArg(args, 1, false)
	if err != nil {
		return nil, err
	}
	if i < 0 || i >= int64(len(a)) {
		return nil, fmt.Errorf("index %d is out of bounds for an array of %d items", i, len(a))
	}
	return a[i], nil
}

// arrayLength returns the number of elements.
func arrayLength(_ *evaluator, _ *call, args []any) (any, error) {
	a, err := arrayArg(args, 0)
	if err != nil {
		return nil, err
	}
	return intValue(int64(len(a))), nil
}

// arrayUnique drops repeated values, keeping the first of each.
func arrayUnique(_ *evaluator, _ *call, args []any) (any, error) {
	a, err := arrayArg(args, 0)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(a))
	seen := make(map[string]bool, len(a))
next:
	for _, v := range a {
		if k, ok := scalarKey(v); ok {
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, v)
			continue
		}
		for _, u := range out {
			if jsonvalue.Equal(u, v) {
				continue next
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// scalarKey gives scalars a map key so that ArrayUnique stays linear on the
// arrays of strings and numbers it usually sees.
func scalarKey(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "n", true
	case bool:
		if x {
			return "t", true
		}
		return "f", true
	case string:
		return "s" + x, true
	}
	if f, ok := jsonvalue.Float(v); ok {
		return fmt.Sprintf("d%v", f), true
	}
	return "", false
}
