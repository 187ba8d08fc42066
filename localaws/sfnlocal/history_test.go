package sfnlocal_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

// historyTypes reads a whole history, oldest first, and returns the event
// types.
func historyTypes(tb testing.TB, h *harness, executionArn string) []string {
	tb.Helper()
	var out []string
	for _, e := range readHistory(tb, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(executionArn)}) {
		out = append(out, string(e.Type))
	}
	return out
}

// readHistory follows nextToken to the end of a history.
func readHistory(tb testing.TB, h *harness, in *sfn.GetExecutionHistoryInput) []types.HistoryEvent {
	tb.Helper()
	var events []types.HistoryEvent
	p := sfn.NewGetExecutionHistoryPaginator(h.client, in)
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			tb.Fatalf("GetExecutionHistory: %v", err)
		}
		if in.MaxResults > 0 && len(out.Events) > int(in.MaxResults) {
			tb.Fatalf("page of %d events, maxResults %d", len(out.Events), in.MaxResults)
		}
		events = append(events, out.Events...)
	}
	return events
}

func TestHistoryOrderAndPaging(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chain := `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","End":true}}}`
	x := h.start(t, h.createMachine(t, "chain", chain), "x", `{"secret":"in"}`)
	h.waitDone(t, x)

	want := []string{"ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
		"PassStateEntered", "PassStateExited", "ExecutionSucceeded"}
	all := readHistory(t, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x)})
	var got []string
	for i, e := range all {
		got = append(got, string(e.Type))
		if e.Id != int64(i+1) {
			t.Errorf("event %d has id %d", i, e.Id)
		}
		if e.Timestamp == nil || e.Timestamp.Before(epoch0) {
			t.Errorf("event %d timestamp %v", i, e.Timestamp)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("event types (-want +got):\n%s", diff)
	}
	if all[0].ExecutionStartedEventDetails == nil || aws.ToString(all[0].ExecutionStartedEventDetails.Input) != `{"secret":"in"}` {
		t.Fatalf("ExecutionStarted details %+v", all[0].ExecutionStartedEventDetails)
	}
	if all[1].StateEnteredEventDetails == nil || aws.ToString(all[1].StateEnteredEventDetails.Name) != "A" || all[1].PreviousEventId != 0 {
		t.Fatalf("first state entered: %+v", all[1])
	}

	paged := readHistory(t, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x), MaxResults: 3})
	if diff := cmp.Diff(all, paged, cmp.Comparer(sameEvent)); diff != "" {
		t.Fatalf("paged history differs (-whole +paged):\n%s", diff)
	}

	reversed := readHistory(t, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x), MaxResults: 3, ReverseOrder: true})
	slices.Reverse(reversed)
	if diff := cmp.Diff(all, reversed, cmp.Comparer(sameEvent)); diff != "" {
		t.Fatalf("reverse history is not the history backwards (-whole +reversed):\n%s", diff)
	}

	bare := readHistory(t, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x), IncludeExecutionData: aws.Bool(false)})
	if d := bare[0].ExecutionStartedEventDetails; d == nil || d.Input != nil {
		t.Fatalf("includeExecutionData=false still returned input: %+v", d)
	}
}

func TestHistoryErrors(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	x := h.start(t, h.createMachine(t, "m", passMachine), "x", `{}`)
	h.waitDone(t, x)
	other := h.start(t, h.createMachine(t, "n", passMachine), "y", `{}`)
	h.waitDone(t, other)
	out, err := h.client.GetExecutionHistory(context.Background(), &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x), MaxResults: 1})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		in    *sfn.GetExecutionHistoryInput
		check func(testing.TB, error)
	}{
		{"unknown execution", &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x + "z")}, isErr[*types.ExecutionDoesNotExist]},
		{"machine ARN", &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(strings.Replace(x, ":execution:", ":stateMachine:", 1))}, isErr[*types.InvalidArn]},
		{"garbage token", &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x), NextToken: aws.String("!!")}, isErr[*types.InvalidToken]},
		{"token of another execution", &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(other), NextToken: out.NextToken}, isErr[*types.InvalidToken]},
		{"token of the other order", &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x), NextToken: out.NextToken, ReverseOrder: true}, isErr[*types.InvalidToken]},
		{"maxResults too big", &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x), MaxResults: 1001}, isValidationError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.client.GetExecutionHistory(context.Background(), tc.in)
			tc.check(t, err)
		})
	}
}

// sameEvent compares the parts of two events that paging must preserve.
func sameEvent(a, b types.HistoryEvent) bool {
	return a.Id == b.Id && a.PreviousEventId == b.PreviousEventId && a.Type == b.Type &&
		aws.ToTime(a.Timestamp).Equal(aws.ToTime(b.Timestamp))
}
