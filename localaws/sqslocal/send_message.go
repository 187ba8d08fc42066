package sqslocal

import (
	"context"
	"time"
)

type sendMessageInput struct {
	QueueURL                string
	MessageBody             *string
	DelaySeconds            *int
	MessageAttributes       map[string]MessageAttribute
	MessageSystemAttributes map[string]MessageAttribute
	// MessageDeduplicationID and MessageGroupID are nil when absent; an
	// empty one is present and invalid.
	MessageDeduplicationID *string
	MessageGroupID         *string
}

func (in *sendMessageInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	return in.readMessage(f)
}

// readMessage reads the fields SendMessage shares with batch entries.
func (in *sendMessageInput) readMessage(f form) *Error {
	var err *Error
	in.MessageBody = f.strPtr("MessageBody")
	if in.DelaySeconds, err = f.intPtr("DelaySeconds"); err != nil {
		return err
	}
	if in.MessageAttributes, err = f.messageAttributes("MessageAttribute"); err != nil {
		return err
	}
	if in.MessageSystemAttributes, err = f.messageAttributes("MessageSystemAttribute"); err != nil {
		return err
	}
	in.MessageDeduplicationID = f.strPtr("MessageDeduplicationId")
	in.MessageGroupID = f.strPtr("MessageGroupId")
	return nil
}

type sendMessageOutput struct {
	MD5OfMessageBody             string `json:"MD5OfMessageBody" xml:"MD5OfMessageBody"`
	MD5OfMessageAttributes       string `json:"MD5OfMessageAttributes,omitempty" xml:"MD5OfMessageAttributes,omitempty"`
	MessageID                    string `json:"MessageId" xml:"MessageId"`
	MD5OfMessageSystemAttributes string `json:"MD5OfMessageSystemAttributes,omitempty" xml:"MD5OfMessageSystemAttributes,omitempty"`
	SequenceNumber               string `json:"SequenceNumber,omitempty" xml:"SequenceNumber,omitempty"`
}

// sendMessage stores one message.
func (s *Service) sendMessage(_ context.Context, c *call, in *sendMessageInput) (*sendMessageOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	m, err := s.newMessage(in)
	if err != nil {
		return nil, err
	}
	if m.traceHeader == "" {
		// AWS keeps the request's X-Ray header as the message's
		// AWSTraceHeader when none is sent as a system attribute
		// (test_aws_trace_header_propagation in LocalStack's AWS-recorded
		// tests/aws/services/sqs/test_sqs.snapshot.json).
		m.traceHeader = c.traceHeader
	}
	if err := s.put(q, m, in.DelaySeconds); err != nil {
		return nil, err
	}
	return &sendMessageOutput{
		MD5OfMessageBody: m.md5Body, MD5OfMessageAttributes: m.md5Attrs, MessageID: m.id,
		MD5OfMessageSystemAttributes: m.md5System, SequenceNumber: sequenceNumber(m.seq),
	}, nil
}

// newMessage validates a message's body and attributes and builds it.
func (s *Service) newMessage(in *sendMessageInput) (*message, *Error) {
	if in.MessageBody == nil || *in.MessageBody == "" {
		return nil, errMissing("MessageBody")
	}
	body := *in.MessageBody
	if !validBody(body) {
		return nil, newError(CodeInvalidMessageContents, "Invalid binary character was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF")
	}
	if _, err := validateAttributes(in.MessageAttributes); err != nil {
		return nil, err
	}
	for name, a := range in.MessageSystemAttributes {
		if name != "AWSTraceHeader" {
			return nil, newError(CodeInvalidParameterValue, "Message system attribute name '%s' is invalid.", name)
		}
		if a.DataType != "String" || a.StringValue == "" || !validBody(a.StringValue) {
			return nil, newError(CodeInvalidParameterValue, "Message system attribute '%s' must be a non-empty String.", name)
		}
	}
	// An ID that is present must be valid, empty or not: AWS answers
	// this wording for "", for 129 characters and for "group 123"
	// (test_message_deduplication_id_invalid and
	// test_send_message_to_standard_queue_with_invalid_message_group_id
	// in LocalStack's AWS-recorded tests/aws/services/sqs/test_sqs.snapshot.json).
	for _, id := range []struct {
		name  string
		value *string
	}{
		{"MessageGroupId", in.MessageGroupID}, {"MessageDeduplicationId", in.MessageDeduplicationID},
	} {
		if id.value != nil && !validFIFOID(*id.value) {
			return nil, errInvalidParam(id.name, truncate(*id.value, 130), id.name+" can only include alphanumeric and punctuation characters. 1 to 128 in length.")
		}
	}
	return &message{
		id: newID(), body: body, attrs: in.MessageAttributes,
		groupID: deref(in.MessageGroupID), dedupID: deref(in.MessageDeduplicationID),
		traceHeader: in.MessageSystemAttributes["AWSTraceHeader"].StringValue,
		md5System:   md5OfAttributes(in.MessageSystemAttributes),
		md5Body:     md5Hex(body), md5Attrs: md5OfAttributes(in.MessageAttributes),
		senderID: s.cfg.Account, heapIndex: -1,
	}, nil
}

// tooLargePrefix begins SendMessage's answer to a message over the queue's
// MaximumMessageSize.
const tooLargePrefix = "One or more parameters are invalid. Reason: "

// size is what a message counts against MaximumMessageSize.
func (m *message) size() int {
	n, _ := validateAttributes(m.attrs)
	return len(m.body) + n
}

// put enqueues m on q, applying the queue's size limit and delay. On a
// FIFO queue a duplicate within the deduplication window is not stored
// again; m then takes the original message's ID and sequence number.
func (s *Service) put(q *queue, m *message, delaySeconds *int) *Error {
	if delaySeconds != nil && (*delaySeconds < 0 || *delaySeconds > 900) {
		return errInvalidParam("DelaySeconds", itoa(*delaySeconds), "Must be >= 0 and <= 900.")
	}
	size := m.size()
	now := s.clock.Now()
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return errNoQueue()
	}
	if size > q.settings.maxSize {
		return newError(CodeInvalidParameterValue, tooLargePrefix+"Message must be shorter than %d bytes.", q.settings.maxSize)
	}
	// A FIFO queue takes no per-message delay (only 0 is accepted), so its
	// messages always wait the queue's DelaySeconds
	// (test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay
	// in LocalStack's AWS-recorded tests/aws/services/sqs/test_sqs.snapshot.json).
	delay := q.settings.delay
	if delaySeconds != nil && q.fifo == nil {
		delay = *delaySeconds
	}
	if err := q.admitLocked(m, delaySeconds, now); err != nil || m.state == stateGone {
		return err
	}
	m.sentAt = now
	q.enqueueLocked(m, time.Duration(delay)*time.Second, now)
	return nil
}

// admitLocked applies the queue type's rules to a new message: FIFO queues
// need a group, deduplicate and number their messages; standard queues
// refuse deduplication IDs. A FIFO duplicate comes back marked stateGone.
func (q *queue) admitLocked(m *message, delaySeconds *int, now time.Time) *Error {
	if q.fifo == nil {
		if m.dedupID != "" {
			return errInvalidParam("MessageDeduplicationId", m.dedupID, "The request include parameter that is not valid for this queue type.")
		}
		return nil
	}
	if delaySeconds != nil && *delaySeconds != 0 {
		return errInvalidParam("DelaySeconds", itoa(*delaySeconds), "The request include parameter that is not valid for this queue type.")
	}
	if m.groupID == "" {
		return errMissing("MessageGroupId")
	}
	if m.dedupID == "" {
		if q.settings.other["ContentBasedDeduplication"] != "true" {
			return newError(CodeInvalidParameterValue, "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
		}
		m.dedupID = contentDedupID(m.body)
	}
	if first, dup := q.fifo.deduplicate(m.dedupID, m, now); dup {
		m.id, m.seq, m.state = first.messageID, first.seq, stateGone
	}
	return nil
}

// deref returns *p, or "" for nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
