package awsadapter

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Tasks answers the payment tasks that workflows wait on, by task token.
// It implements callback.Tasks; a task that can no longer be answered is
// orders.ErrTaskClosed.
type Tasks struct {
	client *sfn.Client
}

// NewTasks returns Tasks answering through client.
func NewTasks(client *sfn.Client) *Tasks { return &Tasks{client: client} }

// Succeed answers the task with the authorization as its output.
func (t *Tasks) Succeed(ctx context.Context, token string, a orders.Authorization) error {
	output, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode authorization: %w", err)
	}
	_, err = t.client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(string(output))})
	if err != nil {
		return classify("send task success", err)
	}
	return nil
}

// Fail answers the task with a named error and a readable cause.
func (t *Tasks) Fail(ctx context.Context, token, errName, cause string) error {
	_, err := t.client.SendTaskFailure(ctx, &sfn.SendTaskFailureInput{
		TaskToken: aws.String(token), Error: aws.String(errName), Cause: aws.String(cause),
	})
	if err != nil {
		return classify("send task failure", err)
	}
	return nil
}

// Heartbeat tells the workflow the task is still being worked on.
func (t *Tasks) Heartbeat(ctx context.Context, token string) error {
	if _, err := t.client.SendTaskHeartbeat(ctx, &sfn.SendTaskHeartbeatInput{TaskToken: aws.String(token)}); err != nil {
		return classify("send task heartbeat", err)
	}
	return nil
}

// ExecutionStatus reads the status of the execution the task belongs to,
// so that a callback finding the task closed can tell whether its answer
// was taken (SUCCEEDED) or the workflow ended without it.
func (t *Tasks) ExecutionStatus(ctx context.Context, executionARN string) (string, error) {
	out, err := t.client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: aws.String(executionARN)})
	if err != nil {
		return "", classify("describe execution", err)
	}
	return string(out.Status), nil
}
