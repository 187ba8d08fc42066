package kmslocal

import "time"

const (
	// defaultRotationPeriod is the automatic rotation period, in days,
	// when EnableKeyRotation gives none.
	defaultRotationPeriod = 365
	// maxOnDemandRotations is how many times a key may be rotated on
	// demand.
	maxOnDemandRotations = 10
)

// rotation is one completed rotation of a key's material.
type rotation struct {
	date       time.Time
	kind       string // ON_DEMAND here; AUTOMATIC on AWS too
	materialID string
}

// rotatable resolves a key that rotation actions apply to: an enabled
// symmetric encryption key. The caller holds s.mu.
func (s *regional) rotatable(keyID string) (*key, error) {
	k, err := s.lookupKey(keyID)
	if err != nil {
		return nil, err
	}
	if err := k.usable(); err != nil {
		return nil, err
	}
	if k.spec != specSymmetric || k.origin == originExternal {
		return nil, errorf(codeUnsupported, "")
	}
	return k, nil
}

type enableKeyRotationInput struct {
	KeyID                string `json:"KeyId"`
	RotationPeriodInDays *int   `json:"RotationPeriodInDays"`
}

// enableKeyRotation turns automatic rotation on, with a period of 90 to
// 2560 days. The local KMS records the schedule (NextRotationDate) but
// rotates only on demand.
func (s *regional) enableKeyRotation(body []byte) (any, error) {
	var in enableKeyRotationInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	period := defaultRotationPeriod
	if in.RotationPeriodInDays != nil {
		period = *in.RotationPeriodInDays
		if period < 90 || period > 2560 {
			return nil, errorf(codeValidation, "1 validation error detected: Value '%d' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value between 90 and 2560", period)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.rotatable(in.KeyID)
	if err != nil {
		return nil, err
	}
	k.rotationEnabled, k.rotationPeriod, k.rotationFrom = true, period, s.clock.Now()
	return emptyOutput{}, nil
}

// disableKeyRotation turns automatic rotation off.
func (s *regional) disableKeyRotation(body []byte) (any, error) {
	var in keyIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.rotatable(in.KeyID)
	if err != nil {
		return nil, err
	}
	k.rotationEnabled = false
	return emptyOutput{}, nil
}

type getKeyRotationStatusOutput struct {
	KeyID                string   `json:"KeyId"`
	KeyRotationEnabled   bool     `json:"KeyRotationEnabled"`
	RotationPeriodInDays *int     `json:"RotationPeriodInDays,omitempty"`
	NextRotationDate     *float64 `json:"NextRotationDate,omitempty"`
}

// getKeyRotationStatus reports the automatic rotation setting; AWS names
// the key by its ARN in the answer.
func (s *regional) getKeyRotationStatus(body []byte) (any, error) {
	var in keyIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, err := s.lookupKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if k.spec != specSymmetric {
		return nil, errorf(codeUnsupported, "")
	}
	out := getKeyRotationStatusOutput{KeyID: k.arn, KeyRotationEnabled: k.rotationEnabled}
	if k.rotationEnabled {
		period := k.rotationPeriod
		next := epochSeconds(k.rotationFrom.Add(time.Duration(period) * 24 * time.Hour))
		out.RotationPeriodInDays, out.NextRotationDate = &period, &next
	}
	return out, nil
}
