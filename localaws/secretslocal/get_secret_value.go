package secretslocal

import (
	"slices"
	"time"
)

type getSecretValueInput struct {
	SecretID     string `json:"SecretId"`
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
	var in getSecretValueInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sec, err := s.live(in.SecretID)
	if err != nil {
		return nil, err
	}
	var v *version
	switch {
	case in.VersionID != "":
		found, ok := sec.versions[in.VersionID]
		if !ok || (in.VersionStage != "" && !slices.Contains(found.stages, in.VersionStage)) {
			return nil, errorf(codeResourceNotFound, "Secrets Manager can't find the specified secret value for VersionId: %s", in.VersionID)
		}
		v = found
	default:
		stage := in.VersionStage
		if stage == "" {
			stage = stageCurrent
		}
		found, ok := sec.byStage(stage)
		if !ok {
			return nil, errorf(codeResourceNotFound, "Secrets Manager can't find the specified secret value for staging label: %s", stage)
		}
		v = found
	}
	sec.accessed = s.clock.Now().UTC().Truncate(24 * time.Hour)
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
