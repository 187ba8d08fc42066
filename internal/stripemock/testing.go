package stripemock

import (
	"context"
	"testing"
)

// ForTest starts a stripe-mock for one test, recording its requests, and
// stops it when the test ends. It fails the test when stripe-mock cannot start: it needs only the
// Go toolchain that runs the test.
func ForTest(tb testing.TB) *Server {
	tb.Helper()
	s, err := Start(context.Background(), Config{Record: true})
	if err != nil {
		tb.Fatalf("stripe-mock: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("stripe-mock: %v", err)
		}
	})
	return s
}
