package sfnlocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

const logGroup = "arn:aws:logs:us-east-1:123456789012:log-group:sfn-logs:*"

func destinations(arns ...string) []types.LogDestination {
	out := make([]types.LogDestination, len(arns))
	for i, a := range arns {
		out[i] = types.LogDestination{CloudWatchLogsLogGroup: &types.CloudWatchLogsLogGroup{LogGroupArn: aws.String(a)}}
	}
	return out
}

// A logging level other than OFF needs exactly one destination, on create
// and on update, in AWS's wording as LocalStack's AWS-validated snapshots
// record it (tests/aws/services/stepfunctions/v2/test_sfn_api_logs.snapshot.json:
// test_invalid_logging_configuration, test_multiple_destinations,
// test_update_logging_configuration).
func TestLoggingConfigurationNeedsOneDestination(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	const want = "Invalid Logging Configuration: Must specify exactly one Log Destination."
	cases := []struct {
		name string
		cfg  types.LoggingConfiguration
	}{
		{"ALL without destination", types.LoggingConfiguration{Level: types.LogLevelAll}},
		{"FATAL without destination", types.LoggingConfiguration{Level: types.LogLevelFatal}},
		{"ERROR without destination", types.LoggingConfiguration{Level: types.LogLevelError}},
		{"two destinations", types.LoggingConfiguration{Level: types.LogLevelAll, Destinations: destinations(logGroup, logGroup+"2")}},
	}
	arn := h.createMachine(t, "logged", passMachine)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("m"), Definition: aws.String(passMachine),
				RoleArn: aws.String(testRole), LoggingConfiguration: &tc.cfg})
			if e := wantAPIError[*types.InvalidLoggingConfiguration](t, err); e.ErrorMessage() != want {
				t.Errorf("CreateStateMachine: %q", e.ErrorMessage())
			}
			_, err = h.client.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{StateMachineArn: aws.String(arn), LoggingConfiguration: &tc.cfg})
			if e := wantAPIError[*types.InvalidLoggingConfiguration](t, err); e.ErrorMessage() != want {
				t.Errorf("UpdateStateMachine: %q", e.ErrorMessage())
			}
		})
	}
}

// What a logging configuration leaves out reads back as AWS describes it:
// level OFF, no execution data, destinations only when given
// (test_incomplete_logging_configuration, test_logging_configuration of the
// same snapshot file).
func TestLoggingConfigurationReadsBackAsAWSDescribesIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	cases := []struct {
		name string
		cfg  types.LoggingConfiguration
		want types.LoggingConfiguration
	}{
		{"empty", types.LoggingConfiguration{}, types.LoggingConfiguration{Level: types.LogLevelOff}},
		{"empty destinations", types.LoggingConfiguration{Destinations: []types.LogDestination{}},
			types.LoggingConfiguration{Level: types.LogLevelOff, Destinations: []types.LogDestination{}}},
		{"ERROR with data", types.LoggingConfiguration{Level: types.LogLevelError, IncludeExecutionData: true, Destinations: destinations(logGroup)},
			types.LoggingConfiguration{Level: types.LogLevelError, IncludeExecutionData: true, Destinations: destinations(logGroup)}},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			created, err := h.client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("read-back-" + string(rune('a'+i))),
				Definition: aws.String(passMachine), RoleArn: aws.String(testRole), LoggingConfiguration: &tc.cfg})
			if err != nil {
				t.Fatal(err)
			}
			desc, err := h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: created.StateMachineArn})
			if err != nil {
				t.Fatal(err)
			}
			opts := cmp.AllowUnexported(types.LoggingConfiguration{}, types.LogDestination{}, types.CloudWatchLogsLogGroup{})
			if diff := cmp.Diff(&tc.want, desc.LoggingConfiguration, opts); diff != "" {
				t.Errorf("loggingConfiguration (-want +got):\n%s", diff)
			}
		})
	}
}

// StartExecution's input that is not JSON is refused with the parser's
// complaint, as AWS words it (LocalStack's AWS-validated snapshot of
// TestSnfApi::test_invalid_start_execution_input,
// tests/aws/services/stepfunctions/v2/test_sfn_api.snapshot.json).
func TestStartExecutionInputComplaintsAsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	arn := h.createMachine(t, "inputs", passMachine)
	cases := []struct{ input, want string }{
		{"not some json", "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'"},
		{"{'not': 'json'", "Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): was expecting double-quote to start field name'"},
		{"", "Invalid State Machine Execution Input: 'Invalid execution input.'"},
	}
	for _, tc := range cases {
		t.Run(tc.input, func(t *testing.T) {
			t.Parallel()
			_, err := h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(arn), Input: aws.String(tc.input)})
			if e := wantAPIError[*types.InvalidExecutionInput](t, err); e.ErrorMessage() != tc.want {
				t.Errorf("message\n got %q\nwant %q", e.ErrorMessage(), tc.want)
			}
		})
	}
	if _, err := h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(arn), Input: aws.String("2")}); err != nil {
		t.Errorf("a number as input: %v, want it accepted as on AWS", err)
	}
}
