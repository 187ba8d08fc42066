package orders

import (
	"context"
	"encoding/json"
	"time"
)

// PaymentWorkflows starts and reads the payment workflow of an order, one
// execution per orderId. internal/awsadapter implements it with Step
// Functions; orderstest fakes it.
type PaymentWorkflows interface {
	// StartPayment starts the workflow of req.OrderID with req as its
	// input. As Step Functions does, starting again with the identical
	// input while that execution runs returns it without error (so a
	// retried start is harmless); any other start of a used orderId fails
	// with an error wrapping ErrConflict.
	StartPayment(ctx context.Context, req PaymentRequest) (Execution, error)
	// DescribePayment reads the workflow of orderID, or fails with an
	// error wrapping ErrNotFound.
	DescribePayment(ctx context.Context, orderID string) (Execution, error)
}

// Execution is what the domain knows of one payment workflow.
type Execution struct {
	// ARN identifies the execution to AWS tools (console, CLI).
	ARN string
	// Status is ExecutionRunning, ExecutionSucceeded, ... as Step
	// Functions reports it.
	Status    string
	StartDate time.Time
	// StopDate is zero while the execution runs.
	StopDate time.Time
	// Error and Cause are set for a failed execution.
	Error, Cause string
	// Input is the execution's input as started, which for an execution
	// started by hand need not be a PaymentRequest. DescribePayment sets
	// it; StartPayment may leave it empty.
	Input json.RawMessage
}

// CardSealer encrypts a card so that only the callback, asking for the
// same order, can open it.
type CardSealer interface {
	// SealCard returns the ciphertext of card, bound to orderID.
	SealCard(ctx context.Context, orderID string, card CardSecret) ([]byte, error)
}

// OrderDigester computes a keyed digest (a MAC) of a canonical order, so
// that a replay is told from a conflict without an unkeyed hash of a card.
type OrderDigester interface {
	// DigestOrder returns the MAC of msg.
	DigestOrder(ctx context.Context, msg []byte) ([]byte, error)
}
