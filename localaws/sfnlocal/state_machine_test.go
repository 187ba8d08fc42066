package sfnlocal_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

func TestStateMachineLifecycle(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	arn := h.createMachine(t, "payments", passMachine)
	if want := "arn:aws:states:us-east-1:123456789012:stateMachine:payments"; arn != want {
		t.Fatalf("ARN = %q, want %q", arn, want)
	}

	got, err := h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(got.Definition) != passMachine || aws.ToString(got.Name) != "payments" ||
		got.Status != types.StateMachineStatusActive || got.Type != types.StateMachineTypeStandard ||
		aws.ToString(got.RoleArn) != testRole || !got.CreationDate.Equal(epoch0) {
		t.Fatalf("DescribeStateMachine = %+v", got)
	}

	upd, err := h.client.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{
		StateMachineArn: aws.String(arn), Definition: aws.String(waitMachine),
	})
	if err != nil {
		t.Fatal(err)
	}
	if upd.UpdateDate == nil || aws.ToString(upd.RevisionId) == "" {
		t.Fatalf("UpdateStateMachine = %+v, want a date and a revision", upd)
	}
	got, err = h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(got.Definition) != waitMachine || aws.ToString(got.RoleArn) != testRole {
		t.Fatalf("after update: definition %q role %q", aws.ToString(got.Definition), aws.ToString(got.RoleArn))
	}

	if _, err := h.client.DeleteStateMachine(ctx, &sfn.DeleteStateMachineInput{StateMachineArn: aws.String(arn)}); err != nil {
		t.Fatal(err)
	}
	_, err = h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn)})
	wantAPIError[*types.StateMachineDoesNotExist](t, err)
	if _, err := h.client.DeleteStateMachine(ctx, &sfn.DeleteStateMachineInput{StateMachineArn: aws.String(arn)}); err != nil {
		t.Fatalf("deleting a deleted machine: %v, want success as on AWS", err)
	}
}

func TestCreateStateMachineIsIdempotent(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	first := h.createMachine(t, "same", passMachine)
	if again := h.createMachine(t, "same", passMachine); again != first {
		t.Fatalf("second identical create returned %q, want %q", again, first)
	}
	_, err := h.client.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{
		Name: aws.String("same"), Definition: aws.String(waitMachine), RoleArn: aws.String(testRole),
	})
	wantAPIError[*types.StateMachineAlreadyExists](t, err)
}

func TestCreateStateMachineErrors(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cases := []struct {
		name, machine, definition string
		check                     func(testing.TB, error)
	}{
		{"bad name", "has space", passMachine, func(tb testing.TB, err error) { wantAPIError[*types.InvalidName](tb, err) }},
		{"name too long", strings.Repeat("n", 81), passMachine, func(tb testing.TB, err error) {
			// AWS checks the length constraint before the naming rules, so an
			// 81-character name is a ValidationException, not InvalidName.
			isValidationError(tb, err)
			want := "1 validation error detected: Value '" + strings.Repeat("n", 81) +
				"' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80"
			if got := apiMessage(tb, err); got != want {
				tb.Errorf("message %q, want %q", got, want)
			}
		}},
		{"not JSON", "notjson", "{", func(tb testing.TB, err error) { wantAPIError[*types.InvalidDefinition](tb, err) }},
		{"bad Next", "badnext", `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}`, func(tb testing.TB, err error) {
			e := wantAPIError[*types.InvalidDefinition](tb, err)
			if !strings.Contains(e.ErrorMessage(), "/States/A/Next") {
				tb.Errorf("message %q does not locate the problem", e.ErrorMessage())
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.client.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{
				Name: aws.String(tc.machine), Definition: aws.String(tc.definition), RoleArn: aws.String(testRole),
			})
			tc.check(t, err)
		})
	}
}

func TestMachineArnErrors(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for _, arn := range []string{"nope", "arn:aws:states:us-east-1:123456789012:execution:m:e", "arn:aws:sqs:us-east-1:123456789012:q"} {
		_, err := h.client.DescribeStateMachine(context.Background(), &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn)})
		wantAPIError[*types.InvalidArn](t, err)
	}
}

func TestUpdateStateMachineNeedsAChange(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	arn := h.createMachine(t, "m", passMachine)
	_, err := h.client.UpdateStateMachine(context.Background(), &sfn.UpdateStateMachineInput{StateMachineArn: aws.String(arn)})
	wantAPIError[*types.MissingRequiredParameter](t, err)
}

func TestListStateMachinesPages(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	var want []string
	for i := range 7 {
		name := fmt.Sprintf("m%02d", 6-i) // created out of name order
		h.createMachine(t, name, passMachine)
		want = append([]string{name}, want...)
	}
	var got []string
	pages := 0
	p := sfn.NewListStateMachinesPaginator(h.client, &sfn.ListStateMachinesInput{MaxResults: 3})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, m := range out.StateMachines {
			got = append(got, aws.ToString(m.Name))
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("listed names (-want +got):\n%s", diff)
	}
	if pages != 3 {
		t.Fatalf("pages = %d, want 3", pages)
	}
	_, err := h.client.ListStateMachines(context.Background(), &sfn.ListStateMachinesInput{NextToken: aws.String("garbage")})
	wantAPIError[*types.InvalidToken](t, err)
}

func TestValidateStateMachineDefinition(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ok, err := h.client.ValidateStateMachineDefinition(context.Background(), &sfn.ValidateStateMachineDefinitionInput{Definition: aws.String(passMachine)})
	if err != nil {
		t.Fatal(err)
	}
	if ok.Result != types.ValidateStateMachineDefinitionResultCodeOk || len(ok.Diagnostics) != 0 {
		t.Fatalf("valid definition: %+v", ok)
	}
	bad, err := h.client.ValidateStateMachineDefinition(context.Background(), &sfn.ValidateStateMachineDefinitionInput{
		Definition: aws.String(`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	if bad.Result != types.ValidateStateMachineDefinitionResultCodeFail || len(bad.Diagnostics) == 0 {
		t.Fatalf("invalid definition: %+v", bad)
	}
	d := bad.Diagnostics[0]
	if d.Severity != types.ValidateStateMachineDefinitionSeverityError || aws.ToString(d.Code) == "" || aws.ToString(d.Location) != "/States/A/Next" {
		t.Fatalf("diagnostic = %+v, want an ERROR at /States/A/Next", d)
	}
}
