package asl_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

// These tests hold the engine against executions AWS itself ran, as
// LocalStack's AWS-validated snapshots record them (repository
// localstack/localstack, tests/aws/services/stepfunctions/v2/...; each case
// names the snapshot file and test). The expected values are AWS's.

// sdkHistory runs def to its end and returns its whole history.
func sdkHistory(tb testing.TB, c *sfn.Client, name, def, input string) (*sfn.DescribeExecutionOutput, []types.HistoryEvent) {
	tb.Helper()
	d := runSDK(tb, c, name, def, input)
	h, err := c.GetExecutionHistory(context.Background(), &sfn.GetExecutionHistoryInput{ExecutionArn: d.ExecutionArn, MaxResults: 1000})
	if err != nil {
		tb.Fatalf("GetExecutionHistory: %v", err)
	}
	return d, h.Events
}

// eventLink is one event's type, id and previousEventId.
type eventLink struct {
	Type     types.HistoryEventType
	ID, Prev int64
}

func links(events []types.HistoryEvent) []eventLink {
	out := make([]eventLink, len(events))
	for i, e := range events {
		out[i] = eventLink{e.Type, e.Id, e.PreviousEventId}
	}
	return out
}

func TestAWSRecordedEventChain(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	tests := []struct {
		name, def string
		want      []eventLink
	}{
		{
			// base/test_base.snapshot.json, TestSnfBase::test_state_pass_result:
			// the first state's entered event points at event 0, not at
			// ExecutionStarted.
			name: "pass", def: `{"StartAt":"State_1","States":{"State_1":{"Type":"Pass","Result":{"Arg1":"argument1"},"End":true}}}`,
			want: []eventLink{{"ExecutionStarted", 1, 0}, {"PassStateEntered", 2, 0}, {"PassStateExited", 3, 2}, {"ExecutionSucceeded", 4, 3}},
		},
		{
			// base/test_base.snapshot.json, TestSnfBase::test_state_fail.
			name: "fail", def: `{"StartAt":"FailState","States":{"FailState":{"Type":"Fail","Error":"SomeFailure","Cause":"This state machines raises a 'SomeFailure' failure."}}}`,
			want: []eventLink{{"ExecutionStarted", 1, 0}, {"FailStateEntered", 2, 0}, {"ExecutionFailed", 3, 2}},
		},
		{
			// evaluate_jsonata/test_base_evaluate_expressions.snapshot.json,
			// TestBaseEvaluateJsonata::test_base_map[ITEMS]: a Map state's
			// MapIterationSucceeded and MapStateSucceeded are side events;
			// the next iteration and the state's exit point past them.
			name: "map", def: `{"QueryLanguage":"JSONata","StartAt":"Start","States":{"Start":{"Type":"Map","Items":"{% [1,2,3] %}","MaxConcurrency":1,
				"ItemProcessor":{"StartAt":"Process","States":{"Process":{"Type":"Pass","End":true}}},"End":true}}}`,
			want: []eventLink{
				{"ExecutionStarted", 1, 0}, {"MapStateEntered", 2, 0}, {"MapStateStarted", 3, 2},
				{"MapIterationStarted", 4, 3}, {"PassStateEntered", 5, 4}, {"PassStateExited", 6, 5}, {"MapIterationSucceeded", 7, 6},
				{"MapIterationStarted", 8, 6}, {"PassStateEntered", 9, 8}, {"PassStateExited", 10, 9}, {"MapIterationSucceeded", 11, 10},
				{"MapIterationStarted", 12, 10}, {"PassStateEntered", 13, 12}, {"PassStateExited", 14, 13}, {"MapIterationSucceeded", 15, 14},
				{"MapStateSucceeded", 16, 15}, {"MapStateExited", 17, 15}, {"ExecutionSucceeded", 18, 17},
			},
		},
		{
			// scenarios/test_base_scenarios.snapshot.json,
			// TestBaseScenarios::test_map_state_catch: MapStateFailed points
			// at the failing iteration's last state event.
			name: "map-catch", def: `{"StartAt":"StartState","States":{
				"StartState":{"Type":"Pass","Result":[1],"ResultPath":"$.arr","Next":"MapState"},
				"MapState":{"Type":"Map","ResultPath":null,"InputPath":"$.arr","MaxConcurrency":1,
					"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"HandleItemFail","States":{
						"HandleItemFail":{"Type":"Fail","Error":"HandleItemFailError","Cause":"HandleItemFailCause"}}},
					"Catch":[{"ErrorEquals":["HandleItemFailError"],"Next":"FinalCaught"}],"Next":"Final"},
				"FinalCaught":{"Type":"Pass","End":true},"Final":{"Type":"Pass","End":true}}}`,
			want: []eventLink{
				{"ExecutionStarted", 1, 0}, {"PassStateEntered", 2, 0}, {"PassStateExited", 3, 2}, {"MapStateEntered", 4, 3},
				{"MapStateStarted", 5, 4}, {"MapIterationStarted", 6, 5}, {"FailStateEntered", 7, 6}, {"MapIterationFailed", 8, 7},
				{"MapStateFailed", 9, 7}, {"MapStateExited", 10, 9}, {"PassStateEntered", 11, 10}, {"PassStateExited", 12, 11},
				{"ExecutionSucceeded", 13, 12},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, events := sdkHistory(t, c, "chain-"+tc.name, tc.def, "{}")
			if diff := cmp.Diff(tc.want, links(events)); diff != "" {
				t.Errorf("event chain (-AWS +ours):\n%s", diff)
			}
		})
	}
}

// exitedVars is a state exit's name and the variables it reports assigned.
type exitedVars struct {
	Name      string
	Assigned  map[string]string
	Truncated *bool
}

func TestAWSRecordedAssignedVariables(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	no := false
	tests := []struct {
		name, def, input string
		want             []exitedVars
	}{
		{
			// assign/test_assign_reference_variables.snapshot.json,
			// TestAssignReferenceVariables::test_assign_in_wait_state: each
			// value is reported as its JSON text.
			name: "wait", input: `{}`,
			def:  `{"StartAt":"WaitState","States":{"WaitState":{"Type":"Wait","Seconds":0,"Assign":{"foo":"oof"},"End":true}}}`,
			want: []exitedVars{{"WaitState", map[string]string{"foo": `"oof"`}, &no}},
		},
		{
			// assign/test_assign_base.snapshot.json,
			// TestAssignBase::test_assign_in_choice[CONDITION_TRUE]: the
			// matched rule's Assign is reported on ChoiceStateExited; a
			// state that assigns nothing reports no assignedVariables.
			name: "choice", input: `{"condition":true}`,
			def: `{"QueryLanguage":"JSONata","StartAt":"ChoiceState","States":{
				"ChoiceState":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.condition %}","Next":"ConditionTrue","Assign":{"Assignment":"Condition assignment"}}],
					"Default":"DefaultState","Assign":{"Assignment":"Default Assignment"}},
				"ConditionTrue":{"Type":"Pass","End":true},
				"DefaultState":{"Type":"Fail","Cause":"Condition is false"}}}`,
			want: []exitedVars{{"ChoiceState", map[string]string{"Assignment": `"Condition assignment"`}, &no}, {"ConditionTrue", nil, nil}},
		},
		{
			// assign/test_assign_reference_variables.snapshot.json,
			// TestAssignReferenceVariables::test_assign_in_choice_state[CORRECT]:
			// JSONPath Choice rules may carry an Assign; with no rule
			// matching (the input is the string "42"), the state's own
			// Assign applies.
			name: "choice-jsonpath", input: `{"input_value":"42"}`,
			def: `{"StartAt":"CheckInputState","States":{
				"CheckInputState":{"Type":"Choice","Choices":[
					{"Variable":"$.input_value","IsPresent":false,"Assign":{"status":"UNKNOWN"},"Next":"FinalState"},
					{"Variable":"$.input_value","NumericEquals":42,"Assign":{"status":"CORRECT"},"Next":"FinalState"}],
					"Assign":{"status":"INCORRECT","guess.$":"$.input_value"},"Default":"FinalState"},
				"FinalState":{"Type":"Pass","Parameters":{"result.$":"$status"},"End":true}}}`,
			want: []exitedVars{{"CheckInputState", map[string]string{"guess": `"42"`, "status": `"INCORRECT"`}, &no}, {"FinalState", nil, nil}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, events := sdkHistory(t, c, "assigned-"+tc.name, tc.def, tc.input)
			var got []exitedVars
			for _, e := range events {
				d := e.StateExitedEventDetails
				if d == nil {
					continue
				}
				ev := exitedVars{Name: aws.ToString(d.Name), Assigned: d.AssignedVariables}
				if d.AssignedVariablesDetails != nil {
					tr := d.AssignedVariablesDetails.Truncated
					ev.Truncated = &tr
				}
				got = append(got, ev)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("exited states (-AWS +ours):\n%s", diff)
			}
		})
	}
}

func TestAWSRecordedVariableInputPath(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// assign/test_assign_reference_variables.snapshot.json,
	// TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_INPUTPATH]:
	// an InputPath naming a variable selects the variable's value.
	d := runSDK(t, c, "var-inputpath", `{"StartAt":"State0","States":{
		"State0":{"Type":"Pass","Assign":{"theAnswer":42},"Next":"State1"},
		"State1":{"Type":"Pass","InputPath":"$theAnswer","End":true}}}`, `{}`)
	if d.Status != types.ExecutionStatusSucceeded || aws.ToString(d.Output) != "42" {
		t.Errorf("got %s output %s, want SUCCEEDED output 42", d.Status, aws.ToString(d.Output))
	}
}

// evalFailure is an EvaluationFailed event and the events around it.
type evalFailure struct {
	Links   []eventLink
	Details types.EvaluationFailedEventDetails
}

func TestAWSRecordedEvaluationFailed(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	tests := []struct {
		name, def, input string
		want             evalFailure
	}{
		{
			// assign/test_assign_reference_variables.snapshot.json,
			// TestAssignReferenceVariables::test_undefined_reference[BASE_UNDEFINED_OUTPUT].
			name: "output", input: `{}`,
			def: `{"StartAt":"State0","QueryLanguage":"JSONata","States":{"State0":{"Type":"Pass","Output":"{% $doesNotExist %}","End":true}}}`,
			want: evalFailure{
				Links: []eventLink{{"ExecutionStarted", 1, 0}, {"PassStateEntered", 2, 0}, {"EvaluationFailed", 3, 0}, {"ExecutionFailed", 4, 3}},
				Details: types.EvaluationFailedEventDetails{Error: aws.String("States.QueryEvaluationError"), Location: aws.String("Output"), State: aws.String("State0"),
					Cause: aws.String("An error occurred while executing the state 'State0' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).")},
			},
		},
		{
			// scenarios/test_base_scenarios.snapshot.json,
			// TestBaseScenarios::test_map_state_items_eval_jsonata_fail[number]:
			// a Map that fails before starting records MapStateFailed too.
			name: "map-items", input: `{}`,
			def: `{"QueryLanguage":"JSONata","StartAt":"MapIterateState","States":{"MapIterateState":{"Type":"Map","MaxConcurrency":1,"Items":"{% 1 %}",
				"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Pass","States":{"Pass":{"Type":"Pass","End":true}}},"End":true}}}`,
			want: evalFailure{
				Links: []eventLink{{"ExecutionStarted", 1, 0}, {"MapStateEntered", 2, 0}, {"EvaluationFailed", 3, 0}, {"MapStateFailed", 4, 3}, {"ExecutionFailed", 5, 4}},
				Details: types.EvaluationFailedEventDetails{Error: aws.String("States.QueryEvaluationError"), Location: aws.String("Items"), State: aws.String("MapIterateState"),
					Cause: aws.String("An error occurred while executing the state 'MapIterateState' (entered at the event id #2). The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1")},
			},
		},
		{
			// scenarios/test_base_scenarios.snapshot.json,
			// TestBaseScenarios::test_wait_timestamp_jsonata[NO_T]: a Wait
			// state's EvaluationFailed points at its entered event.
			name: "wait-timestamp", input: `{"TimestampValue":"2016-12-05 21:29:29Z"}`,
			def: `{"QueryLanguage":"JSONata","StartAt":"WaitState","States":{"WaitState":{"Type":"Wait","Timestamp":"{% $states.input.TimestampValue %}","End":true}}}`,
			want: evalFailure{
				Links: []eventLink{{"ExecutionStarted", 1, 0}, {"WaitStateEntered", 2, 0}, {"EvaluationFailed", 3, 2}, {"ExecutionFailed", 4, 3}},
				Details: types.EvaluationFailedEventDetails{Error: aws.String("States.QueryEvaluationError"), Location: aws.String("Timestamp"), State: aws.String("WaitState"),
					Cause: aws.String("An error occurred while executing the state 'WaitState' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05 21:29:29Z")},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, events := sdkHistory(t, c, "evalfail-"+tc.name, tc.def, tc.input)
			got := evalFailure{Links: links(events)}
			for _, e := range events {
				if e.EvaluationFailedEventDetails != nil {
					got.Details = *e.EvaluationFailedEventDetails
				}
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.IgnoreUnexported(types.EvaluationFailedEventDetails{})); diff != "" {
				t.Errorf("(-AWS +ours):\n%s", diff)
			}
		})
	}
}

func TestAWSRecordedTaskResourceNames(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, asl.Resources{"arn:aws:states:::aws-sdk:dynamodb:putItem": func(context.Context, asl.TaskCall) (json.RawMessage, error) {
		return json.RawMessage(`{}`), nil
	}})
	// error_handling/test_aws_sdk.snapshot.json,
	// TestAwsSdk::test_dynamodb_invalid_param: an AWS SDK integration's
	// events name the service in resourceType and the action in resource.
	_, events := sdkHistory(t, c, "sdk-names", `{"StartAt":"PutItem","States":{"PutItem":{"Type":"Task",
		"Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem","Parameters":{"TableName":"t","Item":{}},"End":true}}}`, `{}`)
	type named struct{ Type, ResourceType, Resource string }
	var got []named
	for _, e := range events {
		switch {
		case e.TaskScheduledEventDetails != nil:
			got = append(got, named{string(e.Type), aws.ToString(e.TaskScheduledEventDetails.ResourceType), aws.ToString(e.TaskScheduledEventDetails.Resource)})
		case e.TaskStartedEventDetails != nil:
			got = append(got, named{string(e.Type), aws.ToString(e.TaskStartedEventDetails.ResourceType), aws.ToString(e.TaskStartedEventDetails.Resource)})
		case e.TaskSucceededEventDetails != nil:
			got = append(got, named{string(e.Type), aws.ToString(e.TaskSucceededEventDetails.ResourceType), aws.ToString(e.TaskSucceededEventDetails.Resource)})
		}
	}
	want := []named{{"TaskScheduled", "aws-sdk:dynamodb", "putItem"}, {"TaskStarted", "aws-sdk:dynamodb", "putItem"}, {"TaskSucceeded", "aws-sdk:dynamodb", "putItem"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("task events (-AWS +ours):\n%s", diff)
	}
}

func TestAWSRecordedFailPathCauses(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// scenarios/test_base_scenarios.snapshot.json,
	// TestBaseScenarios::test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]
	// and [ST.INVALID_JSONPATH_IN_CAUSEPATH].
	tests := []struct{ name, field, path, want string }{
		{"error-path", "ErrorPath", "$.ErrorX", `An error occurred while executing the state 'fail' (entered at the event id #2). The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{"Error":"error-value"}'`},
		{"cause-path", "CausePath", "$.NoSuchCausePath", `An error occurred while executing the state 'fail' (entered at the event id #2). The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input '{"Error":"error-value"}'`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := runSDK(t, c, "failpath-"+tc.name, `{"StartAt":"fail","States":{"fail":{"Type":"Fail","`+tc.field+`":"`+tc.path+`"}}}`, `{"Error":"error-value"}`)
			if aws.ToString(d.Error) != "States.Runtime" || aws.ToString(d.Cause) != tc.want {
				t.Errorf("got %s: %s\nwant States.Runtime: %s", aws.ToString(d.Error), aws.ToString(d.Cause), tc.want)
			}
		})
	}
}

func TestAWSRecordedMapToleranceExpressions(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// evaluate_jsonata/test_base_evaluate_expressions.snapshot.json,
	// TestBaseEvaluateJsonata::test_base_map[TOLERATED_FAILURE_COUNT] and
	// [TOLERATED_FAILURE_PERCENTAGE]: JSONata expressions are accepted in
	// both fields and the Map runs to [1].
	for _, field := range []string{"ToleratedFailureCount", "ToleratedFailurePercentage"} {
		t.Run(field, func(t *testing.T) {
			t.Parallel()
			d := runSDK(t, c, "tol-"+field, `{"QueryLanguage":"JSONata","StartAt":"Start","States":{"Start":{"Type":"Map","Items":[1],"MaxConcurrency":1,
				"`+field+`":"{% $variable := 1 %}",
				"ItemProcessor":{"StartAt":"Process","States":{"Process":{"Type":"Pass","End":true}}},"End":true}}}`, `{}`)
			if d.Status != types.ExecutionStatusSucceeded || aws.ToString(d.Output) != "[1]" {
				t.Errorf("got %s output %s, want SUCCEEDED [1]", d.Status, aws.ToString(d.Output))
			}
		})
	}
}

func TestAWSRecordedGroupRetryChain(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	srv := httptest.NewServer(sfnlocal.New(sfnlocal.Config{Clock: clk}))
	t.Cleanup(srv.Close)
	c := sfn.New(sfn.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Retryer: aws.NopRetryer{}, HTTPClient: srv.Client(),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")})
	ctx := context.Background()
	// scenarios/test_base_scenarios.snapshot.json,
	// TestBaseScenarios::test_map_state_retry: a Map retried as a whole
	// records no MapStateFailed before each retry; the retry's
	// MapStateStarted points at the failed iteration's last state event.
	m, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("map-retry"), RoleArn: aws.String(sdkRole), Definition: aws.String(`{"StartAt":"StartState","States":{
		"StartState":{"Type":"Pass","Result":[1],"ResultPath":"$.arr","Next":"MapState"},
		"MapState":{"Type":"Map","ResultPath":null,"InputPath":"$.arr","MaxConcurrency":1,
			"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"HandleItemFail","States":{
				"HandleItemFail":{"Type":"Fail","Error":"HandleItemFailError","Cause":"HandleItemFailCause"}}},
			"Retry":[{"ErrorEquals":["HandleItemFailError"],"MaxAttempts":2}],"Next":"Final"},
		"Final":{"Type":"Pass","End":true}}}`)})
	if err != nil {
		t.Fatalf("CreateStateMachine: %v", err)
	}
	x, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: m.StateMachineArn, Input: aws.String(`{}`)})
	if err != nil {
		t.Fatalf("StartExecution: %v", err)
	}
	for range 2 { // the two retry intervals, 1s then 2s
		if !clk.WaitForTimers(1, t.Context().Done()) {
			t.Fatal("no retry timer")
		}
		clk.Advance(2 * time.Second)
	}
	var events []types.HistoryEvent
	for deadline := time.Now().Add(10 * time.Second); ; {
		h, err := c.GetExecutionHistory(ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: x.ExecutionArn, MaxResults: 1000})
		if err != nil {
			t.Fatalf("GetExecutionHistory: %v", err)
		}
		events = h.Events
		if n := len(events); n > 0 && events[n-1].Type == types.HistoryEventTypeExecutionFailed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("execution not failed after 10s: %v", links(events))
		}
		time.Sleep(2 * time.Millisecond)
	}
	want := []eventLink{
		{"ExecutionStarted", 1, 0}, {"PassStateEntered", 2, 0}, {"PassStateExited", 3, 2}, {"MapStateEntered", 4, 3},
		{"MapStateStarted", 5, 4}, {"MapIterationStarted", 6, 5}, {"FailStateEntered", 7, 6}, {"MapIterationFailed", 8, 7},
		{"MapStateStarted", 9, 7}, {"MapIterationStarted", 10, 9}, {"FailStateEntered", 11, 10}, {"MapIterationFailed", 12, 11},
		{"MapStateStarted", 13, 11}, {"MapIterationStarted", 14, 13}, {"FailStateEntered", 15, 14}, {"MapIterationFailed", 16, 15},
		{"MapStateFailed", 17, 15}, {"ExecutionFailed", 18, 17},
	}
	if diff := cmp.Diff(want, links(events)); diff != "" {
		t.Errorf("event chain (-AWS +ours):\n%s", diff)
	}
}

func TestAWSRecordedTimeoutPathBeforeResource(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// scenarios/test_base_scenarios.snapshot.json,
	// TestBaseScenarios::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_TIMEOUTSECONDSPATH]:
	// a TimeoutSecondsPath matching nothing fails the state, whatever the
	// resource (here one this endpoint does not serve).
	d := runSDK(t, c, "timeout-path", `{"StartAt":"task","States":{"task":{"Type":"Task","TimeoutSecondsPath":"$.NoSuchTimeoutSecondsPath",
		"Resource":"arn:aws:states:::aws-sdk:s3:listBuckets","Parameters":{},"End":true}}}`, `{}`)
	want := "An error occurred while executing the state 'task' (entered at the event id #2). Invalid path '$.NoSuchTimeoutSecondsPath' : No results for path: $['NoSuchTimeoutSecondsPath']"
	if aws.ToString(d.Error) != "States.Runtime" || aws.ToString(d.Cause) != want {
		t.Errorf("got %s: %s\nwant States.Runtime: %s", aws.ToString(d.Error), aws.ToString(d.Cause), want)
	}
}

func TestAWSRecordedFailedBranchTaskAborted(t *testing.T) {
	t.Parallel()
	failing := asl.Resources{"arn:aws:states:::lambda:invoke": func(context.Context, asl.TaskCall) (json.RawMessage, error) {
		return nil, &asl.TaskFailure{Name: "Exception", Cause: "boom"}
	}}
	c := sdkClient(t, failing)
	// callback/test_callback.snapshot.json,
	// TestCallback::test_sqs_failure_in_wait_for_task_tok_no_error_field[SQS_PARALLEL_WAIT_FOR_TASK_TOKEN]:
	// a branch failing at a Task records TaskStateAborted, and
	// ParallelStateFailed points at the task's failure event too.
	_, events := sdkHistory(t, c, "branch-abort", `{"StartAt":"ParallelJob","States":{"ParallelJob":{"Type":"Parallel",
		"Branches":[{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}],
		"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.states_all_error","Next":"CaughtStatesALL"}],"End":true},
		"CaughtStatesALL":{"Type":"Pass","End":true}}}`, `{}`)
	want := []eventLink{
		{"ExecutionStarted", 1, 0}, {"ParallelStateEntered", 2, 0}, {"ParallelStateStarted", 3, 2},
		{"TaskStateEntered", 4, 3}, {"TaskScheduled", 5, 4}, {"TaskStarted", 6, 5}, {"TaskFailed", 7, 6},
		{"TaskStateAborted", 8, 7}, {"ParallelStateFailed", 9, 7}, {"ParallelStateExited", 10, 9},
		{"PassStateEntered", 11, 10}, {"PassStateExited", 12, 11}, {"ExecutionSucceeded", 13, 12},
	}
	if diff := cmp.Diff(want, links(events)); diff != "" {
		t.Errorf("event chain (-AWS +ours):\n%s", diff)
	}
}

func TestAWSRecordedIllegalIntrinsicEscape(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// scenarios/test_base_scenarios.snapshot.json,
	// TestBaseScenarios::test_illegal_escapes[ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION]:
	// an intrinsic function with an escape it does not allow (\") is
	// refused with AWS's wording, located at the Parameters object.
	def := `{"StartAt":"IntrinsicEscape","States":{"IntrinsicEscape":{"Type":"Pass","Parameters":{
		"parsed.$":"States.StringToJson('{\"text\":\"An \\\"escaped double quote\\\" here\"}')"},"End":true}}}`
	_, err := c.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{Name: aws.String("illegal-escape"), Definition: aws.String(def), RoleArn: aws.String(sdkRole)})
	var invalid *types.InvalidDefinition
	want := "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call at /States/IntrinsicEscape/Parameters'"
	if !errors.As(err, &invalid) || aws.ToString(invalid.Message) != want {
		t.Errorf("CreateStateMachine error = %v\nwant InvalidDefinition: %s", err, want)
	}
}

func TestAWSRecordedConstantCondition(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// scenarios/test_base_scenarios.snapshot.json,
	// TestBaseScenarios::test_choice_condition_constant_jsonata: a JSONata
	// Choice rule's Condition may be the boolean true itself.
	d := runSDK(t, c, "constant-condition", `{"StartAt":"ChoiceState","States":{
		"ChoiceState":{"Type":"Choice","QueryLanguage":"JSONata","Choices":[{"Condition":true,"Next":"ConditionTrue"}],"Default":"DefaultState"},
		"ConditionTrue":{"Type":"Pass","End":true},
		"DefaultState":{"Type":"Fail","Cause":"Condition is false"}}}`, `{}`)
	if d.Status != types.ExecutionStatusSucceeded || aws.ToString(d.Output) != "{}" {
		t.Errorf("got %s output %s, want SUCCEEDED {}", d.Status, aws.ToString(d.Output))
	}
}

func TestAWSRecordedWaitTimestampRefused(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// scenarios/test_base_scenarios.snapshot.json,
	// TestBaseScenarios::test_wait_timestamp_invalid: each value below is
	// refused at creation with the same words; in a JSONPath state a
	// JSONata expression is just a string that is no timestamp.
	for name, ts := range map[string]string{
		"NO_T": "2016-12-05 21:29:29Z", "NO_Z": "2016-12-05T21:29:29", "INVALID_DATE": "2016-13-05T21:29:29Z",
		"INVALID_TIME": "2016-12-05T25:29:29Z", "INVALID_ISO": "05-12-2016T21:29:29Z", "JSONATA": "{% '2016-03-14T01:59:00Z' %}",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			def := `{"StartAt":"WaitUntil","States":{"WaitUntil":{"Type":"Wait","Timestamp":"` + ts + `","End":true}}}`
			_, err := c.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{Name: aws.String("wait-" + name), Definition: aws.String(def), RoleArn: aws.String(sdkRole)})
			var invalid *types.InvalidDefinition
			want := "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp'"
			if !errors.As(err, &invalid) || aws.ToString(invalid.Message) != want {
				t.Errorf("CreateStateMachine error = %v\nwant InvalidDefinition: %s", err, want)
			}
		})
	}
}

func TestAWSRecordedUnknownDynamoIntegration(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// services/test_dynamodb_task_service.snapshot.json,
	// TestTaskServiceDynamoDB::test_invalid_integration: dynamodb:query is
	// no optimized integration, and AWS refuses it at creation.
	def := `{"StartAt":"Query","States":{"Query":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:query",
		"Parameters":{"TableName":"t"},"End":true}}}`
	_, err := c.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{Name: aws.String("ddb-query"), Definition: aws.String(def), RoleArn: aws.String(sdkRole)})
	var invalid *types.InvalidDefinition
	want := "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. at /States/Query/Resource'"
	if !errors.As(err, &invalid) || aws.ToString(invalid.Message) != want {
		t.Errorf("CreateStateMachine error = %v\nwant InvalidDefinition: %s", err, want)
	}
}
