package dynamolocal_test

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBoto3 drives the local DynamoDB with boto3's client and resource
// APIs (Decimal numbers, sets, the batch writer, paginators, condition
// builders and a cancelled transaction), when Python and boto3 are
// installed.
func TestBoto3(t *testing.T) {
	t.Parallel()
	python := needTool(t, "python3", "-c", "import boto3")
	e := newEnv(t)
	script, err := filepath.Abs(filepath.Join("testdata", "boto_client.py"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, script, e.url)
	cmd.Env = toolEnv(t)
	raw, err := runTool(cmd)
	if err != nil {
		t.Fatalf("boto client: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	want := map[string]any{
		"price":         "0.3",
		"tags":          []any{"a", "b"},
		"updated_price": "0.31",
		"updated_tags":  []any{"a", "b", "c"},
		"page_counts":   []any{float64(10), float64(10), float64(5)},
		"filtered":      float64(4), // prices 2.6 .. 2.9 (2.5 itself is not greater)
		"key_query":     []any{float64(1), float64(2), float64(3)},
		"conditional":   "ConditionalCheckFailedException",
		"transaction":   []any{"ConditionalCheckFailed", "None"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("boto3 results (-want +got):\n%s", diff)
	}
}
