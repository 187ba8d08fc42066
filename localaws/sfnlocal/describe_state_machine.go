package sfnlocal

import (
	"context"
	"encoding/json"
	"time"
)

type describeStateMachineInput struct {
	StateMachineArn string `json:"stateMachineArn"`
}

type describeStateMachineOutput struct {
	StateMachineArn         string          `json:"stateMachineArn"`
	Name                    string          `json:"name"`
	Status                  string          `json:"status"`
	Definition              string          `json:"definition"`
	RoleArn                 string          `json:"roleArn"`
	Type                    string          `json:"type"`
	CreationDate            *epochTime      `json:"creationDate"`
	LoggingConfiguration    json.RawMessage `json:"loggingConfiguration"`
	TracingConfiguration    json.RawMessage `json:"tracingConfiguration"`
	EncryptionConfiguration json.RawMessage `json:"encryptionConfiguration"`
	RevisionID              string          `json:"revisionId,omitempty"`
	Description             string          `json:"description,omitempty"`
}

// Settings a state machine has when created without them, as AWS
// describes them.
const (
	defaultLogging    = `{"level":"OFF","includeExecutionData":false}`
	defaultTracing    = `{"enabled":false}`
	defaultEncryption = `{"type":"AWS_OWNED_KEY"}`
)

// orDefault returns a setting, or its default when it was never set.
func orDefault(v json.RawMessage, def string) json.RawMessage {
	if len(v) == 0 {
		return json.RawMessage(def)
	}
	return v
}

// describeStateMachine returns a state machine's current definition and
// settings or, for a version ARN, those the version was published with.
func (s *Service) describeStateMachine(ctx context.Context, in *describeStateMachineInput) (*describeStateMachineOutput, error) {
	if err := checkStateMachineArn(in.StateMachineArn); err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.RLock()
	defer st.mu.RUnlock()
	if m, ok := st.machines[in.StateMachineArn]; ok {
		return describeRevision(m, m.arn, m.cur, m.created, ""), nil
	}
	if m, v, ok := st.version(in.StateMachineArn); ok && v != nil {
		return describeRevision(m, v.arn, v.rev, v.created, v.description), nil
	}
	return nil, stateMachineMissing(in.StateMachineArn)
}

// describeRevision is DescribeStateMachine's answer for one revision.
func describeRevision(m *stateMachine, arn string, rev *revision, created time.Time, description string) *describeStateMachineOutput {
	return &describeStateMachineOutput{
		StateMachineArn:         arn,
		Name:                    m.name,
		Status:                  "ACTIVE",
		Definition:              rev.definition,
		RoleArn:                 rev.roleArn,
		Type:                    m.kind,
		CreationDate:            epoch(created),
		LoggingConfiguration:    orDefault(rev.logging, defaultLogging),
		TracingConfiguration:    orDefault(rev.tracing, defaultTracing),
		EncryptionConfiguration: orDefault(rev.encryption, defaultEncryption),
		RevisionID:              rev.id,
		Description:             description,
	}
}
