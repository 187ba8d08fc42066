package sqslocal

import "context"

type tagQueueInput struct {
	QueueURL string
	Tags     map[string]string
}

func (in *tagQueueInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	in.Tags = f.pairs("Tag", "Key", "Value")
	return nil
}

// tagQueue adds or replaces cost allocation tags.
func (s *Service) tagQueue(_ context.Context, c *call, in *tagQueueInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	if len(in.Tags) == 0 {
		return nil, errMissing("Tags")
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.tags)+len(in.Tags) > 50 {
		return nil, newError(CodeInvalidParameterValue, "Too many tags added for queue %s.", q.name)
	}
	for k, v := range in.Tags {
		q.tags[k] = v
	}
	return &emptyOutput{}, nil
}

type untagQueueInput struct {
	QueueURL string
	TagKeys  []string
}

func (in *untagQueueInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	in.TagKeys = f.list("TagKey")
	return nil
}

// untagQueue removes tags by key.
func (s *Service) untagQueue(_ context.Context, c *call, in *untagQueueInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	if len(in.TagKeys) == 0 {
		return nil, errMissing("TagKeys")
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, k := range in.TagKeys {
		delete(q.tags, k)
	}
	return &emptyOutput{}, nil
}

type listQueueTagsOutput struct {
	Tags tagMap `json:"Tags,omitempty" xml:"Tag"`
}

// listQueueTags lists a queue's tags.
func (s *Service) listQueueTags(_ context.Context, c *call, in *queueInput) (*listQueueTagsOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	out := &listQueueTagsOutput{Tags: tagMap{}}
	for k, v := range q.tags {
		out.Tags[k] = v
	}
	return out, nil
}
