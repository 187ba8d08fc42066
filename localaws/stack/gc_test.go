package stack_test

import (
	"runtime/debug"
	"testing"

	"github.com/payflow-dev/payflow/localaws/stack"
)

// TestTuneGC is not parallel: it changes the process's collector target.
func TestTuneGC(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)

	restore := stack.TuneGC(func(string) string { return "" })
	if got := debug.SetGCPercent(stack.GCPercent); got != stack.GCPercent {
		t.Errorf("with GOGC unset the target is %d, want %d", got, stack.GCPercent)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after restore the target is %d, want 100 back", got)
	}

	env := map[string]string{"GOGC": "50"}
	restore = stack.TuneGC(func(k string) string { return env[k] })
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set the target was changed to %d", got)
	}
	restore()
}
