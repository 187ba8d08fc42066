package sfnlocal

import (
	"context"
	"encoding/json"
	"strings"
)

type describeStateMachineForExecutionInput struct {
	ExecutionArn string `json:"executionArn"`
}

type describeStateMachineForExecutionOutput struct {
	StateMachineArn         string          `json:"stateMachineArn"`
	Name                    string          `json:"name"`
	Definition              string          `json:"definition"`
	RoleArn                 string          `json:"roleArn"`
	UpdateDate              *epochTime      `json:"updateDate"`
	LoggingConfiguration    json.RawMessage `json:"loggingConfiguration"`
	TracingConfiguration    json.RawMessage `json:"tracingConfiguration"`
	EncryptionConfiguration json.RawMessage `json:"encryptionConfiguration"`
	RevisionID              string          `json:"revisionId,omitempty"`
}

// describeStateMachineForExecution returns the definition and settings an
// execution runs with: the revision it started on, even if the machine
// has been updated since.
func (s *Service) describeStateMachineForExecution(ctx context.Context, in *describeStateMachineForExecutionInput) (*describeStateMachineForExecutionOutput, error) {
	if err := checkExecutionArn(in.ExecutionArn); err != nil {
		return nil, err
	}
	x, err := s.storeOf(ctx).execution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	rev := x.rev
	return &describeStateMachineForExecutionOutput{
		StateMachineArn:         x.machineArn,
		Name:                    x.machineArn[strings.LastIndexByte(x.machineArn, ':')+1:],
		Definition:              rev.definition,
		RoleArn:                 rev.roleArn,
		UpdateDate:              epoch(rev.made),
		LoggingConfiguration:    orDefault(rev.logging, defaultLogging),
		TracingConfiguration:    orDefault(rev.tracing, defaultTracing),
		EncryptionConfiguration: orDefault(rev.encryption, defaultEncryption),
		RevisionID:              rev.id,
	}, nil
}
