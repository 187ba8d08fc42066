package eventsource

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/payflow-dev/payflow/localaws/lambdacall"
)

// receiveBatch long-polls for the first messages, then keeps gathering
// without waiting while the batch is not full, the queue still has
// messages and the batching window is open.
func (m *Mapping) receiveBatch(ctx context.Context) ([]types.Message, error) {
	msgs, err := m.receive(ctx, m.cfg.WaitTime, m.cfg.BatchSize)
	if err != nil || len(msgs) == 0 || m.cfg.BatchingWindow <= 0 {
		return msgs, err
	}
	deadline := m.cfg.Clock.Now().Add(m.cfg.BatchingWindow)
	for len(msgs) < m.cfg.BatchSize && m.cfg.Clock.Now().Before(deadline) {
		more, err := m.receive(ctx, 0, m.cfg.BatchSize-len(msgs))
		if err != nil || len(more) == 0 {
			break // what was gathered so far is still a good batch
		}
		msgs = append(msgs, more...)
	}
	return msgs, nil
}

func (m *Mapping) receive(ctx context.Context, wait time.Duration, max int) ([]types.Message, error) {
	out, err := m.cfg.Queue.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
		QueueUrl:                    aws.String(m.cfg.QueueURL),
		MaxNumberOfMessages:         int32(min(max, 10)),
		WaitTimeSeconds:             int32(wait.Seconds()),
		MessageSystemAttributeNames: []types.MessageSystemAttributeName{types.MessageSystemAttributeNameAll},
		MessageAttributeNames:       []string{"All"},
	})
	if err != nil {
		return nil, fmt.Errorf("receive from %s: %w", m.cfg.QueueURL, err)
	}
	return out.Messages, nil
}

// process invokes the function with one batch and deletes what it handled.
func (m *Mapping) process(ctx context.Context, msgs []types.Message) {
	ev := m.event(msgs)
	resp, err := m.invoke(ctx, ev)
	if err != nil {
		m.cfg.Logger.Error("function failed; the whole batch stays on the queue",
			"queue", m.cfg.QueueURL, "records", len(msgs), "error", err)
		return
	}
	keep := map[string]bool{}
	if m.cfg.ReportBatchItemFailures {
		ids := make(map[string]bool, len(msgs))
		for _, msg := range msgs {
			ids[aws.ToString(msg.MessageId)] = true
		}
		for _, f := range resp.BatchItemFailures {
			if !ids[f.ItemIdentifier] {
				// Lambda treats an unknown or empty identifier as a failure
				// of the whole batch.
				m.cfg.Logger.Error("function reported an unknown item; the whole batch stays on the queue",
					"queue", m.cfg.QueueURL, "itemIdentifier", f.ItemIdentifier)
				return
			}
			keep[f.ItemIdentifier] = true
		}
	}
	var entries []types.DeleteMessageBatchRequestEntry
	for i, msg := range msgs {
		if keep[aws.ToString(msg.MessageId)] {
			continue
		}
		entries = append(entries, types.DeleteMessageBatchRequestEntry{
			Id: aws.String(strconv.Itoa(i)), ReceiptHandle: msg.ReceiptHandle,
		})
	}
	m.delete(ctx, entries)
}

func (m *Mapping) delete(ctx context.Context, entries []types.DeleteMessageBatchRequestEntry) {
	for len(entries) > 0 {
		n := min(len(entries), 10)
		out, err := m.cfg.Queue.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{
			QueueUrl: aws.String(m.cfg.QueueURL), Entries: entries[:n],
		})
		if err != nil {
			m.cfg.Logger.Error("delete failed; the messages will be delivered again", "queue", m.cfg.QueueURL, "error", err)
		} else if len(out.Failed) > 0 {
			m.cfg.Logger.Error("some deletes failed; those messages will be delivered again",
				"queue", m.cfg.QueueURL, "failed", len(out.Failed))
		}
		entries = entries[n:]
	}
}

// invoke calls the function with its timeout, as Lambda does: past the
// timeout the invocation is a failure even if the function is still
// running, and a panic is a failure as the Lambda runtime reports a crashed
// invocation.
func (m *Mapping) invoke(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	return lambdacall.Call(ctx, m.cfg.Timeout, m.cfg.Handler, ev)
}
