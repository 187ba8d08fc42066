package sqslocal

import "context"

// SendResult is what an in-process Send reports, as SendMessage does.
type SendResult struct {
	// MessageID is the new message's ID.
	MessageID string
	// MD5OfMessageBody is the hex MD5 digest of the body.
	MD5OfMessageBody string
	// MD5OfMessageAttributes is the hex MD5 digest of the message
	// attributes, empty when there are none.
	MD5OfMessageAttributes string
}

// Send stores a message without going through HTTP, for Step Functions'
// and SNS's integrations. queue is a queue ARN, or a queue URL or name of
// the configured Region. Errors are *Error with the JSON protocol's codes,
// e.g. QueueDoesNotExist.
func (s *Service) Send(ctx context.Context, queue string, body string, attrs map[string]MessageAttribute) (SendResult, error) {
	return s.send(ctx, queue, &sendMessageInput{MessageBody: &body, MessageAttributes: attrs})
}

// SendFIFO is Send for FIFO queues, with the message group and the
// deduplication ID (empty for content-based deduplication), as SNS FIFO
// topics deliver. A duplicate within the deduplication window reports the
// first message's ID and is not stored again.
func (s *Service) SendFIFO(ctx context.Context, queue, body string, attrs map[string]MessageAttribute, groupID, dedupID string) (SendResult, error) {
	return s.send(ctx, queue, &sendMessageInput{MessageBody: &body, MessageAttributes: attrs, MessageGroupID: optional(groupID), MessageDeduplicationID: optional(dedupID)})
}

func (s *Service) send(ctx context.Context, queue string, in *sendMessageInput) (SendResult, error) {
	if err := ctx.Err(); err != nil {
		return SendResult{}, err
	}
	q, apiErr := s.resolve(s.cfg.Region, queue)
	if apiErr != nil {
		return SendResult{}, apiErr
	}
	m, apiErr := s.newMessage(in)
	if apiErr != nil {
		return SendResult{}, apiErr
	}
	if apiErr := s.put(q, m, nil); apiErr != nil {
		return SendResult{}, apiErr
	}
	return SendResult{MessageID: m.id, MD5OfMessageBody: m.md5Body, MD5OfMessageAttributes: m.md5Attrs}, nil
}

// optional returns nil for "", else a pointer to s.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
