package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"
)

// TestEnvJSONForSAMLocal runs the local stack with -env-json and reads the
// file sam local --env-vars would: every function's variables resolved
// (ARNs and key ids, not the logical ids sam local puts there) and the
// endpoint as containers reach it, with warnings about what containers
// need.
func TestEnvJSONForSAMLocal(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "env.json")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr logtest.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{
			"-template", "../../template.yml", "-addr", "127.0.0.1:0", "-api-addr", "127.0.0.1:0", "-stack-name", "sam",
			"-env-json", path,
		}, func(string) string { return "" }, &stdout, &stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "Ctrl-C stops") {
		select {
		case err := <-done:
			t.Fatalf("run returned early: %v\nstderr: %s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no banner; stdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]map[string]string
	if err := json.Unmarshal(raw, &env); err != nil {
		t.Fatalf("env.json %s: %v", raw, err)
	}
	api := env["ApiFunction"]
	if !strings.HasPrefix(api["STATE_MACHINE_ARN"], "arn:aws:states:us-east-1:123456789012:stateMachine:sam-") {
		t.Errorf("ApiFunction STATE_MACHINE_ARN = %q, want the local state machine's ARN", api["STATE_MACHINE_ARN"])
	}
	if !strings.HasPrefix(api["CARD_KEY_ID"], "arn:aws:kms:") {
		t.Errorf("ApiFunction CARD_KEY_ID = %q, want a key ARN", api["CARD_KEY_ID"])
	}
	for name, vars := range env {
		if !strings.HasPrefix(vars["AWS_ENDPOINT_URL"], "http://host.docker.internal:") {
			t.Errorf("%s AWS_ENDPOINT_URL = %q, want the endpoint as containers see it", name, vars["AWS_ENDPOINT_URL"])
		}
	}
	if _, ok := env["CallbackFunction"]; !ok {
		t.Errorf("no CallbackFunction in %s", raw)
	}
	for _, want := range []string{"SAM's containers cannot reach", "-allow-host host.docker.internal"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
