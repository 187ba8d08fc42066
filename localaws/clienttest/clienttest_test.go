package clienttest_test

import (
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/localaws/clienttest"
)

// recorder stands in for testing.TB to see whether Missing skips or fails;
// the methods Missing does not use are the nil embedded TB's and would
// panic.
type recorder struct {
	testing.TB
	failed, skipped string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Fatalf(format string, _ ...any) { r.failed = format }
func (r *recorder) Skipf(format string, _ ...any)  { r.skipped = format }

// Not parallel: it sets CI.
func TestMissingFailsOnlyInCI(t *testing.T) {
	tests := []struct {
		ci       string
		wantFail bool
	}{
		{"true", true},
		{"", false},
		{"false", false},
	}
	for _, tt := range tests {
		t.Run("CI="+tt.ci, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			r := &recorder{}
			clienttest.Missing(r, "aws CLI is needed")
			if got := r.failed != ""; got != tt.wantFail {
				t.Errorf("failed = %v (%q), skipped = %q; want failed = %v", got, r.failed, r.skipped, tt.wantFail)
			}
			if !tt.wantFail && !strings.Contains(r.skipped, "skipped") {
				t.Errorf("skip message %q does not say it skipped", r.skipped)
			}
		})
	}
}
