package sqslocal

import (
	"context"
	"strings"
)

type sendBatchEntry struct {
	ID string
	sendMessageInput
}

type sendMessageBatchInput struct {
	QueueURL string
	Entries  []sendBatchEntry
}

func (in *sendMessageBatchInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	entries, err := f.batchEntries("SendMessageBatchRequestEntry")
	if err != nil {
		return err
	}
	for _, e := range entries {
		entry := sendBatchEntry{ID: e.str("Id")}
		if err := entry.readMessage(e); err != nil {
			return err
		}
		in.Entries = append(in.Entries, entry)
	}
	return nil
}

type sendBatchResult struct {
	ID                           string `json:"Id" xml:"Id"`
	MessageID                    string `json:"MessageId" xml:"MessageId"`
	MD5OfMessageBody             string `json:"MD5OfMessageBody" xml:"MD5OfMessageBody"`
	MD5OfMessageAttributes       string `json:"MD5OfMessageAttributes,omitempty" xml:"MD5OfMessageAttributes,omitempty"`
	MD5OfMessageSystemAttributes string `json:"MD5OfMessageSystemAttributes,omitempty" xml:"MD5OfMessageSystemAttributes,omitempty"`
	SequenceNumber               string `json:"SequenceNumber,omitempty" xml:"SequenceNumber,omitempty"`
}

type sendMessageBatchOutput struct {
	Successful []sendBatchResult `json:"Successful" xml:"SendMessageBatchResultEntry"`
	Failed     []batchError      `json:"Failed,omitempty" xml:"BatchResultErrorEntry"`
}

// sendMessageBatch stores up to ten messages; entries fail one by one,
// except for the refusals of the whole request below.
func (s *Service) sendMessageBatch(_ context.Context, c *call, in *sendMessageBatchInput) (*sendMessageBatchOutput, *Error) {
	q, err := batchQueue(s, c, in.QueueURL, "SendMessageBatchRequestEntry", in.Entries, func(e sendBatchEntry) string { return e.ID })
	if err != nil {
		return nil, err
	}
	total := 0
	for _, e := range in.Entries {
		if e.MessageBody != nil {
			total += len(*e.MessageBody)
		}
		n, _ := validateAttributes(e.MessageAttributes)
		total += n
	}
	if total > maxBatchBytes {
		return nil, newError(CodeBatchRequestTooLong, "Batch requests cannot be longer than %d bytes. You have sent %d bytes.", maxBatchBytes, total)
	}
	if err := checkBatchGroups(q, in.Entries); err != nil {
		return nil, err
	}
	// AWS leaves Failed out when every entry succeeded
	// (test_send_message_batch_with_oversized_contents_with_updated_maximum_message_size
	// in LocalStack's AWS-recorded tests/aws/services/sqs/test_sqs.snapshot.json).
	out := &sendMessageBatchOutput{Successful: []sendBatchResult{}}
	for i := range in.Entries {
		e := &in.Entries[i]
		m, err := s.newMessage(&e.sendMessageInput)
		if err == nil {
			err = s.put(q, m, e.DelaySeconds)
		}
		if err != nil {
			out.Failed = append(out.Failed, entryError(e.ID, batchWording(err)))
			continue
		}
		out.Successful = append(out.Successful, sendBatchResult{
			ID: e.ID, MessageID: m.id, MD5OfMessageBody: m.md5Body, MD5OfMessageAttributes: m.md5Attrs,
			MD5OfMessageSystemAttributes: m.md5System, SequenceNumber: sequenceNumber(m.seq),
		})
	}
	return out, nil
}

// batchWording words an entry's failure as AWS words it in a batch: a
// message over the queue's MaximumMessageSize "cannot be validated" there,
// where SendMessage says it is "invalid" (test_send_batch_message_size in
// LocalStack's AWS-recorded tests/aws/services/sqs/test_sqs.snapshot.json).
func batchWording(e *Error) *Error {
	rest, ok := strings.CutPrefix(e.Message, tooLargePrefix)
	if !ok || e.Code != CodeInvalidParameterValue {
		return e
	}
	b := *e
	b.Message = "One or more parameters cannot be validated. Reason: " + rest
	return &b
}

// checkBatchGroups refuses a batch for a FIFO queue in which an entry has
// no MessageGroupId, or no MessageDeduplicationId while the queue does not
// deduplicate by content. AWS fails the whole request then, not the entry,
// with InvalidParameterValue (where SendMessage answers MissingParameter
// for the group): a real SendMessageBatch error quoted in
// Jimdo/sqs-dead-letter-handling #10 shows the first, and LocalStack's
// AWS-recorded test_send_batch_missing_deduplication_id_for_fifo_queue and
// test_send_batch_missing_message_group_id_for_fifo_queue
// (tests/aws/services/sqs/test_sqs.snapshot.json) show both.
func checkBatchGroups(q *queue, entries []sendBatchEntry) *Error {
	if q.fifo == nil {
		return nil
	}
	q.mu.Lock()
	byContent := q.settings.other["ContentBasedDeduplication"] == "true"
	q.mu.Unlock()
	for _, e := range entries {
		if e.MessageGroupID == nil {
			return newError(CodeInvalidParameterValue, "The request must contain the parameter MessageGroupId.")
		}
		if e.MessageDeduplicationID == nil && !byContent {
			return newError(CodeInvalidParameterValue, "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
		}
	}
	return nil
}
