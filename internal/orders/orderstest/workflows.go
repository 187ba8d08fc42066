package orderstest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
)

// Workflows is a fake of the payment workflows of one state machine. It is
// safe for concurrent use.
type Workflows struct {
	stateMachineARN string
	clock           clock.Clock

	mu     sync.Mutex
	byName map[string]*orders.Execution
	inputs []string
	err    error
}

// NewWorkflows returns a fake holding no executions of stateMachineARN
// (arn:aws:states:<region>:<account>:stateMachine:<name>), dating them
// by c.
func NewWorkflows(stateMachineARN string, c clock.Clock) *Workflows {
	return &Workflows{stateMachineARN: stateMachineARN, clock: c, byName: map[string]*orders.Execution{}}
}

// StartPayment records the input and starts a RUNNING execution named by
// the orderId. Like Step Functions, it returns the running execution for a
// start with its name and its exact input, and refuses any other start of
// a used name with ErrConflict.
func (w *Workflows) StartPayment(_ context.Context, req orders.PaymentRequest) (orders.Execution, error) {
	input, err := json.Marshal(req)
	if err != nil {
		return orders.Execution{}, fmt.Errorf("fake workflows: %w", err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.inputs = append(w.inputs, string(input))
	if w.err != nil {
		return orders.Execution{}, w.err
	}
	if x, ok := w.byName[req.OrderID]; ok {
		if x.Status == orders.ExecutionRunning && bytes.Equal(x.Input, input) {
			return *x, nil
		}
		return orders.Execution{}, fmt.Errorf("fake workflows: execution already exists: %q: %w", x.ARN, orders.ErrConflict)
	}
	x := w.put(req.OrderID, input)
	return *x, nil
}

// DescribePayment returns a copy of the execution, or ErrNotFound.
func (w *Workflows) DescribePayment(_ context.Context, orderID string) (orders.Execution, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return orders.Execution{}, w.err
	}
	x, ok := w.byName[orderID]
	if !ok {
		return orders.Execution{}, fmt.Errorf("fake workflows: execution %q: %w", orderID, orders.ErrNotFound)
	}
	return *x, nil
}

// Finish ends the named execution with status (orders.ExecutionSucceeded,
// ...) and, for a failure, the error name and cause, as the workflow
// would.
func (w *Workflows) Finish(name, status, errName, cause string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	x, ok := w.byName[name]
	if !ok {
		return fmt.Errorf("fake workflows: no execution %q", name)
	}
	x.Status = status
	x.StopDate = w.clock.Now()
	x.Error, x.Cause = errName, cause
	return nil
}

// Put stores a RUNNING execution as if started by other means, such as by
// hand with the AWS CLI.
func (w *Workflows) Put(name, input string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.put(name, []byte(input))
}

// put stores a new RUNNING execution; w.mu is held.
func (w *Workflows) put(name string, input []byte) *orders.Execution {
	x := &orders.Execution{
		ARN:       strings.Replace(w.stateMachineARN, ":stateMachine:", ":execution:", 1) + ":" + name,
		Status:    orders.ExecutionRunning,
		StartDate: w.clock.Now(),
		Input:     input,
	}
	w.byName[name] = x
	return x
}

// Inputs returns every input StartPayment was given, accepted or not.
func (w *Workflows) Inputs() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.inputs...)
}

// FailWith makes every later call fail with err; nil restores service.
func (w *Workflows) FailWith(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.err = err
}
