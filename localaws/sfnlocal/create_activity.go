package sfnlocal

import (
	"context"
	"encoding/json"
)

type createActivityInput struct {
	Name                    string          `json:"name"`
	Tags                    []tag           `json:"tags"`
	EncryptionConfiguration json.RawMessage `json:"encryptionConfiguration"`
}

type createActivityOutput struct {
	ActivityArn  string     `json:"activityArn"`
	CreationDate *epochTime `json:"creationDate"`
}

// encryptionConfiguration is the part of an encryptionConfiguration member
// the service checks.
type encryptionConfiguration struct {
	Type     string `json:"type"`
	KmsKeyID string `json:"kmsKeyId"`
}

// checkEncryption applies the API's rule on an encryption configuration: a
// customer managed key must be named.
func checkEncryption(raw json.RawMessage) error {
	if len(raw) == 0 {
		return nil
	}
	var c encryptionConfiguration
	if err := json.Unmarshal(raw, &c); err != nil {
		return errorf(codeSerialization, "encryptionConfiguration is not an object")
	}
	switch c.Type {
	case "AWS_OWNED_KEY":
	case "CUSTOMER_MANAGED_KMS_KEY":
		if c.KmsKeyID == "" {
			return errorf(codeInvalidEncryptionConfig, "Invalid Encryption Configuration: kmsKeyId must be provided when type is CUSTOMER_MANAGED_KMS_KEY")
		}
	default:
		return errorf(codeValidation, "1 validation error detected: Value '%s' at 'encryptionConfiguration.type' failed to satisfy constraint: Member must satisfy enum value set: [CUSTOMER_MANAGED_KMS_KEY, AWS_OWNED_KEY]", c.Type)
	}
	return nil
}

// createActivity registers an activity. As AWS documents, it is idempotent
// on the name: creating an existing activity returns it unchanged (new tags
// are ignored), unless the encryption configuration differs, which cannot
// be updated.
func (s *Service) createActivity(ctx context.Context, in *createActivityInput) (*createActivityOutput, error) {
	if err := checkName(in.Name); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if err := checkEncryption(in.EncryptionConfiguration); err != nil {
		return nil, err
	}
	arn := s.scopeOf(ctx).activityArn(in.Name)
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	if a, ok := st.activities[arn]; ok {
		if string(a.encryption) != string(in.EncryptionConfiguration) {
			return nil, errorf(codeActivityAlreadyExists, "Activity already exists: '%s'", arn)
		}
		return &createActivityOutput{ActivityArn: a.arn, CreationDate: epoch(a.created)}, nil
	}
	st.activitySeq++
	a := &activity{arn: arn, name: in.Name, created: s.clock.Now(), seq: st.activitySeq,
		tags: mergeTags(nil, in.Tags), encryption: in.EncryptionConfiguration, arrived: make(chan struct{})}
	st.activities[arn] = a
	return &createActivityOutput{ActivityArn: arn, CreationDate: epoch(a.created)}, nil
}
