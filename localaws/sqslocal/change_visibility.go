package sqslocal

import (
	"container/heap"
	"context"
	"time"
)

type changeVisibilityInput struct {
	QueueURL          string
	ReceiptHandle     string
	VisibilityTimeout *int
}

func (in *changeVisibilityInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	in.ReceiptHandle = f.str("ReceiptHandle")
	var err *Error
	in.VisibilityTimeout, err = f.intPtr("VisibilityTimeout")
	return err
}

// changeMessageVisibility restarts an in-flight message's visibility
// timeout from now; zero makes it visible at once.
//
// As on AWS, any handle the queue issued for the message works, not only
// the latest one, and a handle of a message that is visible again is
// accepted and changes nothing: moto's receipt-handle tests, which its
// pull request #4655 says were run against AWS, and LocalStack's
// AWS-validated test of pull request #9632 both show it. Only a message
// that no longer exists is refused, with the InvalidParameterValue AWS
// users have quoted (taskq #29, mapbox/ecs-watchbot #135).
func (s *Service) changeMessageVisibility(_ context.Context, c *call, in *changeVisibilityInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	if err := s.changeVisibility(q, in.ReceiptHandle, in.VisibilityTimeout); err != nil {
		return nil, err
	}
	return &emptyOutput{}, nil
}

func (s *Service) changeVisibility(q *queue, handle string, timeout *int) *Error {
	if timeout == nil {
		return errMissing("VisibilityTimeout")
	}
	if *timeout < 0 || *timeout > 43200 {
		return errInvalidParam("VisibilityTimeout", itoa(*timeout), "Must be >= 0 and <= 43200.")
	}
	r, err := parseReceipt(handle)
	if err != nil {
		return err
	}
	if r.queue != q.name {
		return newError(CodeReceiptHandleIsInvalid, "The input receipt handle is not a valid receipt handle for this queue.")
	}
	now := s.clock.Now()
	q.mu.Lock()
	defer q.mu.Unlock()
	q.promoteLocked(now)
	m := q.byID[r.id]
	if m == nil {
		return errInvalidParam("ReceiptHandle", truncate(handle, 100), "Message does not exist or is not available for visibility timeout change.")
	}
	if m.state != stateInflight {
		return nil
	}
	if *timeout == 0 {
		heap.Remove(&q.timed, m.heapIndex)
		q.makeReadyLocked(m)
		q.inflightDoneLocked(m)
		return nil
	}
	m.due = now.Add(time.Duration(*timeout) * time.Second)
	heap.Fix(&q.timed, m.heapIndex)
	q.armLocked(now)
	return nil
}

type visibilityBatchEntry struct {
	ID                string
	ReceiptHandle     string
	VisibilityTimeout *int
}

type changeVisibilityBatchInput struct {
	QueueURL string
	Entries  []visibilityBatchEntry
}

func (in *changeVisibilityBatchInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	entries, err := f.batchEntries("ChangeMessageVisibilityBatchRequestEntry")
	if err != nil {
		return err
	}
	for _, e := range entries {
		entry := visibilityBatchEntry{ID: e.str("Id"), ReceiptHandle: e.str("ReceiptHandle")}
		var err *Error
		if entry.VisibilityTimeout, err = e.intPtr("VisibilityTimeout"); err != nil {
			return err
		}
		in.Entries = append(in.Entries, entry)
	}
	return nil
}

type changeVisibilityBatchOutput struct {
	Successful []batchOK    `json:"Successful" xml:"ChangeMessageVisibilityBatchResultEntry"`
	Failed     []batchError `json:"Failed,omitempty" xml:"BatchResultErrorEntry"`
}

// changeMessageVisibilityBatch changes up to ten visibility timeouts;
// entries fail one by one.
func (s *Service) changeMessageVisibilityBatch(_ context.Context, c *call, in *changeVisibilityBatchInput) (*changeVisibilityBatchOutput, *Error) {
	q, err := batchQueue(s, c, in.QueueURL, "ChangeMessageVisibilityBatchRequestEntry", in.Entries, func(e visibilityBatchEntry) string { return e.ID })
	if err != nil {
		return nil, err
	}
	out := &changeVisibilityBatchOutput{Successful: []batchOK{}} // Failed is left out when empty, as SendMessageBatch's
	for _, e := range in.Entries {
		timeout := e.VisibilityTimeout
		if timeout == nil {
			zero := 0 // AWS treats a missing per-entry timeout as zero
			timeout = &zero
		}
		if err := s.changeVisibility(q, e.ReceiptHandle, timeout); err != nil {
			out.Failed = append(out.Failed, entryError(e.ID, err))
			continue
		}
		out.Successful = append(out.Successful, batchOK{ID: e.ID})
	}
	return out, nil
}
