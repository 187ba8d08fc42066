package sfnlocal_test

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/clienttest"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

// TestBotoVersionsAliasesAndTestState drives the new actions with boto3's
// own serializers and parsers, in eu-west-1, TestState included (which
// needs the client's host prefix turned off).
func TestBotoVersionsAliasesAndTestState(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts Python")
	}
	python := clienttest.Python(t)
	if err := exec.Command(python, "-c", "import boto3").Run(); err != nil {
		clienttest.Missing(t, "boto3 is not installed for %s", python)
	}
	srv := httptest.NewServer(sfnlocal.New(sfnlocal.Config{}))
	t.Cleanup(srv.Close)
	cmd := exec.Command(python, filepath.Join("testdata", "boto_client.py"), srv.URL)
	cmd.Env = append(os.Environ(), "AWS_CONFIG_FILE="+filepath.Join(t.TempDir(), "none"))
	raw, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("boto client: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	machine := "arn:aws:states:eu-west-1:123456789012:stateMachine:boto"
	want := map[string]any{
		"machine":    machine,
		"version":    machine + ":1",
		"alias":      machine + ":live",
		"routing":    []any{[]any{machine + ":1", float64(100)}},
		"encryption": map[string]any{"type": "AWS_OWNED_KEY"},
		"test_state": []any{"SUCCEEDED", "Big", map[string]any{"n": float64(2)}},
		"long_name":  "ValidationException",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("boto3 saw (-want +got):\n%s", diff)
	}
}
