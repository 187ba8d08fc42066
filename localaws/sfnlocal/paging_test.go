package sfnlocal_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// The wordings are AWS's, as recorded in LocalStack's AWS-validated
// snapshots: maxResults over 1000, a nextToken over 1024 characters (3096
// for ListExecutions), and a token the service did not issue.
func TestPagingRefusalsAnswerAsAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	arn := h.createMachine(t, "paged", passMachine)
	_, err := h.client.ListStateMachines(ctx, &sfn.ListStateMachinesInput{MaxResults: 1001})
	isValidationError(t, err)
	if got, want := apiMessage(t, err), "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"; got != want {
		t.Errorf("maxResults 1001: %q", got)
	}
	long := strings.Repeat("t", 1025)
	_, err = h.client.ListStateMachineVersions(ctx, &sfn.ListStateMachineVersionsInput{StateMachineArn: aws.String(arn), NextToken: aws.String(long)})
	isValidationError(t, err)
	if got, want := apiMessage(t, err), "1 validation error detected: Value '"+long+"' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024"; got != want {
		t.Errorf("1025-character token: %q", got)
	}
	_, err = h.client.ListExecutions(ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(arn), NextToken: aws.String(long)})
	wantAPIError[*types.InvalidToken](t, err) // under ListExecutions' 3096 limit: just not a token it issued
	longer := strings.Repeat("t", 3097)
	_, err = h.client.ListExecutions(ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(arn), NextToken: aws.String(longer)})
	isValidationError(t, err)
	if got := apiMessage(t, err); !strings.HasSuffix(got, "Member must have length less than or equal to 3096") {
		t.Errorf("3097-character token: %q", got)
	}
	_, err = h.client.ListStateMachineAliases(ctx, &sfn.ListStateMachineAliasesInput{StateMachineArn: aws.String(arn), NextToken: aws.String("bogus")})
	e := wantAPIError[*types.InvalidToken](t, err)
	if e.ErrorMessage() != "Invalid Token: 'Invalid token'" {
		t.Errorf("bogus token: %q", e.ErrorMessage())
	}
}

// ListStateMachines lists by name in byte order, as AWS does: LocalStack's
// AWS-validated snapshot of TestSnfApi::test_list_sms_pagination
// (tests/aws/services/stepfunctions/v2/test_sfn_api.snapshot.json,
// validated 2024-07-01) records thirteen machines statemachine_<i>_<uid>
// paged five at a time in the order 0, 10, 11, 12, 1, 2, ..., 9, not in
// creation order.
func TestListStateMachinesOrdersByName(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	for i := range 13 {
		h.createMachine(t, fmt.Sprintf("statemachine_%d_x", i), passMachine)
	}
	var got []string
	p := sfn.NewListStateMachinesPaginator(h.client, &sfn.ListStateMachinesInput{MaxResults: 5})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.StateMachines) == 0 || len(page.StateMachines) > 5 {
			t.Errorf("a page of %d machines", len(page.StateMachines))
		}
		for _, m := range page.StateMachines {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(aws.ToString(m.Name), "statemachine_"), "_x"))
		}
	}
	want := []string{"0", "10", "11", "12", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	if !slices.Equal(got, want) {
		t.Errorf("listed order %v, want %v", got, want)
	}
}
