package asl_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
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
