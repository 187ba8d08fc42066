package sfnlocal

import (
	"context"
	"encoding/json"
)

type activityArnInput struct {
	ActivityArn string `json:"activityArn"`
}

type describeActivityOutput struct {
	ActivityArn             string          `json:"activityArn"`
	Name                    string          `json:"name"`
	CreationDate            *epochTime      `json:"creationDate"`
	EncryptionConfiguration json.RawMessage `json:"encryptionConfiguration"`
}

// describeActivity returns an activity's name, date and encryption
// configuration (AWS's default when none was given).
func (s *Service) describeActivity(ctx context.Context, in *activityArnInput) (*describeActivityOutput, error) {
	if err := checkActivityArn(in.ActivityArn); err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.RLock()
	defer st.mu.RUnlock()
	a, ok := st.activities[in.ActivityArn]
	if !ok {
		return nil, activityDoesNotExist(in.ActivityArn)
	}
	return &describeActivityOutput{ActivityArn: a.arn, Name: a.name, CreationDate: epoch(a.created),
		EncryptionConfiguration: orDefault(a.encryption, defaultEncryption)}, nil
}
