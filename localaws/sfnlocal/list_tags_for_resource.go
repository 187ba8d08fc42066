package sfnlocal

import "context"

type listTagsForResourceInput struct {
	ResourceArn string `json:"resourceArn"`
}

type listTagsForResourceOutput struct {
	Tags []tag `json:"tags"`
}

// listTagsForResource lists a state machine's or an activity's tags in the order they were
// first set.
func (s *Service) listTagsForResource(ctx context.Context, in *listTagsForResourceInput) (*listTagsForResourceOutput, error) {
	st := s.storeOf(ctx)
	st.mu.RLock()
	defer st.mu.RUnlock()
	tags, err := st.taggable(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	return &listTagsForResourceOutput{Tags: append([]tag{}, *tags...)}, nil
}
