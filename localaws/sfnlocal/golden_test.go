package sfnlocal_test

import (
	"encoding/json"
	"flag"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestWireShapesMatchGoldenFiles pins the exact JSON members of responses.
// The SDK silently ignores a misspelled member, so only the raw bytes show
// such a mistake; the golden files are the reviewed record of the shapes.
func TestWireShapesMatchGoldenFiles(t *testing.T) {
	t.Parallel()
	c := clock.NewFake(epoch0)
	svc := sfnlocal.New(sfnlocal.Config{Clock: c})
	machine := "arn:aws:states:us-east-1:123456789012:stateMachine:golden"
	execution := "arn:aws:states:us-east-1:123456789012:execution:golden:run-1"
	steps := []struct{ name, op, body string }{
		{"create_state_machine", "CreateStateMachine", `{"name":"golden","roleArn":"` + testRole + `","definition":` + jsonString(passMachine) + `}`},
		{"describe_state_machine", "DescribeStateMachine", `{"stateMachineArn":"` + machine + `"}`},
		{"list_state_machines", "ListStateMachines", `{}`},
		{"start_execution", "StartExecution", `{"stateMachineArn":"` + machine + `","name":"run-1","input":"{\"a\":1}"}`},
		{"describe_execution", "DescribeExecution", `{"executionArn":"` + execution + `"}`},
		{"list_executions", "ListExecutions", `{"stateMachineArn":"` + machine + `"}`},
		{"get_execution_history", "GetExecutionHistory", `{"executionArn":"` + execution + `"}`},
		{"stop_execution_closed", "StopExecution", `{"executionArn":"` + execution + `"}`},
		{"error_execution_already_exists", "StartExecution", `{"stateMachineArn":"` + machine + `","name":"run-1"}`},
		{"error_invalid_name", "StartExecution", `{"stateMachineArn":"` + machine + `","name":"a b"}`},
		{"error_serialization", "StartExecution", `{"name":`},
		{"describe_state_machine_for_execution", "DescribeStateMachineForExecution", `{"executionArn":"` + execution + `"}`},
		{"publish_state_machine_version", "PublishStateMachineVersion", `{"stateMachineArn":"` + machine + `","description":"v1"}`},
		{"describe_state_machine_version", "DescribeStateMachine", `{"stateMachineArn":"` + machine + `:1"}`},
		{"list_state_machine_versions", "ListStateMachineVersions", `{"stateMachineArn":"` + machine + `"}`},
		{"create_state_machine_alias", "CreateStateMachineAlias", `{"name":"live","routingConfiguration":[{"stateMachineVersionArn":"` + machine + `:1","weight":100}]}`},
		{"describe_state_machine_alias", "DescribeStateMachineAlias", `{"stateMachineAliasArn":"` + machine + `:live"}`},
		{"list_state_machine_aliases", "ListStateMachineAliases", `{"stateMachineArn":"` + machine + `"}`},
		{"tag_resource", "TagResource", `{"resourceArn":"` + machine + `","tags":[{"key":"team","value":"payments"}]}`},
		{"list_tags_for_resource", "ListTagsForResource", `{"resourceArn":"` + machine + `"}`},
		{"test_state_choice", "TestState", `{"definition":` + jsonString(`{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":1,"Next":"Big"}],"Default":"Small"}`) +
			`,"input":"{\"n\":2}","inspectionLevel":"DEBUG"}`},
		{"error_name_too_long", "CreateStateMachine", `{"name":"` + strings.Repeat("n", 81) + `","roleArn":"` + testRole + `","definition":` + jsonString(passMachine) + `}`},
		{"error_version_in_use", "DeleteStateMachineVersion", `{"stateMachineVersionArn":"` + machine + `:1"}`},
	}
	for _, step := range steps {
		got := rawBody(t, svc, step.op, step.body)
		if step.op == "StartExecution" && !strings.Contains(string(got), "__type") {
			waitSucceeded(t, svc, execution)
			c.Advance(time.Second) // every later date differs from startDate
		}
		path := filepath.Join("testdata", "golden", step.name+".json")
		if *update {
			var pretty any
			if err := json.Unmarshal(got, &pretty); err != nil {
				t.Fatal(err)
			}
			b, err := json.MarshalIndent(pretty, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run with -update to create it)", step.name, err)
		}
		var g, w any
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("%s: response %s: %v", step.name, got, err)
		}
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatalf("%s: golden file: %v", step.name, err)
		}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", step.op, path, diff)
		}
	}
}

// rawBody posts one request and returns the response body.
func rawBody(tb testing.TB, svc *sfnlocal.Service, op, body string) []byte {
	tb.Helper()
	req := httptest.NewRequest("POST", "/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", "AWSStepFunctions."+op)
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	rec := httptest.NewRecorder()
	svc.ServeHTTP(rec, req)
	return rec.Body.Bytes()
}

// waitSucceeded polls DescribeExecution until the execution has ended.
func waitSucceeded(tb testing.TB, svc *sfnlocal.Service, execution string) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var out struct{ Status string }
		if err := json.Unmarshal(rawBody(tb, svc, "DescribeExecution", `{"executionArn":"`+execution+`"}`), &out); err != nil {
			tb.Fatal(err)
		}
		if out.Status != "RUNNING" {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	tb.Fatalf("%s still running", execution)
}
