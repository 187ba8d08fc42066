// Package clock provides the time source that everything which waits reads:
// ASL Wait states, task timeouts and heartbeats, SQS visibility timeouts,
// delays and long polls, and the callback's heartbeat ticker.
//
// Production code uses Real. Tests use a Fake and move it forward with
// Advance, so that a 15-minute payment timeout is exercised in milliseconds.
// It is not a scheduler: callers own their goroutines and only ask the clock
// to tell them when a duration has passed.
package clock
