package dynamolocal

import "sort"

type tagResourceInput struct {
	ResourceArn string    `json:"ResourceArn"`
	Tags        []tagWire `json:"Tags"`
	TagKeys     []string  `json:"TagKeys"`
	NextToken   string    `json:"NextToken"`
}

type listTagsOutput struct {
	Tags []tagWire `json:"Tags"`
}

// tableByArn returns the table an ARN names; the caller holds s.mu.
func (s *regional) tableByArn(arn string) (*table, error) {
	if arn == "" {
		return nil, validation("1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null")
	}
	for _, t := range s.tables {
		if t.arn == arn {
			return t, nil
		}
	}
	return nil, errorf(codeResourceNotFound, "Requested resource not found: ResourcArn: %s not found", arn)
}

func (s *regional) tagResource(body []byte) (any, error) {
	var in tagResourceInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.tableByArn(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	byKey := map[string]string{}
	for _, tg := range t.tags {
		byKey[tg.Key] = tg.Value
	}
	for _, tg := range in.Tags {
		byKey[tg.Key] = tg.Value
	}
	if len(byKey) > 50 {
		return nil, errorf("LimitExceededException", "The number of tags on the resource exceeds the limit of 50")
	}
	t.tags = sortedTags(byKey)
	return struct{}{}, nil
}

func (s *regional) untagResource(body []byte) (any, error) {
	var in tagResourceInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.tableByArn(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	byKey := map[string]string{}
	for _, tg := range t.tags {
		byKey[tg.Key] = tg.Value
	}
	for _, k := range in.TagKeys {
		delete(byKey, k)
	}
	t.tags = sortedTags(byKey)
	return struct{}{}, nil
}

func (s *regional) listTagsOfResource(body []byte) (any, error) {
	var in tagResourceInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.tableByArn(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	return listTagsOutput{Tags: append([]tagWire{}, t.tags...)}, nil
}

func sortedTags(byKey map[string]string) []tagWire {
	out := make([]tagWire, 0, len(byKey))
	for k, v := range byKey {
		out = append(out, tagWire{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
