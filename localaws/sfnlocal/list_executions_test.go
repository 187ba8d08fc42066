package sfnlocal_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

func TestListExecutionsFiltersAndPages(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	choice := `{"StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[{"Variable":"$.wait","BooleanEquals":true,"Next":"W"}],"Default":"Done"},
		"W":{"Type":"Wait","Seconds":60,"Next":"Done"},
		"Done":{"Type":"Succeed"}}}`
	m := h.createMachine(t, "mixed", choice)
	var running, succeeded []string
	for i := range 10 {
		name := fmt.Sprintf("x%02d", i)
		wait := i%2 == 0
		arn := h.start(t, m, name, fmt.Sprintf(`{"wait":%t}`, wait))
		if wait {
			running = append([]string{name}, running...) // newest first
		} else {
			h.waitDone(t, arn)
			succeeded = append([]string{name}, succeeded...)
		}
		h.clock.Advance(time.Millisecond)
	}
	h.waitTimers(t, len(running))

	cases := []struct {
		name   string
		filter types.ExecutionStatus
		want   []string
	}{
		{"running", types.ExecutionStatusRunning, running},
		{"succeeded", types.ExecutionStatusSucceeded, succeeded},
		{"failed", types.ExecutionStatusFailed, nil},
		{"all", "", []string{"x09", "x08", "x07", "x06", "x05", "x04", "x03", "x02", "x01", "x00"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			p := sfn.NewListExecutionsPaginator(h.client, &sfn.ListExecutionsInput{
				StateMachineArn: aws.String(m), StatusFilter: tc.filter, MaxResults: 2,
			})
			for p.HasMorePages() {
				out, err := p.NextPage(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if len(out.Executions) > 2 {
					t.Fatalf("page of %d, maxResults 2", len(out.Executions))
				}
				for _, x := range out.Executions {
					if tc.filter != "" && x.Status != tc.filter {
						t.Errorf("%s has status %s under filter %s", aws.ToString(x.Name), x.Status, tc.filter)
					}
					got = append(got, aws.ToString(x.Name))
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatalf("names (-want +got):\n%s", diff)
			}
		})
	}
}

func TestListExecutionsErrors(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	m := h.createMachine(t, "m", passMachine)
	cases := []struct {
		name  string
		in    *sfn.ListExecutionsInput
		check func(testing.TB, error)
	}{
		{"no such machine", &sfn.ListExecutionsInput{StateMachineArn: aws.String(m + "x")}, isErr[*types.StateMachineDoesNotExist]},
		{"bad ARN", &sfn.ListExecutionsInput{StateMachineArn: aws.String("x")}, isErr[*types.InvalidArn]},
		{"bad filter", &sfn.ListExecutionsInput{StateMachineArn: aws.String(m), StatusFilter: "DONE"}, isValidationError},
		{"bad token", &sfn.ListExecutionsInput{StateMachineArn: aws.String(m), NextToken: aws.String("e30")}, isErr[*types.InvalidToken]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.client.ListExecutions(context.Background(), tc.in)
			tc.check(t, err)
		})
	}
}
