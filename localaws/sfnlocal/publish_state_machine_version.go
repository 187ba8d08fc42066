package sfnlocal

import (
	"context"
	"time"
)

// maxVersions is the number of versions a state machine may have.
const maxVersions = 1000

type publishStateMachineVersionInput struct {
	StateMachineArn string  `json:"stateMachineArn"`
	RevisionID      *string `json:"revisionId"`
	Description     *string `json:"description"`
}

type publishStateMachineVersionOutput struct {
	CreationDate           *epochTime `json:"creationDate"`
	StateMachineVersionArn string     `json:"stateMachineVersionArn"`
}

// publishStateMachineVersion publishes the current revision as a version.
// Publishing a revision that already has the latest version returns that
// version, as on the service; a revisionId that is no longer current is a
// conflict.
func (s *Service) publishStateMachineVersion(ctx context.Context, in *publishStateMachineVersionInput) (*publishStateMachineVersionOutput, error) {
	if err := checkStateMachineArn(in.StateMachineArn); err != nil {
		return nil, err
	}
	if in.Description != nil && len(*in.Description) > 256 {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256", *in.Description)
	}
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	m, ok := st.machines[in.StateMachineArn]
	if !ok {
		return nil, stateMachineMissing(in.StateMachineArn)
	}
	if in.RevisionID != nil && *in.RevisionID != m.cur.id {
		return nil, errorf(codeConflict, "Failed to publish the State Machine version for revision %s. The current State Machine revision is %s.", *in.RevisionID, m.cur.id)
	}
	if len(m.versions) >= maxVersions && !m.latestIsCurrent() {
		return nil, errorf(codeServiceQuotaExceeded, "Maximum number of versions (%d) reached for state machine '%s'", maxVersions, m.arn)
	}
	v := m.publish(in.Description, s.clock.Now())
	return &publishStateMachineVersionOutput{CreationDate: epoch(v.created), StateMachineVersionArn: v.arn}, nil
}

// latestIsCurrent reports whether the latest version is of the current
// revision. The caller holds the store's lock.
func (m *stateMachine) latestIsCurrent() bool {
	n := len(m.versions)
	return n > 0 && m.versions[n-1].rev == m.cur
}

// publish makes the current revision a version, or returns the latest
// version if it already is one. The caller holds the store's lock.
func (m *stateMachine) publish(description *string, now time.Time) *version {
	if m.latestIsCurrent() {
		return m.versions[len(m.versions)-1]
	}
	return m.publishNew(description, now)
}

// publishNew makes the current revision a new version even if the latest
// already is of it. The caller holds the store's lock.
func (m *stateMachine) publishNew(description *string, now time.Time) *version {
	m.lastVersion++
	v := &version{arn: versionArnOf(m.arn, m.lastVersion), number: m.lastVersion, rev: m.cur, created: now}
	if description != nil {
		v.description = *description
	}
	m.versions = append(m.versions, v)
	return v
}
