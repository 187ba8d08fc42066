package sfnlocal_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// noHostPrefix turns off the "sync-" host prefix the SDK puts before
// StartSyncExecution's endpoint, as a client of a local endpoint must.
func noHostPrefix(o *sfn.Options) {
	o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("NoHostPrefix",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				return next.HandleInitialize(smithyhttp.DisableEndpointHostPrefix(ctx, true), in)
			}), middleware.Before)
	})
}

func (h *harness) createExpress(tb testing.TB, name, definition string) string {
	tb.Helper()
	out, err := h.client.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{
		Name: aws.String(name), Definition: aws.String(definition), RoleArn: aws.String(testRole), Type: types.StateMachineTypeExpress,
	})
	if err != nil {
		tb.Fatalf("CreateStateMachine EXPRESS %s: %v", name, err)
	}
	return aws.ToString(out.StateMachineArn)
}

// TestStartSyncExecution runs Express workflows to their end and checks
// the answer against the one AWS recorded (LocalStack's AWS-validated
// test_start_sync_execution and TestExpressSync::test_base): status, output
// or error and cause, the input, an express ARN naming the execution, and
// billing details; a Standard machine is refused in AWS's words.
func TestStartSyncExecution(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	pass := h.createExpress(t, "express-pass", passMachine)
	out, err := h.client.StartSyncExecution(ctx, &sfn.StartSyncExecutionInput{StateMachineArn: &pass, Name: aws.String("run-1"), Input: aws.String(`{"order":"o-1"}`)}, noHostPrefix)
	if err != nil {
		t.Fatalf("StartSyncExecution: %v", err)
	}
	wantArn := "arn:aws:states:us-east-1:123456789012:express:express-pass:run-1:"
	if out.Status != types.SyncExecutionStatusSucceeded || aws.ToString(out.Output) != `{"order":"o-1","result":{"done":true}}` ||
		aws.ToString(out.Input) != `{"order":"o-1"}` || !strings.HasPrefix(aws.ToString(out.ExecutionArn), wantArn) ||
		aws.ToString(out.Name) != "run-1" || aws.ToString(out.StateMachineArn) != pass || out.StopDate == nil {
		t.Errorf("StartSyncExecution = %+v", out)
	}
	if b := out.BillingDetails; b == nil || b.BilledMemoryUsedInMB != 64 || b.BilledDurationInMilliseconds != 100 {
		t.Errorf("billingDetails = %+v, want 64 MB and 100 ms", out.BillingDetails)
	}

	fail := h.createExpress(t, "express-fail", failMachine)
	out, err = h.client.StartSyncExecution(ctx, &sfn.StartSyncExecutionInput{StateMachineArn: &fail}, noHostPrefix)
	if err != nil || out.Status != types.SyncExecutionStatusFailed || aws.ToString(out.Error) != "Payment.Declined" ||
		aws.ToString(out.Cause) != "card declined" || out.Output != nil {
		t.Errorf("StartSyncExecution of a Fail state = %+v (%v)", out, err)
	}

	standard := h.createMachine(t, "standard", passMachine)
	_, err = h.client.StartSyncExecution(ctx, &sfn.StartSyncExecutionInput{StateMachineArn: &standard}, noHostPrefix)
	if got := wantAPIError[*types.StateMachineTypeNotSupported](t, err); aws.ToString(got.Message) != "This operation is not supported by this type of state machine" {
		t.Errorf("StartSyncExecution of a STANDARD machine = %q", aws.ToString(got.Message))
	}
}

// TestExpressExecutionsAreNotKept follows LocalStack's AWS-validated
// test_start_async_describe_history_execution: an Express execution
// started with StartExecution has an express ARN, and DescribeExecution,
// GetExecutionHistory and StopExecution refuse it, ListExecutions refuses
// the machine, all in AWS's words; DescribeStateMachine says EXPRESS.
func TestExpressExecutionsAreNotKept(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	arn := h.createExpress(t, "express-async", passMachine)
	started, err := h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: &arn, Name: aws.String("later")})
	if err != nil || !strings.HasPrefix(aws.ToString(started.ExecutionArn), "arn:aws:states:us-east-1:123456789012:express:express-async:later:") {
		t.Fatalf("StartExecution of an Express machine = %+v (%v)", started, err)
	}
	const invalid = "Invalid Arn: 'Resource type not valid in this context: express'"
	_, err = h.client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: started.ExecutionArn})
	if got := wantAPIError[*types.InvalidArn](t, err); aws.ToString(got.Message) != invalid {
		t.Errorf("DescribeExecution = %q", aws.ToString(got.Message))
	}
	_, err = h.client.GetExecutionHistory(ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: started.ExecutionArn})
	if got := wantAPIError[*types.InvalidArn](t, err); aws.ToString(got.Message) != invalid {
		t.Errorf("GetExecutionHistory = %q", aws.ToString(got.Message))
	}
	_, err = h.client.StopExecution(ctx, &sfn.StopExecutionInput{ExecutionArn: started.ExecutionArn})
	if got := wantAPIError[*types.InvalidArn](t, err); aws.ToString(got.Message) != invalid {
		t.Errorf("StopExecution = %q", aws.ToString(got.Message))
	}
	_, err = h.client.ListExecutions(ctx, &sfn.ListExecutionsInput{StateMachineArn: &arn})
	if got := wantAPIError[*types.StateMachineTypeNotSupported](t, err); aws.ToString(got.Message) != "This operation is not supported by this type of state machine" {
		t.Errorf("ListExecutions = %q", aws.ToString(got.Message))
	}
	desc, err := h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: &arn})
	if err != nil || desc.Type != types.StateMachineTypeExpress {
		t.Errorf("DescribeStateMachine type = %v (%v), want EXPRESS", desc.Type, err)
	}
}

// TestExpressRefusesWaitingIntegrations checks the definitions an Express
// workflow cannot run, refused at creation with the messages AWS recorded
// (LocalStack's AWS-validated test_illegal_callbacks and
// test_illegal_activity_task), also inside a Parallel branch, and on update.
func TestExpressRefusesWaitingIntegrations(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	tests := []struct {
		name, definition, want string
	}{
		{"task token", `{"StartAt":"Publish","States":{"Publish":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken","Parameters":{"TopicArn":"t","Message.$":"$$.Task.Token"},"End":true}}}`,
			"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/Publish/Resource'"},
		{"sync", `{"StartAt":"StartExecution","States":{"StartExecution":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync","Parameters":{"StateMachineArn":"a"},"End":true}}}`,
			"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/StartExecution/Resource'"},
		{"activity", `{"StartAt":"ActivityTask","States":{"ActivityTask":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:work","End":true}}}`,
			"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at /States/ActivityTask/Resource'"},
		{"in a branch", `{"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"q","MessageBody.$":"$$.Task.Token"},"End":true}}}]}}}`,
			"at /States/Both/Branches/0/States/Ask/Resource'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("x-" + strings.ReplaceAll(tc.name, " ", "-")),
				Definition: aws.String(tc.definition), RoleArn: aws.String(testRole), Type: types.StateMachineTypeExpress})
			if got := aws.ToString(wantAPIError[*types.InvalidDefinition](t, err).Message); !strings.HasSuffix(got, tc.want) {
				t.Errorf("CreateStateMachine = %q, want it to end %q", got, tc.want)
			}
		})
	}
	arn := h.createExpress(t, "express-update", passMachine)
	_, err := h.client.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{StateMachineArn: &arn, Definition: aws.String(tokenMachine)})
	wantAPIError[*types.InvalidDefinition](t, err)
	if _, err := h.client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("standard-token"),
		Definition: aws.String(tokenMachine), RoleArn: aws.String(testRole)}); err != nil {
		t.Errorf("a STANDARD machine with a task token: %v", err)
	}
}
