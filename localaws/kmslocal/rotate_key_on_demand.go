package kmslocal

import "fmt"

type rotateKeyOnDemandOutput struct {
	KeyID string `json:"KeyId"`
}

// rotateKeyOnDemand gives a key new material at once. New encryptions use
// it; ciphertexts sealed before still decrypt, as each names the material
// that sealed it. AWS answers with the key's ARN.
func (s *regional) rotateKeyOnDemand(body []byte) (any, error) {
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
	if k.mr != nil {
		// Replicas share their primary's material; the local KMS does not
		// keep new material in step across regions.
		return nil, errorf(codeUnsupported, "%s is a multi-Region key, which the local KMS does not rotate on demand", k.arn)
	}
	onDemand := 0
	for _, r := range k.rotations {
		if r.kind == rotationOnDemand {
			onDemand++
		}
	}
	if onDemand >= maxOnDemandRotations {
		return nil, errorf(codeLimitExceeded, "The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: %s", k.arn)
	}
	_, cur := k.current()
	next, err := s.newMaterial(len(cur.secret))
	if err != nil {
		return nil, fmt.Errorf("rotate key: %w", err)
	}
	k.materials = append(k.materials, next)
	k.rotations = append(k.rotations, rotation{date: s.clock.Now(), kind: rotationOnDemand, materialID: next.id})
	return rotateKeyOnDemandOutput{KeyID: k.arn}, nil
}
