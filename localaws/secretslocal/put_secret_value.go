package secretslocal

type putSecretValueInput struct {
	valueInput
	SecretID      string   `json:"SecretId"`
	VersionStages []string `json:"VersionStages"`
}

type putSecretValueOutput struct {
	secretRef
	VersionID     string   `json:"VersionId"`
	VersionStages []string `json:"VersionStages"`
}

// putSecretValue stores a new version. Without VersionStages it becomes
// AWSCURRENT and the version that was current becomes AWSPREVIOUS.
func (s *regional) putSecretValue(body []byte) (any, error) {
	var in putSecretValueInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	if !in.hasValue() {
		return nil, errorf(codeInvalidRequest, "You must provide either SecretString or SecretBinary.")
	}
	stages := in.VersionStages
	if stages == nil {
		stages = []string{stageCurrent}
	}
	if err := checkStages(stages); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sec, err := s.live(in.SecretID)
	if err != nil {
		return nil, err
	}
	v, err := s.addVersion(sec, in.valueInput, stages)
	if err != nil {
		return nil, err
	}
	return putSecretValueOutput{
		secretRef: secretRef{ARN: sec.arn, Name: sec.name}, VersionID: v.id, VersionStages: append([]string{}, v.stages...),
	}, nil
}
