package secretslocal

import (
	"slices"
	"time"
)

type getSecretValueInput struct {
	secretIDInput
	VersionID    string `json:"VersionId"`
	VersionStage string `json:"VersionStage"`
}

type getSecretValueOutput struct {
	secretRef
	VersionID     string   `json:"VersionId"`
	SecretString  *string  `json:"SecretString,omitempty"`
	SecretBinary  []byte   `json:"SecretBinary,omitempty"`
	VersionStages []string `json:"VersionStages"`
	CreatedDate   float64  `json:"CreatedDate"`
}

// getSecretValue returns the version a VersionId or a staging label names,
// AWSCURRENT by default, and records the day of the access as AWS does
// (LastAccessedDate is a date, not a time).
func (s *regional) getSecretValue(body []byte) (any, error) {
	return onSecret(s, body, liveOnly, nil, func(in *getSecretValueInput, sec *secret) (any, error) {
		return s.value(sec, in.VersionID, in.VersionStage)
	})
}

// value reads the version a VersionId or a staging label names (AWSCURRENT
// by default) and records the day of the access. The caller holds s.mu.
func (s *regional) value(sec *secret, versionID, stage string) (getSecretValueOutput, error) {
	var v *version
	switch {
	case versionID != "":
		found, ok := sec.versions[versionID]
		if !ok {
			return getSecretValueOutput{}, errorf(codeResourceNotFound, "Secrets Manager can't find the specified secret value for VersionId: %s", versionID)
		}
		if stage != "" && !slices.Contains(found.stages, stage) {
			// LocalStack's AWS-validated test_get_secret_value_errors.
			return getSecretValueOutput{}, newError(codeInvalidRequest, msgStageNotOnVersion)
		}
		v = found
	default:
		if stage == "" {
			stage = stageCurrent
		}
		found, ok := sec.byStage(stage)
		if !ok {
			return getSecretValueOutput{}, errorf(codeResourceNotFound, "Secrets Manager can't find the specified secret value for staging label: %s", stage)
		}
		v = found
	}
	sec.accessed = s.clock.Now().UTC().Truncate(24 * time.Hour)
	v.accessed = sec.accessed
	out := getSecretValueOutput{
		secretRef: secretRef{ARN: sec.arn, Name: sec.name}, VersionID: v.id,
		VersionStages: append([]string{}, v.stages...), CreatedDate: epoch(v.created),
	}
	if v.str != nil {
		str := *v.str
		out.SecretString = &str
	}
	if v.bin != nil {
		out.SecretBinary = append([]byte{}, v.bin...)
	}
	return out, nil
}
