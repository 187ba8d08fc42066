package secretslocal

import "fmt"

type createSecretInput struct {
	valueInput
	Name        string `json:"Name"`
	Description string `json:"Description"`
	KmsKeyID    string `json:"KmsKeyId"`
	Tags        []tag  `json:"Tags"`
}

// secretRef is the ARN and Name every mutating operation answers with.
type secretRef struct {
	ARN  string `json:"ARN"`
	Name string `json:"Name"`
}

type createSecretOutput struct {
	secretRef
	VersionID string `json:"VersionId,omitempty"`
}

// createSecret makes a secret, with a first AWSCURRENT version when the
// request carries a value. Repeating a CreateSecret with the same
// ClientRequestToken and value (an SDK retry) answers as the first did.
func (s *regional) createSecret(body []byte) (any, error) {
	var in createSecretInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if err := checkName(in.Name); err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if err := checkDescription(in.Description); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.purge()
	if sec, ok := s.secrets[in.Name]; ok {
		return s.createAgain(sec, in)
	}
	arn, err := s.newARN(in.Name)
	if err != nil {
		return nil, fmt.Errorf("create secret: %w", err)
	}
	now := s.clock.Now()
	sec := &secret{
		name: in.Name, arn: arn, description: in.Description, kmsKeyID: in.KmsKeyID,
		tags: append([]tag(nil), in.Tags...), created: now, changed: now, versions: map[string]*version{},
	}
	out := createSecretOutput{secretRef: secretRef{ARN: arn, Name: in.Name}}
	if in.hasValue() {
		v, err := s.addVersion(sec, in.valueInput, []string{stageCurrent})
		if err != nil {
			return nil, err
		}
		out.VersionID = v.id
	}
	s.secrets[in.Name] = sec
	return out, nil
}

// createAgain answers a CreateSecret for a name already taken: an
// idempotent retry succeeds, anything else is refused with AWS's words.
func (s *regional) createAgain(sec *secret, in createSecretInput) (any, error) {
	if !sec.deletion.IsZero() {
		return nil, newError(codeInvalidRequest, msgScheduledDeletion)
	}
	if v, ok := sec.versions[in.ClientRequestToken]; ok && in.ClientRequestToken != "" && v.sameValue(in.SecretString, in.SecretBinary) {
		return createSecretOutput{secretRef: secretRef{ARN: sec.arn, Name: sec.name}, VersionID: v.id}, nil
	}
	return nil, errorf(codeResourceExists, "The operation failed because the secret %s already exists.", in.Name)
}
