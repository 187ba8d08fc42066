package sfnlocal

import "strings"

// maxTags is the number of tags a resource may carry.
const maxTags = 50

// tag is a resource tag as the API spells it.
type tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// checkTags applies the API's limits on a tag list.
func checkTags(tags []tag) error {
	if len(tags) > maxTags {
		return errorf(codeTooManyTags, "Too many tags: a resource can have at most %d tags", maxTags)
	}
	for i, t := range tags {
		switch {
		case t.Key == "" || len(t.Key) > 128:
			return errorf(codeValidation, "1 validation error detected: Value '%s' at 'tags.%d.member.key' failed to satisfy constraint: Member must have length between 1 and 128", t.Key, i+1)
		case len(t.Value) > 256:
			return errorf(codeValidation, "1 validation error detected: Value '%s' at 'tags.%d.member.value' failed to satisfy constraint: Member must have length less than or equal to 256", t.Value, i+1)
		}
	}
	return nil
}

// mergeTags sets each new tag on a copy of old: an existing key keeps its
// place and takes the new value, a new key is appended.
func mergeTags(old, add []tag) []tag {
	out := append([]tag{}, old...)
	for _, t := range add {
		found := false
		for i := range out {
			if out[i].Key == t.Key {
				out[i].Value, found = t.Value, true
				break
			}
		}
		if !found {
			out = append(out, t)
		}
	}
	return out
}

// taggable finds the tags of the state machine or activity a resource
// ARN names. Versions, aliases and anything else are not found, as
// versions are not on AWS. The caller holds the store's lock.
func (st *store) taggable(arn string) (*[]tag, error) {
	parts := strings.Split(arn, ":")
	switch {
	case arn == "":
		return nil, errorf(codeValidation, "1 validation error detected: Value at 'resourceArn' failed to satisfy constraint: Member must have length greater than or equal to 1")
	case len(parts) < 6 || parts[0] != "arn" || parts[2] != "states":
		return nil, errorf(codeInvalidArn, "Invalid Arn: 'Invalid ARN prefix: %s'", arn)
	}
	if m, ok := st.machines[arn]; ok {
		return &m.tags, nil
	}
	if a, ok := st.activities[arn]; ok {
		return &a.tags, nil
	}
	return nil, errorf(codeResourceNotFound, "Resource not found: '%s'", arn)
}
