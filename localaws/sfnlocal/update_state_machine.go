package sfnlocal

import (
	"context"
	"encoding/json"

	"github.com/payflow-dev/payflow/localaws/asl"
)

type updateStateMachineInput struct {
	StateMachineArn      string          `json:"stateMachineArn"`
	Definition           string          `json:"definition"`
	RoleArn              string          `json:"roleArn"`
	LoggingConfiguration json.RawMessage `json:"loggingConfiguration"`
	TracingConfiguration json.RawMessage `json:"tracingConfiguration"`
}

type updateStateMachineOutput struct {
	UpdateDate *epochTime `json:"updateDate"`
	RevisionID string     `json:"revisionId"`
}

// updateStateMachine replaces a machine's definition or settings. Running
// executions keep the definition they started with, as on the service.
func (s *Service) updateStateMachine(_ context.Context, in *updateStateMachineInput) (*updateStateMachineOutput, error) {
	if err := checkStateMachineArn(in.StateMachineArn); err != nil {
		return nil, err
	}
	if in.Definition == "" && in.RoleArn == "" && len(in.LoggingConfiguration) == 0 && len(in.TracingConfiguration) == 0 {
		return nil, errorf(codeMissingRequiredParameter, "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified")
	}
	var parsed *asl.Machine
	if in.Definition != "" {
		var err error
		if parsed, err = parseDefinition(in.Definition); err != nil {
			return nil, err
		}
	}
	now := s.clock.Now()
	revision := newUUID()

	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	m, ok := s.store.machines[in.StateMachineArn]
	if !ok {
		return nil, errorf(codeStateMachineDoesNotExist, "State Machine Does Not Exist: '%s'", in.StateMachineArn)
	}
	if parsed != nil {
		m.definition, m.machine = in.Definition, parsed
	}
	if in.RoleArn != "" {
		m.roleArn = in.RoleArn
	}
	if len(in.LoggingConfiguration) != 0 {
		m.logging = in.LoggingConfiguration
	}
	if len(in.TracingConfiguration) != 0 {
		m.tracing = in.TracingConfiguration
	}
	m.revisionID = revision
	return &updateStateMachineOutput{UpdateDate: epoch(now), RevisionID: revision}, nil
}
