package secretslocal

type putSecretValueInput struct {
	valueInput
	secretIDInput
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
	return onSecret(s, body, liveOnly, (*putSecretValueInput).check, func(in *putSecretValueInput, sec *secret) (any, error) {
		v, err := s.addVersion(sec, in.valueInput, in.stages())
		if err != nil {
			return nil, err
		}
		return putSecretValueOutput{
			secretRef: secretRef{ARN: sec.arn, Name: sec.name}, VersionID: v.id, VersionStages: append([]string{}, v.stages...),
		}, nil
	})
}

// check validates the value, the token and the staging labels.
func (in *putSecretValueInput) check() error {
	if err := in.valueInput.check(); err != nil {
		return err
	}
	if !in.hasValue() {
		return errorf(codeInvalidRequest, "You must provide either SecretString or SecretBinary.")
	}
	return checkStages(in.stages())
}

// stages are the labels the new version takes: AWSCURRENT unless the
// request names others.
func (in *putSecretValueInput) stages() []string {
	if in.VersionStages == nil {
		return []string{stageCurrent}
	}
	return in.VersionStages
}
