package kmslocal

import "strings"

// maxTags is the number of tags a key may carry.
const maxTags = 50

// checkTags applies KMS's rules to the tags of one request, in AWS's words:
// lengths are validation errors, the reserved prefix, duplicates and too
// many tags are TagExceptions.
func checkTags(tags []tag) error {
	if len(tags) > maxTags {
		return errorf(codeTag, "Too many tags")
	}
	seen := make(map[string]bool, len(tags))
	for i, t := range tags {
		switch {
		case len(t.TagKey) > 128:
			return errorf(codeValidation, "1 validation error detected: Value '%s' at 'tags.%d.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128", t.TagKey, i+1)
		case t.TagKey == "":
			return errorf(codeValidation, "1 validation error detected: Value '' at 'tags.%d.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1", i+1)
		case len(t.TagValue) > 256:
			return errorf(codeValidation, "1 validation error detected: Value '%s' at 'tags.%d.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256", t.TagValue, i+1)
		case strings.HasPrefix(strings.ToLower(t.TagKey), "aws:"):
			return errorf(codeTag, "Tags beginning with aws: are reserved")
		case seen[t.TagKey]:
			return errorf(codeTag, "Duplicate tag keys")
		}
		seen[t.TagKey] = true
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
			if out[i].TagKey == t.TagKey {
				out[i].TagValue, found = t.TagValue, true
				break
			}
		}
		if !found {
			out = append(out, t)
		}
	}
	return out
}
