package sfnlocal_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

// rawCall posts body to the service with the given target and returns the
// status and the error type, if any.
func rawCall(tb testing.TB, h http.Handler, method, target, body string) (int, string) {
	tb.Helper()
	req := httptest.NewRequest(method, "/", strings.NewReader(body))
	if target != "" {
		req.Header.Set("X-Amz-Target", target)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	raw, err := io.ReadAll(rec.Body)
	if err != nil {
		tb.Fatal(err)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/x-amz-json-1.0" {
		tb.Errorf("Content-Type %q", ct)
	}
	var out struct {
		Type string `json:"__type"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		tb.Fatalf("response %q is not JSON: %v", raw, err)
	}
	return rec.Code, out.Type
}

func TestMalformedRequests(t *testing.T) {
	t.Parallel()
	svc := sfnlocal.New(sfnlocal.Config{Clock: clock.NewFake(epoch0)})
	huge := `{"name":"` + strings.Repeat("a", 5<<20) + `"}`
	cases := []struct {
		name, method, target, body string
		wantStatus                 int
		wantType                   string
	}{
		{"unknown operation", "POST", "AWSStepFunctions.LaunchRocket", `{}`, 400, "UnknownOperationException"},
		{"other service", "POST", "AmazonSQS.SendMessage", `{}`, 400, "UnknownOperationException"},
		{"no target", "POST", "", `{}`, 400, "UnknownOperationException"},
		{"GET", "GET", "AWSStepFunctions.ListStateMachines", ``, 400, "UnknownOperationException"},
		{"truncated JSON", "POST", "AWSStepFunctions.CreateStateMachine", `{"name":`, 400, "SerializationException"},
		{"wrong member type", "POST", "AWSStepFunctions.CreateStateMachine", `{"name":5}`, 400, "SerializationException"},
		{"array body", "POST", "AWSStepFunctions.StartExecution", `[]`, 400, "SerializationException"},
		{"trailing garbage", "POST", "AWSStepFunctions.ListStateMachines", `{}x`, 400, "SerializationException"},
		{"over the size cap", "POST", "AWSStepFunctions.CreateStateMachine", huge, 400, "ValidationException"},
		{"empty body lists", "POST", "AWSStepFunctions.ListStateMachines", ``, 200, ""},
		{"missing ARN", "POST", "AWSStepFunctions.DescribeExecution", `{}`, 400, "ValidationException"},
		{"definition too big", "POST", "AWSStepFunctions.CreateStateMachine",
			`{"name":"big","roleArn":"r","definition":"` + strings.Repeat(" ", 1<<20+1) + `"}`, 400, "ValidationException"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, typ := rawCall(t, svc, tc.method, tc.target, tc.body)
			if status != tc.wantStatus || typ != tc.wantType {
				t.Fatalf("got %d %q, want %d %q", status, typ, tc.wantStatus, tc.wantType)
			}
		})
	}
}

func TestTimestampsAreEpochSeconds(t *testing.T) {
	t.Parallel()
	c := clock.NewFake(epoch0.Add(1500 * 1e6)) // 1.5 s past the epoch0 second
	svc := sfnlocal.New(sfnlocal.Config{Clock: c})
	req := httptest.NewRequest("POST", "/", strings.NewReader(`{"name":"t","roleArn":"`+testRole+`","definition":`+jsonString(passMachine)+`}`))
	req.Header.Set("X-Amz-Target", "AWSStepFunctions.CreateStateMachine")
	rec := httptest.NewRecorder()
	svc.ServeHTTP(rec, req)
	var out map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	want := []byte("1772366401.500")
	if !bytes.Equal(out["creationDate"], want) {
		t.Fatalf("creationDate = %s, want %s", out["creationDate"], want)
	}
}

// jsonString quotes s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s) // strings always encode
	return string(b)
}

// fuzzTargets are the operations FuzzRequestDecoding sends bodies to.
func fuzzTargets() []string {
	return []string{"CreateStateMachine", "DescribeStateMachine", "ListStateMachines", "UpdateStateMachine",
		"DeleteStateMachine", "ValidateStateMachineDefinition", "StartExecution", "DescribeExecution",
		"ListExecutions", "GetExecutionHistory", "StopExecution", "SendTaskSuccess", "SendTaskFailure",
		"SendTaskHeartbeat", "Bogus"}
}

func FuzzRequestDecoding(f *testing.F) {
	for _, seed := range []string{
		``, `{}`, `null`, `[]`, `"x"`, `{"name":"a","roleArn":"r","definition":"{}"}`,
		`{"name":"a","roleArn":"r","definition":` + jsonString(passMachine) + `}`,
		`{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:a","name":"x","input":"{\"a\":1}"}`,
		`{"stateMachineArn":"arn:aws:states:::stateMachine:"}`,
		`{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:a:x","maxResults":-1,"nextToken":"e30"}`,
		`{"taskToken":"\u0000","output":"{"}`, `{"maxResults":1e99}`, `{"nextToken":"eyJzIjoiTGlzdFN0YXRlTWFjaGluZXMiLCJwIjotNX0"}`,
		`{"includeExecutionData":"yes"}`, `{"statusFilter":"RUNNING","stateMachineArn":":::::::"}`,
	} {
		for i := range fuzzTargets() {
			f.Add(uint8(i), seed)
		}
	}
	f.Fuzz(func(t *testing.T, op uint8, body string) {
		targets := fuzzTargets()
		svc := sfnlocal.New(sfnlocal.Config{Clock: clock.NewFake(epoch0)})
		status, typ := rawCall(t, svc, "POST", "AWSStepFunctions."+targets[int(op)%len(targets)], body)
		switch {
		case status == http.StatusOK && typ == "":
		case status == http.StatusBadRequest && typ != "":
		default:
			t.Fatalf("body %q: status %d type %q", body, status, typ)
		}
	})
}
