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

// MemoryLimit is the soft memory limit (as GOMEMLIMIT) set with GCPercent
// when the environment does not set GOMEMLIMIT. It keeps the larger target
// from growing the heap of a long session (the engine keeps every
// execution's history) past 1 GiB: below that the collector runs as
// GCPercent says, near it as often as it must.
const MemoryLimit = 1 << 30

// TuneGC sets the garbage collector's target to GCPercent and its soft
// memory limit to MemoryLimit, each unless getenv reports GOGC or
// GOMEMLIMIT set, and returns a function that puts the previous settings
// back. The settings are the whole process's: commands call it first thing,
// and benchmarks that measure the stack as the command runs it call it
// too. Library code never does.
func TuneGC(getenv func(string) string) (restore func()) {
	var undo []func()
	if getenv("GOGC") == "" {
		previous := debug.SetGCPercent(GCPercent)
		undo = append(undo, func() { debug.SetGCPercent(previous) })
	}
	if getenv("GOMEMLIMIT") == "" {
		previous := debug.SetMemoryLimit(MemoryLimit)
		undo = append(undo, func() { debug.SetMemoryLimit(previous) })
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}
