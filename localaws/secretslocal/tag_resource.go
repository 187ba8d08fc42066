package secretslocal

import "slices"

type tagResourceInput struct {
	secretIDInput
	Tags []tag `json:"Tags"`
}

type untagResourceInput struct {
	secretIDInput
	TagKeys []string `json:"TagKeys"`
}

// tagResource adds tags to a secret, replacing the value of a key it
// already has. A secret scheduled for deletion is refused, as on AWS
// (LocalStack's AWS-validated test_tag_untag_resource_on_deleted_secret).
func (s *regional) tagResource(body []byte) (any, error) {
	check := func(in *tagResourceInput) error { return checkTags(in.Tags) }
	return onSecret(s, body, liveOnly, check, func(in *tagResourceInput, sec *secret) (any, error) {
		merged := slices.Clone(sec.tags)
		for _, t := range in.Tags {
			if i := slices.IndexFunc(merged, func(have tag) bool { return have.Key == t.Key }); i >= 0 {
				merged[i].Value = t.Value
			} else {
				merged = append(merged, t)
			}
		}
		if err := checkTags(merged); err != nil {
			return nil, err
		}
		sec.tags = merged
		return emptyOutput{}, nil
	})
}

// untagResource removes tags by key. A secret that had tags keeps an empty
// list, which DescribeSecret shows as "Tags": [] as AWS does (LocalStack's
// AWS-validated test_secret_tags).
func (s *regional) untagResource(body []byte) (any, error) {
	return onSecret(s, body, liveOnly, nil, func(in *untagResourceInput, sec *secret) (any, error) {
		kept := slices.DeleteFunc(slices.Clone(sec.tags), func(t tag) bool { return slices.Contains(in.TagKeys, t.Key) })
		if kept == nil {
			kept = []tag{}
		}
		sec.tags = kept
		return emptyOutput{}, nil
	})
}

// emptyOutput is the empty JSON object of actions that answer nothing.
type emptyOutput struct{}
