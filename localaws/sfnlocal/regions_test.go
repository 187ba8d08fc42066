package sfnlocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

func TestStateMachinesArePerRegion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	cases := []struct{ region, wantArn string }{
		{"eu-west-1", "arn:aws:states:eu-west-1:123456789012:stateMachine:regional"},
		{"cn-north-1", "arn:aws-cn:states:cn-north-1:123456789012:stateMachine:regional"},
		{"us-gov-west-1", "arn:aws-us-gov:states:us-gov-west-1:123456789012:stateMachine:regional"},
	}
	for _, tc := range cases {
		c := h.clientIn(tc.region)
		out, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("regional"), Definition: aws.String(passMachine), RoleArn: aws.String(testRole)})
		if err != nil {
			t.Fatalf("%s: %v", tc.region, err)
		}
		if got := aws.ToString(out.StateMachineArn); got != tc.wantArn {
			t.Errorf("%s: ARN %q, want %q", tc.region, got, tc.wantArn)
		}
		exec, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: out.StateMachineArn, Name: aws.String("e")})
		if err != nil {
			t.Fatal(err)
		}
		if want := tc.wantArn[:len(tc.wantArn)-len(":stateMachine:regional")] + ":execution:regional:e"; aws.ToString(exec.ExecutionArn) != want {
			t.Errorf("%s: execution ARN %q, want %q", tc.region, aws.ToString(exec.ExecutionArn), want)
		}
	}
	// us-east-1 sees none of them, not even by ARN.
	list, err := h.client.ListStateMachines(ctx, &sfn.ListStateMachinesInput{})
	if err != nil || len(list.StateMachines) != 0 {
		t.Fatalf("us-east-1 lists %+v, %v; want nothing", list, err)
	}
	_, err = h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(cases[0].wantArn)})
	wantAPIError[*types.StateMachineDoesNotExist](t, err)
	// The same name is free in us-east-1.
	if arn := h.createMachine(t, "regional", failMachine); arn != "arn:aws:states:us-east-1:123456789012:stateMachine:regional" {
		t.Errorf("us-east-1 ARN %q", arn)
	}
}

func TestDescribeStateMachineDefaults(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	arn := h.createMachine(t, "defaults", passMachine)
	out, err := h.client.DescribeStateMachine(context.Background(), &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	if out.EncryptionConfiguration == nil || out.EncryptionConfiguration.Type != types.EncryptionTypeAwsOwnedKey {
		t.Errorf("encryptionConfiguration = %+v, want AWS_OWNED_KEY", out.EncryptionConfiguration)
	}
	if out.TracingConfiguration == nil || out.TracingConfiguration.Enabled {
		t.Errorf("tracingConfiguration = %+v, want disabled", out.TracingConfiguration)
	}
}

// AWS answers a role that is not an IAM role ARN with InvalidArn, "Invalid
// Role Arn: '<arn>'" (as AWS users report it).
func TestRoleArnMustBeAnIAMRole(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for _, role := range []string{"arn:aws:iam::1234:role/unknown_role", "arn:aws:iam::aws:policy/AWSBatchFullAccess", "r"} {
		_, err := h.client.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{
			Name: aws.String("role"), Definition: aws.String(passMachine), RoleArn: aws.String(role),
		})
		e := wantAPIError[*types.InvalidArn](t, err)
		if want := "Invalid Role Arn: '" + role + "'"; e.ErrorMessage() != want {
			t.Errorf("%s: message %q, want %q", role, e.ErrorMessage(), want)
		}
	}
	if arn := h.createMachine(t, "role", passMachine); arn == "" {
		t.Fatal("a proper role was refused")
	}
}
