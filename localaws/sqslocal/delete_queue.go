package sqslocal

import "context"

// queueInput is the input of actions that only name a queue.
type queueInput struct {
	QueueURL string
}

func (in *queueInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	return nil
}

// deleteQueue deletes a queue and its messages. Long polls waiting on it
// return empty.
func (s *Service) deleteQueue(_ context.Context, c *call, in *queueInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if key := (queueKey{q.region, q.name}); s.queues[key] == q {
		delete(s.queues, key)
	}
	s.mu.Unlock()
	q.mu.Lock()
	q.closeLocked()
	q.mu.Unlock()
	return &emptyOutput{}, nil
}

// purgeQueue deletes every message in a queue.
func (s *Service) purgeQueue(_ context.Context, c *call, in *queueInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	q.mu.Lock()
	q.purgeLocked()
	q.mu.Unlock()
	return &emptyOutput{}, nil
}
