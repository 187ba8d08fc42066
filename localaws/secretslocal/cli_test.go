package secretslocal_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAWSCLI drives the local Secrets Manager with the AWS CLI, the way an
// operator puts the Stripe key in place (`aws secretsmanager
// put-secret-value`), when one is installed. It skips without the CLI on a
// developer machine and fails without it when CI=true.
func TestAWSCLI(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts the AWS CLI several times")
	}
	bin, err := exec.LookPath("aws")
	if err == nil {
		err = exec.Command(bin, "--version").Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("aws CLI needed in CI: %v", err)
		}
		t.Skipf("aws CLI not usable: %v", err)
	}
	_, _, url := newClient(t)
	dir := t.TempDir()
	run := func(out any, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append(args, "--endpoint-url", url, "--region", "us-east-1", "--output", "json")...)
		cmd.Env = append(os.Environ(),
			"AWS_ACCESS_KEY_ID=AKIDLOCAL", "AWS_SECRET_ACCESS_KEY=secret",
			"AWS_CONFIG_FILE="+filepath.Join(dir, "config"),
			"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(dir, "credentials"),
			"AWS_PAGER=")
		got, err := cmd.Output()
		if err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				return string(ee.Stderr)
			}
			t.Fatalf("aws %v: %v", args, err)
		}
		if out != nil {
			if err := json.Unmarshal(got, out); err != nil {
				t.Fatalf("aws %v: decode %s: %v", args, got, err)
			}
		}
		return ""
	}
	var created struct{ ARN, Name string }
	if stderr := run(&created, "secretsmanager", "create-secret", "--name", "payflow/stripe", "--description", "Stripe secret key"); stderr != "" {
		t.Fatalf("create-secret: %s", stderr)
	}
	stderr := run(nil, "secretsmanager", "get-secret-value", "--secret-id", "payflow/stripe")
	if !strings.Contains(stderr, "ResourceNotFoundException") || !strings.Contains(stderr, "staging label: AWSCURRENT") {
		t.Fatalf("get-secret-value before any value: stderr %q, want ResourceNotFoundException for AWSCURRENT", stderr)
	}
	if stderr := run(nil, "secretsmanager", "put-secret-value", "--secret-id", created.ARN, "--secret-string", "sk_test_cli"); stderr != "" {
		t.Fatalf("put-secret-value: %s", stderr)
	}
	var got struct {
		SecretString  string
		VersionStages []string
	}
	if stderr := run(&got, "secretsmanager", "get-secret-value", "--secret-id", "payflow/stripe"); stderr != "" {
		t.Fatalf("get-secret-value: %s", stderr)
	}
	if got.SecretString != "sk_test_cli" || len(got.VersionStages) != 1 || got.VersionStages[0] != "AWSCURRENT" {
		t.Fatalf("get-secret-value = %+v, want sk_test_cli at AWSCURRENT", got)
	}
	var listed struct {
		SecretList []struct{ Name, Description string }
	}
	if stderr := run(&listed, "secretsmanager", "list-secrets"); stderr != "" {
		t.Fatalf("list-secrets: %s", stderr)
	}
	if len(listed.SecretList) != 1 || listed.SecretList[0].Description != "Stripe secret key" {
		t.Fatalf("list-secrets = %+v", listed)
	}
	var deleted struct{ Name string }
	if stderr := run(&deleted, "secretsmanager", "delete-secret", "--secret-id", "payflow/stripe", "--force-delete-without-recovery"); stderr != "" || deleted.Name != "payflow/stripe" {
		t.Fatalf("delete-secret = %+v, stderr %s", deleted, stderr)
	}
}
