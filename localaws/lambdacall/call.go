package lambdacall

import (
	"context"
	"fmt"
	"time"
)

// TimeoutError is an invocation that outlived its timeout.
type TimeoutError struct {
	// After is the timeout the invocation exceeded.
	After time.Duration
}

// Error is Lambda's own wording for a timed-out invocation.
func (e *TimeoutError) Error() string { return fmt.Sprintf("Task timed out after %s", e.After) }

// PanicError is an invocation whose handler panicked.
type PanicError struct {
	// Value is what the handler panicked with.
	Value any
}

// Error says the function panicked and with what.
func (e *PanicError) Error() string { return fmt.Sprintf("function panicked: %v", e.Value) }

// Call runs h(ctx, in) and returns its result. With a timeout > 0 the
// handler's context ends after timeout and Call returns a *TimeoutError
// then, whether or not the handler has returned; a panic becomes a
// *PanicError. The caller's own cancellation is returned as ctx.Err().
func Call[In, Out any](ctx context.Context, timeout time.Duration, h func(context.Context, In) (Out, error), in In) (Out, error) {
	type outcome struct {
		out Out
		err error
	}
	callCtx, cancel := ctx, context.CancelFunc(func() {})
	if timeout > 0 {
		callCtx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	done := make(chan outcome, 1) // buffered: a late handler never blocks
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{err: &PanicError{Value: p}}
			}
		}()
		out, err := h(callCtx, in)
		done <- outcome{out, err}
	}()
	var zero Out
	select {
	case o := <-done:
		return o.out, o.err
	case <-callCtx.Done():
		if ctx.Err() != nil {
			return zero, ctx.Err()
		}
		return zero, &TimeoutError{After: timeout}
	}
}
