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
	got, next, found := pageAfter(k.tags, in.Marker, limit, func(t tag) string { return t.TagKey })
	if !found {
		return nil, errorf(codeInvalidMarker, "Invalid marker")
	}
	return listResourceTagsOutput{Tags: got, NextMarker: next, Truncated: next != ""}, nil
}
