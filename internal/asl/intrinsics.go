package asl

import (
	"errors"
	"strings"
)

// isIntrinsic reports whether a ".$" value is an intrinsic function call
// rather than a path.
func isIntrinsic(s string) bool { return strings.HasPrefix(s, "States.") }

// evalIntrinsic runs an intrinsic function call.
func evalIntrinsic(expr string, in, ctx any, e *Engine) (any, error) {
	return nil, errors.New("intrinsic functions are not available yet")
}
