package sfnlocal

import (
	"context"
	"slices"
)

type untagResourceInput struct {
	ResourceArn string   `json:"resourceArn"`
	TagKeys     []string `json:"tagKeys"`
}

type untagResourceOutput struct{}

// untagResource removes tags from a state machine or an activity; keys it does not carry
// are ignored.
func (s *Service) untagResource(ctx context.Context, in *untagResourceInput) (*untagResourceOutput, error) {
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	tags, err := st.taggable(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	*tags = slices.DeleteFunc(append([]tag(nil), *tags...), func(t tag) bool { return slices.Contains(in.TagKeys, t.Key) })
	return &untagResourceOutput{}, nil
}
