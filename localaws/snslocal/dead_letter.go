package snslocal

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
)

// redrivePolicy is a subscription's RedrivePolicy: the SQS queue that
// receives the messages SNS could not deliver to the subscriber.
type redrivePolicy struct {
	DeadLetterTargetArn string `json:"deadLetterTargetArn"`
}

// parseRedrivePolicy checks a RedrivePolicy value and returns its
// dead-letter queue ARN.
func parseRedrivePolicy(value string) (string, error) {
	var p redrivePolicy
	if err := json.Unmarshal([]byte(value), &p); err != nil {
		return "", invalidParameter("RedrivePolicy: failed to parse JSON.")
	}
	if !validQueueARN(p.DeadLetterTargetArn) {
		return "", invalidParameter("RedrivePolicy: deadLetterTargetArn is an invalid arn")
	}
	return p.DeadLetterTargetArn, nil
}

// checkDeadLetterType applies AWS's rule that a FIFO queue subscribed to
// a FIFO topic uses a FIFO dead-letter queue, while a standard queue
// subscribed to one may use a standard queue (LocalStack's
// test_validations_for_fifo, recorded from AWS), and that standard
// topics' subscriptions use standard ones.
func checkDeadLetterType(sub *subscription, fifo bool) error {
	dlq := sub.deadLetterQueue()
	fifoDLQ := strings.HasSuffix(dlq, ".fifo")
	switch {
	case dlq == "" || fifoDLQ == fifo:
		return nil
	case fifo && sub.protocol == "sqs" && strings.HasSuffix(sub.endpoint, ".fifo"):
		return invalidParameter("RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.")
	case fifo:
		return nil
	}
	return invalidParameter("RedrivePolicy: must use a standard queue as DLQ for a standard topic subscription")
}

// deadLetterQueue is the queue ARN of the subscription's RedrivePolicy, or
// "" without one.
func (sub *subscription) deadLetterQueue() string {
	v, ok := sub.attrs["RedrivePolicy"]
	if !ok {
		return ""
	}
	arn, err := parseRedrivePolicy(v)
	if err != nil {
		return ""
	}
	return arn
}

// toDeadLetter sends a message SNS gave up delivering to the
// subscription's dead-letter queue, as it would have reached the
// subscriber (the envelope, or the raw message and its attributes). Without
// a dead-letter queue the message is discarded, as on AWS.
func (s *Service) toDeadLetter(ctx context.Context, n *notification, t target, body string, attrs map[string]MessageAttribute) {
	if t.dlq == "" || s.queues == nil {
		return
	}
	var err error
	if fifo, ok := s.queues.(FIFOQueueSink); ok && n.groupID != "" && strings.HasSuffix(t.dlq, ".fifo") {
		err = fifo.SendToFIFOQueue(ctx, t.dlq, body, attrs, n.groupID, n.dedupID)
	} else {
		err = s.queues.SendToQueue(ctx, t.dlq, body, attrs)
	}
	if err != nil {
		s.logger.LogAttrs(ctx, slog.LevelWarn, "sns dead-letter queue refused the message",
			slog.String("subscription", t.arn), slog.String("deadLetterQueue", t.dlq), slog.String("messageId", n.messageID), slog.Any("error", err))
		return
	}
	s.logger.LogAttrs(ctx, slog.LevelInfo, "sns message moved to the subscription's dead-letter queue",
		slog.String("subscription", t.arn), slog.String("deadLetterQueue", t.dlq), slog.String("messageId", n.messageID))
}
