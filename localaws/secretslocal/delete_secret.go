package secretslocal

import (
	"fmt"
	"strings"
	"time"
)

// defaultRecoveryDays is the recovery window of a DeleteSecret that names
// none.
const defaultRecoveryDays = 30

type deleteSecretInput struct {
	secretIDInput
	RecoveryWindowInDays       *int64 `json:"RecoveryWindowInDays"`
	ForceDeleteWithoutRecovery bool   `json:"ForceDeleteWithoutRecovery"`
}

type deleteSecretOutput struct {
	secretRef
	DeletionDate float64 `json:"DeletionDate"`
}

// deleteSecret schedules a secret's deletion at the end of its recovery
// window (7 to 30 days, 30 by default), during which it can be restored
// and its name stays taken, or removes it at once with
// ForceDeleteWithoutRecovery, which also ends a running recovery window.
func (s *regional) deleteSecret(body []byte) (any, error) {
	var in deleteSecretInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if in.ForceDeleteWithoutRecovery && in.RecoveryWindowInDays != nil {
		return nil, newError(codeInvalidParameter, msgForceWithRecovery)
	}
	days := int64(defaultRecoveryDays)
	if in.RecoveryWindowInDays != nil {
		days = *in.RecoveryWindowInDays
		if days < 7 || days > 30 {
			return nil, newError(codeInvalidParameter, msgRecoveryWindowSize)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sec, err := s.lookup(in.SecretID)
	if missing(err) && in.ForceDeleteWithoutRecovery {
		return s.forgetMissing(in.SecretID)
	}
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	out := deleteSecretOutput{secretRef: secretRef{ARN: sec.arn, Name: sec.name}}
	if in.ForceDeleteWithoutRecovery {
		delete(s.secrets, sec.name)
		out.DeletionDate = epoch(now)
		return out, nil
	}
	if !sec.deletion.IsZero() {
		return nil, newError(codeInvalidRequest, msgMarkedForDeletion)
	}
	sec.deletedAt = now
	sec.deletion = now.Add(time.Duration(days) * 24 * time.Hour)
	out.DeletionDate = epoch(sec.deletion)
	return out, nil
}

// forgetMissing answers a forced deletion of a secret that does not
// exist as AWS does, as if it had been deleted (LocalStack's AWS-validated
// test_delete_non_existent_secret_returns_as_if_secret_exists): the name,
// an ARN for it and the time. The caller holds s.mu.
func (s *regional) forgetMissing(id string) (any, error) {
	name, ok := s.nameFromARN(id)
	if !ok {
		name = id
	}
	arn := id
	if !strings.HasPrefix(id, "arn:") {
		var err error
		if arn, err = s.newARN(name); err != nil {
			return nil, fmt.Errorf("delete secret: %w", err)
		}
	}
	return deleteSecretOutput{secretRef: secretRef{ARN: arn, Name: name}, DeletionDate: epoch(s.clock.Now())}, nil
}

// restoreSecret cancels a scheduled deletion. Restoring a secret that is
// not scheduled for deletion changes nothing and succeeds.
func (s *regional) restoreSecret(body []byte) (any, error) {
	return onSecret(s, body, anyState, nil, func(_ *secretIDInput, sec *secret) (any, error) {
		sec.deletion, sec.deletedAt = time.Time{}, time.Time{}
		return secretRef{ARN: sec.arn, Name: sec.name}, nil
	})
}
