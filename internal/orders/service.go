package orders

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
)

// ExecutionStarter starts workflow executions; *sfn.Client satisfies it.
type ExecutionStarter interface {
	StartExecution(ctx context.Context, in *sfn.StartExecutionInput, opts ...func(*sfn.Options)) (*sfn.StartExecutionOutput, error)
}

// ExecutionDescriber reads a workflow execution; *sfn.Client satisfies it.
type ExecutionDescriber interface {
	DescribeExecution(ctx context.Context, in *sfn.DescribeExecutionInput, opts ...func(*sfn.Options)) (*sfn.DescribeExecutionOutput, error)
}

// Sealer encrypts card data under a KMS key; *kms.Client satisfies it.
type Sealer interface {
	Encrypt(ctx context.Context, in *kms.EncryptInput, opts ...func(*kms.Options)) (*kms.EncryptOutput, error)
}

// Digester computes keyed digests with a KMS HMAC key; *kms.Client
// satisfies it.
type Digester interface {
	GenerateMac(ctx context.Context, in *kms.GenerateMacInput, opts ...func(*kms.Options)) (*kms.GenerateMacOutput, error)
}

// Config is everything a Service needs. All fields are required.
type Config struct {
	// StateMachineARN is the payment workflow that Place starts.
	StateMachineARN string
	// CardKeyID is the KMS symmetric key that seals cards.
	CardKeyID string
	// MACKeyID is the KMS HMAC_256 key that digests orders.
	MACKeyID  string
	Starter   ExecutionStarter
	Describer ExecutionDescriber
	Sealer    Sealer
	Digester  Digester
	Validator *Validator
}

// Service places orders by starting one payment workflow execution per
// orderId, and reports their status from that execution.
type Service struct {
	cfg Config
}

// NewService checks cfg and returns a Service.
func NewService(cfg Config) (*Service, error) {
	var errs []error
	if !strings.Contains(cfg.StateMachineARN, ":stateMachine:") {
		errs = append(errs, errors.New("state machine ARN must contain \":stateMachine:\""))
	}
	if cfg.CardKeyID == "" {
		errs = append(errs, errors.New("card key id is required"))
	}
	if cfg.MACKeyID == "" {
		errs = append(errs, errors.New("MAC key id is required"))
	}
	if cfg.Starter == nil || cfg.Describer == nil || cfg.Sealer == nil || cfg.Digester == nil || cfg.Validator == nil {
		errs = append(errs, errors.New("starter, describer, sealer, digester and validator are required"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("orders: invalid config: %w", err)
	}
	return &Service{cfg: cfg}, nil
}

// executionARN is the ARN Step Functions gives the execution named
// orderID, so an order's status needs no lookup table.
func (s *Service) executionARN(orderID string) string {
	return strings.Replace(s.cfg.StateMachineARN, ":stateMachine:", ":execution:", 1) + ":" + orderID
}
