package secretslocal

type updateSecretInput struct {
	valueInput
	secretIDInput
	Description *string `json:"Description"`
	KmsKeyID    *string `json:"KmsKeyId"`
}

type updateSecretOutput struct {
	secretRef
	VersionID string `json:"VersionId,omitempty"`
}

// updateSecret changes a secret's description or key and, when the
// request carries a value, stores it as a new AWSCURRENT version, as
// PutSecretValue does. The answer names a VersionId only then, as AWS's
// does (LocalStack's AWS-validated test_update_secret_description).
func (s *regional) updateSecret(body []byte) (any, error) {
	return onSecret(s, body, liveOnly, (*updateSecretInput).check, func(in *updateSecretInput, sec *secret) (any, error) {
		out := updateSecretOutput{secretRef: secretRef{ARN: sec.arn, Name: sec.name}}
		if in.hasValue() {
			v, err := s.addVersion(sec, in.valueInput, []string{stageCurrent})
			if err != nil {
				return nil, err
			}
			out.VersionID = v.id
		}
		if in.Description != nil {
			sec.description = *in.Description
			sec.changed = s.clock.Now()
		}
		if in.KmsKeyID != nil {
			sec.kmsKeyID = *in.KmsKeyID
			sec.changed = s.clock.Now()
		}
		return out, nil
	})
}

// check validates the value, the token and the description.
func (in *updateSecretInput) check() error {
	if err := in.valueInput.check(); err != nil {
		return err
	}
	if in.Description != nil {
		return checkDescription(*in.Description)
	}
	return nil
}
