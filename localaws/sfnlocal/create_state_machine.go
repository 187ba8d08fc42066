package sfnlocal

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/payflow-dev/payflow/localaws/asl"
)

// maxDefinitionBytes is the largest state machine definition, 1 MiB.
const maxDefinitionBytes = 1 << 20

type createStateMachineInput struct {
	Name                 string          `json:"name"`
	Definition           string          `json:"definition"`
	RoleArn              string          `json:"roleArn"`
	Type                 string          `json:"type"`
	LoggingConfiguration json.RawMessage `json:"loggingConfiguration"`
	TracingConfiguration json.RawMessage `json:"tracingConfiguration"`
}

type createStateMachineOutput struct {
	StateMachineArn string     `json:"stateMachineArn"`
	CreationDate    *epochTime `json:"creationDate"`
}

// createStateMachine registers a state machine. Like the service, it is
// idempotent: repeating a creation with the same name, definition and role
// returns the existing machine, while any other reuse of the name fails.
func (s *Service) createStateMachine(_ context.Context, in *createStateMachineInput) (*createStateMachineOutput, error) {
	if err := checkName(in.Name); err != nil {
		return nil, err
	}
	if in.RoleArn == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null")
	}
	kind, err := machineType(in.Type)
	if err != nil {
		return nil, err
	}
	machine, err := parseDefinition(in.Definition)
	if err != nil {
		return nil, err
	}
	arn := s.stateMachineArn(in.Name)
	now := s.clock.Now()

	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	if old, ok := s.store.machines[arn]; ok {
		if old.definition != in.Definition || old.roleArn != in.RoleArn || old.kind != kind {
			return nil, errorf(codeStateMachineAlreadyExists, "State Machine Already Exists: '%s'", arn)
		}
		return &createStateMachineOutput{StateMachineArn: arn, CreationDate: epoch(old.created)}, nil
	}
	s.store.machines[arn] = &stateMachine{
		arn:        arn,
		name:       in.Name,
		kind:       kind,
		created:    now,
		definition: in.Definition,
		machine:    machine,
		roleArn:    in.RoleArn,
		logging:    in.LoggingConfiguration,
		tracing:    in.TracingConfiguration,
	}
	return &createStateMachineOutput{StateMachineArn: arn, CreationDate: epoch(now)}, nil
}

// machineType checks a state machine type; only STANDARD runs here.
func machineType(t string) (string, error) {
	switch t {
	case "", "STANDARD":
		return "STANDARD", nil
	case "EXPRESS":
		return "", errorf(codeStateMachineTypeNotSupported, "This local endpoint runs STANDARD state machines only")
	}
	return "", errorf(codeValidation, "1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]", t)
}

// parseDefinition validates a definition from a request and compiles it.
func parseDefinition(def string) (*asl.Machine, error) {
	switch {
	case def == "":
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null")
	case len(def) > maxDefinitionBytes:
		return nil, errorf(codeValidation, "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to %d", maxDefinitionBytes)
	}
	m, err := asl.Parse([]byte(def))
	if err != nil {
		var invalid *asl.ValidationError
		if errors.As(err, &invalid) {
			return nil, errorf(codeInvalidDefinition, "%s", invalid.Error())
		}
		return nil, errorf(codeInvalidDefinition, "Invalid State Machine Definition: '%v'", err)
	}
	return m, nil
}
