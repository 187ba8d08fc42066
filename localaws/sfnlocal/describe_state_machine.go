package sfnlocal

import (
	"context"
	"encoding/json"
)

type describeStateMachineInput struct {
	StateMachineArn string `json:"stateMachineArn"`
}

type describeStateMachineOutput struct {
	StateMachineArn      string          `json:"stateMachineArn"`
	Name                 string          `json:"name"`
	Status               string          `json:"status"`
	Definition           string          `json:"definition"`
	RoleArn              string          `json:"roleArn"`
	Type                 string          `json:"type"`
	CreationDate         *epochTime      `json:"creationDate"`
	LoggingConfiguration json.RawMessage `json:"loggingConfiguration"`
	TracingConfiguration json.RawMessage `json:"tracingConfiguration,omitempty"`
	RevisionID           string          `json:"revisionId,omitempty"`
}

// defaultLogging is the logging configuration of a machine created
// without one.
const defaultLogging = `{"level":"OFF","includeExecutionData":false}`

// describeStateMachine returns a state machine's current definition and
// settings.
func (s *Service) describeStateMachine(_ context.Context, in *describeStateMachineInput) (*describeStateMachineOutput, error) {
	if err := checkStateMachineArn(in.StateMachineArn); err != nil {
		return nil, err
	}
	m, err := s.store.machine(in.StateMachineArn)
	if err != nil {
		return nil, err
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	out := &describeStateMachineOutput{
		StateMachineArn:      m.arn,
		Name:                 m.name,
		Status:               "ACTIVE",
		Definition:           m.definition,
		RoleArn:              m.roleArn,
		Type:                 m.kind,
		CreationDate:         epoch(m.created),
		LoggingConfiguration: m.logging,
		TracingConfiguration: m.tracing,
		RevisionID:           m.revisionID,
	}
	if len(out.LoggingConfiguration) == 0 {
		out.LoggingConfiguration = json.RawMessage(defaultLogging)
	}
	return out, nil
}
