package stack_test

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/payflow-dev/payflow/localaws/stack"
)

// gcSettings reads the collector's target and memory limit without
// changing them.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// TestTuneGC is not parallel: it changes the process's collector settings.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	restore := stack.TuneGC(func(string) string { return "" })
	if p, l := gcSettings(); p != stack.GCPercent || l != stack.MemoryLimit {
		t.Errorf("with GOGC and GOMEMLIMIT unset: target %d, limit %d; want %d, %d", p, l, stack.GCPercent, stack.MemoryLimit)
	}
	restore()
	if p, l := gcSettings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("after restore: target %d, limit %d; want 100 and no limit back", p, l)
	}

	env := map[string]string{"GOGC": "50", "GOMEMLIMIT": "200MiB"}
	restore = stack.TuneGC(func(k string) string { return env[k] })
	if p, l := gcSettings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("with GOGC and GOMEMLIMIT set, the settings were changed to %d, %d", p, l)
	}
	restore()
}
