package clienttest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true), where a missing
// client is a failure.
func InCI() bool { return os.Getenv("CI") == "true" }

// Missing stops tb because a client it needs is missing: a skip on a
// developer's machine, a failure in CI.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		tb.Fatalf("%s (CI=true: .ci/run installs the external clients)", msg)
	}
	tb.Skipf("%s; skipped on this machine (CI fails instead)", msg)
}

// awsCLICandidates are where AWS CLIs live: the one on PATH (CLI v1 from
// pip, or a v2 installer's), then Debian's package (v2, /usr/bin/aws) and
// the v2 installer's default.
func awsCLICandidates() []string {
	var out []string
	if p, err := exec.LookPath("aws"); err == nil {
		out = append(out, p)
	}
	return append(out, "/usr/bin/aws", "/usr/local/bin/aws")
}

// AWSCLI returns a working AWS CLI of the given major version (1 or 2; 0
// takes whichever comes first), or stops tb through Missing. A CLI works
// when `aws --version` runs and names that major.
func AWSCLI(tb testing.TB, major int) string {
	tb.Helper()
	var tried []string
	for _, bin := range awsCLICandidates() {
		out, err := exec.Command(bin, "--version").CombinedOutput()
		if err != nil {
			tried = append(tried, fmt.Sprintf("%s: %v", bin, err))
			continue
		}
		version := strings.TrimSpace(string(out))
		if major == 0 || strings.HasPrefix(version, fmt.Sprintf("aws-cli/%d.", major)) {
			return bin
		}
		tried = append(tried, bin+": "+version)
	}
	what := "an AWS CLI"
	if major != 0 {
		what = fmt.Sprintf("AWS CLI v%d", major)
	}
	Missing(tb, "%s is needed (tried %s)", what, strings.Join(tried, "; "))
	return ""
}

// Python returns python3, or stops tb through Missing.
func Python(tb testing.TB) string {
	tb.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		Missing(tb, "python3 is needed: %v", err)
	}
	return p
}
