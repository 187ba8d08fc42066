package asl_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

// These tests drive the engine through the Step Functions API with the
// real AWS SDK, as a user of the local endpoint does.

const sdkRole = "arn:aws:iam::123456789012:role/test"

func sdkClient(tb testing.TB, res asl.Resources) *sfn.Client {
	tb.Helper()
	srv := httptest.NewServer(sfnlocal.New(sfnlocal.Config{Resources: res}))
	tb.Cleanup(srv.Close)
	return sfn.New(sfn.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		Retryer:      aws.NopRetryer{},
		HTTPClient:   srv.Client(),
	})
}

// runSDK creates a machine, runs it to its end and describes the end.
func runSDK(tb testing.TB, c *sfn.Client, name, def, input string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	ctx := context.Background()
	m, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String(name), Definition: aws.String(def), RoleArn: aws.String(sdkRole)})
	if err != nil {
		tb.Fatalf("CreateStateMachine: %v", err)
	}
	x, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: m.StateMachineArn, Input: aws.String(input)})
	if err != nil {
		tb.Fatalf("StartExecution: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		d, err := c.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: x.ExecutionArn})
		if err != nil {
			tb.Fatalf("DescribeExecution: %v", err)
		}
		if d.Status != types.ExecutionStatusRunning {
			return d
		}
		if time.Now().After(deadline) {
			tb.Fatalf("execution still RUNNING after 10s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestSDKCreateRefusesJSONataMisuse(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	tests := []struct {
		name, def, want string
	}{
		{"root reference", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $$ %}","End":true}}}`,
			"UNSUPPORTED_JSONATA_EXPRESSION: Reference to '$$' is not supported. at /States/A/Output"},
		{"syntax error", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% 1 + %}","End":true}}}`,
			"INVALID_JSONATA_EXPRESSION: Unexpected end of expression at /States/A/Output"},
		{"jsonpath field", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.x","End":true}}}`,
			"SCHEMA_VALIDATION_FAILED: The field 'ResultPath' is not supported by Step Functions at /States/A"},
		// AWS's answer as floci-io/floci#2670 records it from AWS.
		{"top-level field reference", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":{"v":"{% phone %}"},"End":true}}}`,
			"UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported. at /States/A/Output/v"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{
				Name: aws.String(strings.ReplaceAll(tc.name, " ", "-")), Definition: aws.String(tc.def), RoleArn: aws.String(sdkRole)})
			var invalid *types.InvalidDefinition
			if !errors.As(err, &invalid) || !strings.Contains(aws.ToString(invalid.Message), tc.want) {
				t.Fatalf("CreateStateMachine error = %v, want InvalidDefinition containing %q", err, tc.want)
			}
		})
	}
}

func TestSDKJSONataExecution(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, asl.Resources{"arn:aws:states:::pay": func(_ context.Context, call asl.TaskCall) (json.RawMessage, error) {
		return json.RawMessage(`{"charged":` + string(mustField(t, call.Parameters, "cents")) + `}`), nil
	}})
	def := `{"QueryLanguage":"JSONata","StartAt":"Price","States":{
		"Price":{"Type":"Pass","Assign":{"cents":"{% $round($states.input.amount * 100) %}"},"Next":"Pay"},
		"Pay":{"Type":"Task","Resource":"arn:aws:states:::pay","Arguments":{"cents":"{% $cents %}"},
			"Output":{"order":"{% $states.input.order %}","charged":"{% $states.result.charged %}","lines":"{% $count($states.input.lines) %}"},"End":true}}}`
	d := runSDK(t, c, "jsonata-pay", def, `{"order":"o-1","amount":19.99,"lines":["a","b"]}`)
	if d.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("status = %s (%s: %s)", d.Status, aws.ToString(d.Error), aws.ToString(d.Cause))
	}
	var got any
	if err := json.Unmarshal([]byte(aws.ToString(d.Output)), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"order": "o-1", "charged": 1999.0, "lines": 2.0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

// TestSDKJSONPathDifferences runs the JSONPath cases issue 13 recorded on
// AWS through the API.
func TestSDKJSONPathDifferences(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	tests := []struct {
		name, def, input       string
		status                 types.ExecutionStatus
		output, errName, cause string
	}{
		{"blank string to json", `{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"v.$":"States.StringToJson($.s)"},"End":true}}}`,
			`{"s":" "}`, types.ExecutionStatusSucceeded, `{"v":null}`, "", ""},
		{"wait too long", `{"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.t","End":true}}}`,
			`{"t":"2999-01-01T00:00:00Z"}`, types.ExecutionStatusFailed, "", "States.Runtime", "Wait state delay is too long"},
		{"history limit", `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"C"}],"Default":"A"},"C":{"Type":"Succeed"}}}`,
			`{}`, types.ExecutionStatusFailed, "", "States.Runtime", "The execution reached the maximum number of history events (25000)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := runSDK(t, c, strings.ReplaceAll(tc.name, " ", "-"), tc.def, tc.input)
			if d.Status != tc.status || aws.ToString(d.Error) != tc.errName || !strings.Contains(aws.ToString(d.Cause), tc.cause) {
				t.Fatalf("outcome = %s %s: %s", d.Status, aws.ToString(d.Error), aws.ToString(d.Cause))
			}
			if tc.output != "" && aws.ToString(d.Output) != tc.output {
				t.Errorf("output = %s, want %s", aws.ToString(d.Output), tc.output)
			}
		})
	}
}

func mustField(tb testing.TB, raw json.RawMessage, key string) json.RawMessage {
	tb.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		tb.Fatalf("parameters %s: %v", raw, err)
	}
	return m[key]
}
