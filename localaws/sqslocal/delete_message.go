package sqslocal

import "context"

type deleteMessageInput struct {
	QueueURL      string
	ReceiptHandle string
}

func (in *deleteMessageInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	in.ReceiptHandle = f.str("ReceiptHandle")
	return nil
}

// deleteMessage deletes a received message. As with AWS, deleting a
// message that is already gone succeeds.
func (s *Service) deleteMessage(_ context.Context, c *call, in *deleteMessageInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	if err := q.deleteByHandle(in.ReceiptHandle); err != nil {
		return nil, err
	}
	return &emptyOutput{}, nil
}

// deleteByHandle removes the message a receipt handle names.
func (q *queue) deleteByHandle(handle string) *Error {
	r, err := parseReceipt(handle)
	if err != nil {
		return err
	}
	if r.queue != q.name {
		return newError(CodeReceiptHandleIsInvalid, "The input receipt handle is not a valid receipt handle for this queue.")
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	m := q.byID[r.id]
	if m == nil {
		return nil
	}
	expired := m.state != stateInflight || m.receipt != r.gen || !q.clock.Now().Before(m.due)
	if q.fifo != nil && expired {
		// A FIFO queue refuses a handle whose visibility timeout has run
		// out (read on the clock, not from the timer that makes the message
		// visible again, which may not have run yet); a standard queue
		// deletes the message anyway (LocalStack's
		// AWS-recorded test_fifo_delete_after_visibility_timeout and
		// test_delete_after_visibility_timeout,
		// tests/aws/services/sqs/test_sqs.snapshot.json).
		return errInvalidParam("ReceiptHandle", handle, "The receipt handle has expired.")
	}
	q.removeLocked(m)
	return nil
}

type deleteBatchEntry struct {
	ID            string
	ReceiptHandle string
}

type deleteMessageBatchInput struct {
	QueueURL string
	Entries  []deleteBatchEntry
}

func (in *deleteMessageBatchInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	entries, err := f.batchEntries("DeleteMessageBatchRequestEntry")
	if err != nil {
		return err
	}
	for _, e := range entries {
		in.Entries = append(in.Entries, deleteBatchEntry{ID: e.str("Id"), ReceiptHandle: e.str("ReceiptHandle")})
	}
	return nil
}

type deleteMessageBatchOutput struct {
	Successful []batchOK    `json:"Successful" xml:"DeleteMessageBatchResultEntry"`
	Failed     []batchError `json:"Failed,omitempty" xml:"BatchResultErrorEntry"`
}

// deleteMessageBatch deletes up to ten messages; entries fail one by one.
func (s *Service) deleteMessageBatch(_ context.Context, c *call, in *deleteMessageBatchInput) (*deleteMessageBatchOutput, *Error) {
	q, err := batchQueue(s, c, in.QueueURL, "DeleteMessageBatchRequestEntry", in.Entries, func(e deleteBatchEntry) string { return e.ID })
	if err != nil {
		return nil, err
	}
	out := &deleteMessageBatchOutput{Successful: []batchOK{}} // Failed is left out when empty, as SendMessageBatch's
	for _, e := range in.Entries {
		if err := q.deleteByHandle(e.ReceiptHandle); err != nil {
			out.Failed = append(out.Failed, entryError(e.ID, err))
			continue
		}
		out.Successful = append(out.Successful, batchOK{ID: e.ID})
	}
	return out, nil
}
