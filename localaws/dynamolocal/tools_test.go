package dynamolocal_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool returns the path of an external tool the test drives. It skips
// without the tool on a developer machine and fails without it when
// CI=true, so CI never passes a tool test vacuously.
func needTool(t *testing.T, name string, check ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("starts %s", name)
	}
	bin, err := exec.LookPath(name)
	if err == nil && len(check) > 0 {
		err = exec.Command(bin, check...).Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s needed in CI: %v", name, err)
		}
		t.Skipf("%s not usable: %v", name, err)
	}
	return bin
}

// toolEnv is an environment with static credentials and no user config.
func toolEnv(t *testing.T) []string {
	dir := t.TempDir()
	return append(os.Environ(),
		"AWS_ACCESS_KEY_ID=AKIDLOCAL", "AWS_SECRET_ACCESS_KEY=secret", "AWS_DEFAULT_REGION=us-east-1",
		"AWS_CONFIG_FILE="+filepath.Join(dir, "config"), "AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(dir, "credentials"),
		"AWS_PAGER=")
}

// runTool runs cmd and returns its stdout, or its stderr as an error.
func runTool(cmd *exec.Cmd) (string, error) {
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", errors.New(strings.TrimSpace(string(ee.Stderr)))
		}
		return "", err
	}
	return string(out), nil
}
