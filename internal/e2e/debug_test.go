package e2e_test

import "testing"

func dumpLogs(tb testing.TB, h *harness) {
	tb.Helper()
	if tb.Failed() {
		tb.Log(h.logs.String())
	}
}
