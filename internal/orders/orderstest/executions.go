package orderstest

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/payflow-dev/payflow/clock"
)

// Executions is a fake of one Step Functions state machine's executions.
// It is safe for concurrent use.
type Executions struct {
	stateMachineARN string
	clock           clock.Clock

	mu     sync.Mutex
	byName map[string]*sfn.DescribeExecutionOutput
	inputs []string
	err    error
}

// NewExecutions returns a fake holding no executions of stateMachineARN,
// dating them by c.
func NewExecutions(stateMachineARN string, c clock.Clock) *Executions {
	return &Executions{stateMachineARN: stateMachineARN, clock: c, byName: map[string]*sfn.DescribeExecutionOutput{}}
}

// StartExecution records in.Input and starts a RUNNING execution, or fails
// with ExecutionAlreadyExists when the name is taken.
func (e *Executions) StartExecution(_ context.Context, in *sfn.StartExecutionInput, _ ...func(*sfn.Options)) (*sfn.StartExecutionOutput, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.inputs = append(e.inputs, aws.ToString(in.Input))
	if e.err != nil {
		return nil, e.err
	}
	if aws.ToString(in.StateMachineArn) != e.stateMachineARN {
		return nil, &types.StateMachineDoesNotExist{Message: aws.String("State Machine Does Not Exist: " + aws.ToString(in.StateMachineArn))}
	}
	name := aws.ToString(in.Name)
	arn := strings.Replace(e.stateMachineARN, ":stateMachine:", ":execution:", 1) + ":" + name
	if _, ok := e.byName[name]; ok {
		return nil, &types.ExecutionAlreadyExists{Message: aws.String("Execution Already Exists: '" + arn + "'")}
	}
	now := e.clock.Now()
	e.byName[name] = &sfn.DescribeExecutionOutput{
		ExecutionArn:    aws.String(arn),
		StateMachineArn: aws.String(e.stateMachineARN),
		Name:            aws.String(name),
		Status:          types.ExecutionStatusRunning,
		StartDate:       aws.Time(now),
		Input:           in.Input,
	}
	return &sfn.StartExecutionOutput{ExecutionArn: aws.String(arn), StartDate: aws.Time(now)}, nil
}

// DescribeExecution returns a copy of the execution, or
// ExecutionDoesNotExist.
func (e *Executions) DescribeExecution(_ context.Context, in *sfn.DescribeExecutionInput, _ ...func(*sfn.Options)) (*sfn.DescribeExecutionOutput, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err != nil {
		return nil, e.err
	}
	for _, x := range e.byName {
		if aws.ToString(x.ExecutionArn) == aws.ToString(in.ExecutionArn) {
			out := *x
			return &out, nil
		}
	}
	return nil, &types.ExecutionDoesNotExist{Message: aws.String("Execution Does Not Exist: '" + aws.ToString(in.ExecutionArn) + "'")}
}

// Finish ends the named execution with status and, for a failure, the
// error name and cause, as the workflow would.
func (e *Executions) Finish(name string, status types.ExecutionStatus, errName, cause string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	x, ok := e.byName[name]
	if !ok {
		return fmt.Errorf("fake executions: no execution %q", name)
	}
	x.Status = status
	x.StopDate = aws.Time(e.clock.Now())
	if errName != "" {
		x.Error, x.Cause = aws.String(errName), aws.String(cause)
	}
	return nil
}

// Put stores an execution as if started by other means, such as by hand
// with the AWS CLI.
func (e *Executions) Put(name, input string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	arn := strings.Replace(e.stateMachineARN, ":stateMachine:", ":execution:", 1) + ":" + name
	e.byName[name] = &sfn.DescribeExecutionOutput{
		ExecutionArn: aws.String(arn), Name: aws.String(name), Status: types.ExecutionStatusRunning,
		StartDate: aws.Time(e.clock.Now()), Input: aws.String(input),
	}
}

// Inputs returns every input StartExecution was given, accepted or not.
func (e *Executions) Inputs() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.inputs...)
}

// FailWith makes every later call fail with err; nil restores service.
func (e *Executions) FailWith(err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.err = err
}
