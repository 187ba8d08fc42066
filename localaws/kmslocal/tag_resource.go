package kmslocal

import "slices"

type tagResourceInput struct {
	KeyID string `json:"KeyId"`
	Tags  []tag  `json:"Tags"`
}

// tagResource adds tags to a key or overwrites their values.
func (s *regional) tagResource(body []byte) (any, error) {
	var in tagResourceInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.changeableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	merged := mergeTags(k.tags, in.Tags)
	if len(merged) > maxTags {
		return nil, errorf(codeTag, "Too many tags")
	}
	k.tags = merged
	return emptyOutput{}, nil
}

type untagResourceInput struct {
	KeyID   string   `json:"KeyId"`
	TagKeys []string `json:"TagKeys"`
}

// untagResource removes tags from a key; keys it does not carry are
// ignored.
func (s *regional) untagResource(body []byte) (any, error) {
	var in untagResourceInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.changeableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	k.tags = slices.DeleteFunc(append([]tag(nil), k.tags...), func(t tag) bool { return slices.Contains(in.TagKeys, t.TagKey) })
	return emptyOutput{}, nil
}

type listResourceTagsOutput struct {
	Tags       []tag  `json:"Tags"`
	NextMarker string `json:"NextMarker,omitempty"`
	Truncated  bool   `json:"Truncated"`
}

// listResourceTags pages through a key's tags in the order they were first
// set; a marker is the last tag key returned.
func (s *regional) listResourceTags(body []byte) (any, error) {
	var in listInput
	limit, err := decodeList(body, &in)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, err := s.lookupKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	start := 0
	if in.Marker != "" {
		start = slices.IndexFunc(k.tags, func(t tag) bool { return t.TagKey == in.Marker }) + 1
		if start == 0 {
			return nil, errorf(codeInvalidMarker, "Invalid marker")
		}
	}
	end := min(start+limit, len(k.tags))
	out := listResourceTagsOutput{Tags: append([]tag{}, k.tags[start:end]...)}
	if end < len(k.tags) {
		out.NextMarker, out.Truncated = k.tags[end-1].TagKey, true
	}
	return out, nil
}
