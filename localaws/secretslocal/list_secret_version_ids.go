package secretslocal

import (
	"slices"
	"strings"
)

type listSecretVersionIDsInput struct {
	secretIDInput
	MaxResults        *int   `json:"MaxResults"`
	NextToken         string `json:"NextToken"`
	IncludeDeprecated bool   `json:"IncludeDeprecated"`
}

// versionEntry is one version as ListSecretVersionIds lists it.
type versionEntry struct {
	VersionID        string   `json:"VersionId"`
	VersionStages    []string `json:"VersionStages,omitempty"`
	CreatedDate      float64  `json:"CreatedDate"`
	KmsKeyIDs        []string `json:"KmsKeyIds"`
	LastAccessedDate *float64 `json:"LastAccessedDate,omitempty"`
}

type listSecretVersionIDsOutput struct {
	secretRef
	Versions  []versionEntry `json:"Versions"`
	NextToken string         `json:"NextToken,omitempty"`
}

// defaultKey is how AWS names the key of a secret encrypted with the
// account's default key in KmsKeyIds (LocalStack's AWS-validated
// test_update_secret_version_stages_current_pending records it).
const defaultKey = "DefaultEncryptionKey"

// listSecretVersionIDs lists a secret's versions, oldest first, without
// their values. Deprecated versions (no staging label left) are listed only
// with IncludeDeprecated, as on AWS.
func (s *regional) listSecretVersionIDs(body []byte) (any, error) {
	var pg page
	check := func(in *listSecretVersionIDsInput) (err error) {
		pg, err = readPage(in.MaxResults, in.NextToken)
		return err
	}
	return onSecret(s, body, anyState, check, func(in *listSecretVersionIDsInput, sec *secret) (any, error) {
		var versions []*version
		for _, v := range sec.versions {
			if len(v.stages) > 0 || in.IncludeDeprecated {
				versions = append(versions, v)
			}
		}
		slices.SortFunc(versions, func(a, b *version) int {
			if c := a.created.Compare(b.created); c != 0 {
				return c
			}
			return strings.Compare(a.id, b.id)
		})
		key := sec.kmsKeyID
		if key == "" {
			key = defaultKey
		}
		start, end, next := pg.bounds(len(versions))
		out := listSecretVersionIDsOutput{secretRef: secretRef{ARN: sec.arn, Name: sec.name}, Versions: []versionEntry{}, NextToken: next}
		for _, v := range versions[start:end] {
			out.Versions = append(out.Versions, versionEntry{
				VersionID: v.id, VersionStages: slices.Clone(v.stages), CreatedDate: epoch(v.created), KmsKeyIDs: []string{key},
				LastAccessedDate: epochOrNil(v.accessed),
			})
		}
		return out, nil
	})
}
