package logtest_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/payflow-dev/payflow/internal/logtest"
)

func TestBufferKeepsEveryConcurrentWrite(t *testing.T) {
	t.Parallel()
	var b logtest.Buffer
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Fprintf(&b, "line %02d\n", i)
		}()
	}
	wg.Wait()
	got := b.String()
	if n := strings.Count(got, "\n"); n != 20 {
		t.Fatalf("got %d lines, want 20:\n%s", n, got)
	}
	for i := range 20 {
		if !strings.Contains(got, fmt.Sprintf("line %02d\n", i)) {
			t.Errorf("line %02d missing", i)
		}
	}
}
