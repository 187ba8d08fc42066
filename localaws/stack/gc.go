package stack

import "runtime/debug"

// GCPercent is the garbage collector's target (as GOGC) a process running
// the local stack sets when its environment does not set GOGC. The stack
// allocates a great deal per request (every call between the functions and
// the endpoint is a real SDK call over an in-process HTTP exchange), so at
// Go's default of 100 the collector takes about a sixth of the CPU of a
// busy stack; at 400 it takes a third of that, and the heap of an idle
// stack stays the same.
const GCPercent = 400

// TuneGC sets the garbage collector's target to GCPercent unless getenv
// reports GOGC set, and returns a function that puts the previous target
// back. The setting is the whole process's: commands call it first thing,
// and benchmarks that measure the stack as the command runs it call it
// too. Library code never does.
func TuneGC(getenv func(string) string) (restore func()) {
	if getenv("GOGC") != "" {
		return func() {}
	}
	previous := debug.SetGCPercent(GCPercent)
	return func() { debug.SetGCPercent(previous) }
}
