package secretslocal

import "slices"

// secretMetadata is DescribeSecret's answer; ListSecrets' entries are the
// same document with the version map under another name.
type secretMetadata struct {
	secretRef
	Description            string              `json:"Description,omitempty"`
	KmsKeyID               string              `json:"KmsKeyId,omitempty"`
	CreatedDate            float64             `json:"CreatedDate"`
	LastChangedDate        float64             `json:"LastChangedDate"`
	LastAccessedDate       *float64            `json:"LastAccessedDate,omitempty"`
	DeletedDate            *float64            `json:"DeletedDate,omitempty"`
	Tags                   *[]tag              `json:"Tags,omitempty"`
	VersionIDsToStages     map[string][]string `json:"VersionIdsToStages,omitempty"`
	SecretVersionsToStages map[string][]string `json:"SecretVersionsToStages,omitempty"`
}

// metadata describes sec. DeletedDate is when DeleteSecret was called, as
// AWS reports it; the end of the recovery window is DeleteSecret's
// DeletionDate.
func (sec *secret) metadata() secretMetadata {
	m := secretMetadata{
		secretRef:        secretRef{ARN: sec.arn, Name: sec.name},
		Description:      sec.description,
		KmsKeyID:         sec.kmsKeyID,
		CreatedDate:      epoch(sec.created),
		LastChangedDate:  epoch(sec.changed),
		LastAccessedDate: epochOrNil(sec.accessed),
		DeletedDate:      epochOrNil(sec.deletedAt),
	}
	if sec.tags != nil {
		// Once a secret has had tags, AWS lists "Tags": [] after the last
		// is removed; a secret never tagged has no Tags member.
		tags := slices.Clone(sec.tags)
		m.Tags = &tags
	}
	return m
}

// describeSecret answers with a secret's metadata, never its value. It
// works on a secret scheduled for deletion, which is how one learns when
// it was deleted.
func (s *regional) describeSecret(body []byte) (any, error) {
	return onSecret(s, body, anyState, nil, func(_ *secretIDInput, sec *secret) (any, error) {
		m := sec.metadata()
		m.VersionIDsToStages = sec.stagesByVersion()
		return m, nil
	})
}
