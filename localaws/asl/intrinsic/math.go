package intrinsic

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// mathRandom returns a random integer in [start, end). Fractional
// arguments are rounded to the nearest integer. With a seed the result is
// the same on every call.
func mathRandom(ev *evaluator, _ *call, args []any) (any, error) {
	start, err := intArg(args, 0, true)
	if err != nil {
		return nil, err
	}
	end, err := intArg(args, 1, true)
	if err != nil {
		return nil, err
	}
	if end <= start {
		return nil, fmt.Errorf("the end (%d) must be greater than the start (%d)", end, start)
	}
	span := end - start
	if len(args) == 3 {
		seed, err := intArg(args, 2, true)
		if err != nil {
			return nil, err
		}
		r := rand.New(rand.NewPCG(uint64(seed), 0))
		return intValue(start + r.Int64N(span)), nil
	}
	random := ev.env.Random
	if random == nil {
		random = cryptoFloat
	}
	off := int64(math.Floor(random() * float64(span)))
	off = min(max(off, 0), span-1)
	return intValue(start + off), nil
}

// mathAdd adds two integers in the 32-bit signed range; fractional
// arguments are rounded to the nearest integer first.
func mathAdd(_ *evaluator, _ *call, args []any) (any, error) {
	var sum int64
	for i := range 2 {
		n, err := intArg(args, i, true)
		if err != nil {
			return nil, err
		}
		if n < math.MinInt32 || n > math.MaxInt32 {
			return nil, fmt.Errorf("the %s argument %d is outside [%d, %d]", ordinal(i), n, math.MinInt32, math.MaxInt32)
		}
		sum += n
	}
	return intValue(sum), nil
}
