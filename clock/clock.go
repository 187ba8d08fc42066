package clock

import "time"

// Clock tells the time and fires callbacks after a duration has passed.
type Clock interface {
	// Now returns the current time on this clock.
	Now() time.Time
	// AfterFunc calls f in its own goroutine once d has elapsed on this clock.
	// A d of zero or less fires at once.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending AfterFunc call.
type Timer interface {
	// Stop prevents the call from firing. It reports whether it did so,
	// false meaning the call had already fired or been stopped.
	Stop() bool
}

// After returns a channel that receives the clock's time once d has elapsed,
// and the Timer that can cancel it. The channel has a buffer of one, so a
// receiver that has gone away never blocks the clock.
func After(c Clock, d time.Duration) (<-chan time.Time, Timer) {
	ch := make(chan time.Time, 1)
	t := c.AfterFunc(d, func() { ch <- c.Now() })
	return ch, t
}

// Sleep blocks until d has elapsed on c or done is closed, and reports
// whether the full duration elapsed.
func Sleep(c Clock, d time.Duration, done <-chan struct{}) bool {
	ch, t := After(c, d)
	select {
	case <-ch:
		return true
	case <-done:
		t.Stop()
		return false
	}
}

// Real is the wall clock.
type Real struct{}

// NewReal returns the wall clock.
func NewReal() Real { return Real{} }

// Now returns time.Now.
func (Real) Now() time.Time { return time.Now() }

// AfterFunc wraps time.AfterFunc.
func (Real) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }
