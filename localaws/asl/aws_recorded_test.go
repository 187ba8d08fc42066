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
