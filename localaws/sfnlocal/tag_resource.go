package sfnlocal

import "context"

type tagResourceInput struct {
	ResourceArn string `json:"resourceArn"`
	Tags        []tag  `json:"tags"`
}

type tagResourceOutput struct{}

// tagResource adds or overwrites tags on a state machine or an activity.
func (s *Service) tagResource(ctx context.Context, in *tagResourceInput) (*tagResourceOutput, error) {
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	tags, err := st.taggable(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	merged := mergeTags(*tags, in.Tags)
	if len(merged) > maxTags {
		return nil, errorf(codeTooManyTags, "Too many tags: a resource can have at most %d tags", maxTags)
	}
	*tags = merged
	return &tagResourceOutput{}, nil
}
