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
	Name                    string          `json:"name"`
	Definition              string          `json:"definition"`
	RoleArn                 string          `json:"roleArn"`
	Type                    string          `json:"type"`
	LoggingConfiguration    json.RawMessage `json:"loggingConfiguration"`
	TracingConfiguration    json.RawMessage `json:"tracingConfiguration"`
	EncryptionConfiguration json.RawMessage `json:"encryptionConfiguration"`
	Tags                    []tag           `json:"tags"`
	Publish                 bool            `json:"publish"`
	VersionDescription      *string         `json:"versionDescription"`
}

type createStateMachineOutput struct {
	StateMachineArn        string     `json:"stateMachineArn"`
	CreationDate           *epochTime `json:"creationDate"`
	StateMachineVersionArn string     `json:"stateMachineVersionArn,omitempty"`
}

// createStateMachine registers a state machine and, with publish, its
// version 1. Like the service, it is idempotent: repeating a creation with
// the same name, definition and role returns the existing machine, while
// any other reuse of the name fails.
func (s *Service) createStateMachine(ctx context.Context, in *createStateMachineInput) (*createStateMachineOutput, error) {
	if err := checkName(in.Name); err != nil {
		return nil, err
	}
	if in.RoleArn == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null")
	}
	if err := checkVersionDescription(in.Publish, in.VersionDescription); err != nil {
		return nil, err
	}
	kind, err := machineType(in.Type)
	if err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	machine, err := parseDefinition(in.Definition)
	if err != nil {
		return nil, err
	}
	if kind == kindExpress {
		if err := checkExpressDefinition(in.Definition); err != nil {
			return nil, err
		}
	}
	if err := checkRoleArn(in.RoleArn); err != nil {
		return nil, err
	}
	logging, err := normalLogging(in.LoggingConfiguration)
	if err != nil {
		return nil, err
	}
	arn := s.scopeOf(ctx).stateMachineArn(in.Name)
	now := s.clock.Now()
	rev := &revision{
		made:       now,
		definition: in.Definition,
		machine:    machine,
		roleArn:    in.RoleArn,
		logging:    logging,
		tracing:    in.TracingConfiguration,
		encryption: in.EncryptionConfiguration,
	}

	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	m, exists := st.machines[arn]
	if exists {
		if m.cur.definition != in.Definition || m.cur.roleArn != in.RoleArn || m.kind != kind {
			return nil, errorf(codeStateMachineAlreadyExists, "State Machine Already Exists: '%s'", arn)
		}
	} else {
		m = &stateMachine{
			arn:     arn,
			name:    in.Name,
			kind:    kind,
			created: now,
			cur:     rev,
			tags:    mergeTags(nil, in.Tags),
			aliases: make(map[string]*alias),
		}
		st.machines[arn] = m
	}
	out := &createStateMachineOutput{StateMachineArn: arn, CreationDate: epoch(m.created)}
	if in.Publish {
		out.StateMachineVersionArn = m.publish(in.VersionDescription, now).arn
	}
	return out, nil
}

// checkVersionDescription refuses a version description without publish,
// as the service does.
func checkVersionDescription(publish bool, description *string) error {
	if description == nil {
		return nil
	}
	if !publish {
		return errorf(codeValidation, "Version description can only be set when publish is true")
	}
	if len(*description) > 256 {
		return errorf(codeValidation, "1 validation error detected: Value '%s' at 'versionDescription' failed to satisfy constraint: Member must have length less than or equal to 256", *description)
	}
	return nil
}

// machineType checks a state machine type, STANDARD by default.
func machineType(t string) (string, error) {
	switch t {
	case "", kindStandard:
		return kindStandard, nil
	case kindExpress:
		return kindExpress, nil
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
