package sqslocal

import (
	"context"
	"time"
)

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
	now := s.clock.Now()
	s.mu.Lock()
	if key := (queueKey{q.region, q.name}); s.queues[key] == q {
		delete(s.queues, key)
		for k, at := range s.deleted { // forget names free again
			if now.Sub(at) >= recreateInterval {
				delete(s.deleted, k)
			}
		}
		s.deleted[key] = now
	}
	s.mu.Unlock()
	q.mu.Lock()
	q.closeLocked()
	q.mu.Unlock()
	return &emptyOutput{}, nil
}

// purgeInterval is how long after a purge AWS refuses another one on the
// same queue.
const purgeInterval = 60 * time.Second

// purgeQueue deletes every message in a queue. A second purge within a
// minute is refused with PurgeQueueInProgress, as AWS answers it
// (test_successive_purge_calls_fail in LocalStack's AWS-recorded
// tests/aws/services/sqs/test_sqs.snapshot.json).
func (s *Service) purgeQueue(_ context.Context, c *call, in *queueInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	q.mu.Lock()
	defer q.mu.Unlock()
	if !q.purged.IsZero() && now.Sub(q.purged) < purgeInterval {
		return nil, newError(CodePurgeQueueInProgress, "Only one PurgeQueue operation on %s is allowed every 60 seconds.", q.name)
	}
	q.purged = now
	q.purgeLocked()
	return &emptyOutput{}, nil
}
