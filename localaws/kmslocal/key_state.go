package kmslocal

import "time"

type keyStateOutput struct{}

// setEnabled moves a key between Enabled and Disabled. Keys pending
// deletion must first be cancelled, as in AWS.
func (s *regional) setEnabled(body []byte, enabled bool) (any, error) {
	var in keyIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.changeableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if k.state == statePendingImport {
		return nil, errorf(codeInvalidState, "%s is pending import.", k.arn)
	}
	k.state = stateDisabled
	if enabled {
		k.state = stateEnabled
	}
	return keyStateOutput{}, nil
}

func (s *regional) enableKey(body []byte) (any, error)  { return s.setEnabled(body, true) }
func (s *regional) disableKey(body []byte) (any, error) { return s.setEnabled(body, false) }

type scheduleKeyDeletionInput struct {
	KeyID               string `json:"KeyId"`
	PendingWindowInDays *int   `json:"PendingWindowInDays"`
}

type scheduleKeyDeletionOutput struct {
	DeletionDate        float64 `json:"DeletionDate"`
	KeyID               string  `json:"KeyId"`
	KeyState            string  `json:"KeyState"`
	PendingWindowInDays int     `json:"PendingWindowInDays"`
}

// scheduleKeyDeletion marks a key PendingDeletion. The local KMS never
// destroys the material: the key simply stays unusable, which is all a test
// of the deletion path can observe.
func (s *regional) scheduleKeyDeletion(body []byte) (any, error) {
	var in scheduleKeyDeletionInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	days := 30
	if in.PendingWindowInDays != nil {
		days = *in.PendingWindowInDays
	}
	if days < 7 || days > 30 {
		return nil, errorf(codeValidation, "PendingWindowInDays must be between 7 and 30")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.changeableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	k.state = statePendingDeletion
	k.window = days
	k.deletion = s.clock.Now().Add(time.Duration(days) * 24 * time.Hour)
	return scheduleKeyDeletionOutput{
		DeletionDate:        epochSeconds(k.deletion),
		KeyID:               k.arn,
		KeyState:            k.state,
		PendingWindowInDays: days,
	}, nil
}

type cancelKeyDeletionOutput struct {
	KeyID string `json:"KeyId"`
}

// cancelKeyDeletion leaves the key Disabled, as AWS does.
func (s *regional) cancelKeyDeletion(body []byte) (any, error) {
	var in keyIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.lookupKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if k.state != statePendingDeletion {
		return nil, errorf(codeInvalidState, "%s is not pending deletion.", k.arn)
	}
	k.state = stateDisabled
	if k.origin == originExternal && len(k.materials) == 0 {
		k.state = statePendingImport // nothing imported yet
	}
	k.deletion, k.window = time.Time{}, 0
	return cancelKeyDeletionOutput{KeyID: k.arn}, nil
}
