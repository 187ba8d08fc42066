package awsadapter

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Workflows runs the payment workflow of each order as an execution of one
// Step Functions state machine, named by the orderId. It implements
// orders.PaymentWorkflows.
type Workflows struct {
	client          *sfn.Client
	stateMachineARN string
	// executions is the ARN of the state machine's executions without the
	// execution name: arn:...:execution:<machine>.
	executions arn.ARN
}

// NewWorkflows returns the workflows of stateMachineARN, which must be a
// state machine's ARN (arn:<partition>:states:<region>:<account>:
// stateMachine:<name>).
func NewWorkflows(client *sfn.Client, stateMachineARN string) (*Workflows, error) {
	a, err := arn.Parse(stateMachineARN)
	name, isMachine := strings.CutPrefix(a.Resource, "stateMachine:")
	if err != nil || a.Service != "states" || !isMachine || name == "" || strings.Contains(name, ":") {
		return nil, fmt.Errorf("state machine ARN %q is not arn:<partition>:states:<region>:<account>:stateMachine:<name>", stateMachineARN)
	}
	a.Resource = "execution:" + name
	return &Workflows{client: client, stateMachineARN: stateMachineARN, executions: a}, nil
}

// StartPayment starts the execution named req.OrderID with req as input.
func (w *Workflows) StartPayment(ctx context.Context, req orders.PaymentRequest) (orders.Execution, error) {
	input, err := json.Marshal(req)
	if err != nil {
		return orders.Execution{}, fmt.Errorf("encode payment request: %w", err)
	}
	out, err := w.client.StartExecution(ctx, &sfn.StartExecutionInput{
		StateMachineArn: aws.String(w.stateMachineARN),
		Name:            aws.String(req.OrderID),
		Input:           aws.String(string(input)),
	})
	if err != nil {
		return orders.Execution{}, classify("start execution", err)
	}
	return orders.Execution{
		ARN:       aws.ToString(out.ExecutionArn),
		Status:    orders.ExecutionRunning,
		StartDate: aws.ToTime(out.StartDate),
	}, nil
}

// DescribePayment reads the execution named orderID.
func (w *Workflows) DescribePayment(ctx context.Context, orderID string) (orders.Execution, error) {
	out, err := w.client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: aws.String(w.ExecutionARN(orderID))})
	if err != nil {
		return orders.Execution{}, classify("describe execution", err)
	}
	return orders.Execution{
		ARN:       aws.ToString(out.ExecutionArn),
		Status:    string(out.Status),
		StartDate: aws.ToTime(out.StartDate),
		StopDate:  aws.ToTime(out.StopDate),
		Error:     aws.ToString(out.Error),
		Cause:     aws.ToString(out.Cause),
		Input:     json.RawMessage(aws.ToString(out.Input)),
	}, nil
}

// ExecutionARN is the ARN Step Functions gives the execution named
// orderID, so an order's status needs no lookup table.
func (w *Workflows) ExecutionARN(orderID string) string {
	a := w.executions
	a.Resource += ":" + orderID
	return a.String()
}
