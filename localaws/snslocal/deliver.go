package snslocal

import (
	"context"
	"errors"
	"log/slog"
	"strings"
)

// FIFOQueueSink is a QueueSink that can also deliver to FIFO queues, as FIFO
// topics need. The local endpoint implements it with the SQS emulator.
type FIFOQueueSink interface {
	QueueSink
	// SendToFIFOQueue sends one message to the FIFO queue with the given
	// ARN, in the message group and with the deduplication ID given.
	SendToFIFOQueue(ctx context.Context, queueArn, body string, attrs map[string]MessageAttribute, groupID, dedupID string) error
}

// target is a snapshot of a subscription taken under the lock, so delivery
// runs without it.
type target struct {
	arn       string
	protocol  string
	endpoint  string
	raw       bool
	bodyScope bool
	filter    *filterPolicy
	policy    webPolicy // http/https only
	dlq       string    // dead-letter queue ARN, if any
}

func targetOf(sub *subscription, topicPolicy string) target {
	t := target{arn: sub.arn, protocol: sub.protocol, endpoint: sub.endpoint, raw: sub.raw(), bodyScope: sub.bodyScope(), filter: sub.filter,
		dlq: sub.deadLetterQueue()}
	if sub.web() {
		t.policy = effectivePolicy(topicPolicy, sub.attrs["DeliveryPolicy"])
	}
	return t
}

// accepts applies the subscription's filter policy to a notification.
func (t target) accepts(n *notification) bool {
	switch {
	case t.filter == nil:
		return true
	case t.bodyScope:
		return t.filter.matchBody(n.message)
	}
	return t.filter.matchAttributes(n.attrs)
}

// deliver hands n to each accepting target in subscription order: to
// queues before it returns, to http/https endpoints in the background.
// Failures are logged and counted, never returned: a publish succeeds once
// SNS has accepted the message.
func (s *Service) deliver(ctx context.Context, n *notification, targets []target) {
	for _, t := range targets {
		if !t.accepts(n) {
			continue
		}
		if err := s.deliverOne(ctx, n, t); err != nil {
			s.failures.Add(1)
			s.logger.LogAttrs(ctx, slog.LevelWarn, "sns delivery failed",
				slog.String("subscription", t.arn), slog.String("endpoint", t.endpoint),
				slog.String("messageId", n.messageID), slog.Any("error", err))
		}
	}
}

var (
	errNoSink     = errors.New("no queue sink configured")
	errNoFIFOSink = errors.New("the queue sink cannot deliver to FIFO queues")
)

func (s *Service) deliverOne(ctx context.Context, n *notification, t target) error {
	if t.protocol == "application" {
		// A push is recorded, not sent, if its endpoint is still there and
		// enabled.
		s.mu.RLock()
		e, ok := s.endpoints[t.endpoint]
		enabled := ok && e.enabled()
		s.mu.RUnlock()
		if !enabled {
			return errors.New("platform endpoint missing or disabled")
		}
		s.outbox.pushed.add(Push{EndpointARN: t.endpoint, MessageID: n.messageID, Message: n.message, SubscriptionARN: t.arn, At: n.time})
		return nil
	}
	if t.protocol == "sms" {
		// A text carries the message alone; it is recorded, not sent.
		s.outbox.sent.add(SMS{PhoneNumber: t.endpoint, MessageID: n.messageID, Message: n.message, SubscriptionARN: t.arn, At: n.time})
		return nil
	}
	body, attrs := n.message, cloneAttributes(n.attrs)
	if !t.raw {
		sg, err := s.signingKey()
		if err != nil {
			return err
		}
		if body, err = n.body(sg, t.arn); err != nil {
			return err
		}
		attrs = nil
	}
	if t.protocol == "lambda" {
		return s.invokeLambda(n, t, body)
	}
	if t.protocol == "email" || t.protocol == "email-json" {
		s.emailNotification(n, t, body)
		return nil
	}
	if t.protocol == "http" || t.protocol == "https" {
		h := webHeaders("Notification", n.messageID, n.topicArn, t.policy.contentType)
		h["x-amz-sns-subscription-arn"] = t.arn
		if t.raw {
			h["x-amz-sns-rawdelivery"] = "true"
		}
		s.sendWeb(webRequest{url: t.endpoint, body: body, headers: h, delays: t.policy.delays,
			what:       []slog.Attr{slog.String("subscription", t.arn), slog.String("messageId", n.messageID)},
			deadLetter: func(ctx context.Context) { s.toDeadLetter(ctx, n, t, body, attrs) }})
		return nil
	}
	if s.queues == nil {
		return errNoSink
	}
	// A FIFO topic may also deliver to a standard queue, which takes no
	// group or deduplication id.
	var err error
	if n.groupID != "" && strings.HasSuffix(t.endpoint, ".fifo") {
		fifo, ok := s.queues.(FIFOQueueSink)
		if !ok {
			return errNoFIFOSink
		}
		err = fifo.SendToFIFOQueue(ctx, t.endpoint, body, attrs, n.groupID, n.dedupID)
	} else {
		err = s.queues.SendToQueue(ctx, t.endpoint, body, attrs)
	}
	if err != nil {
		s.toDeadLetter(ctx, n, t, body, attrs)
	}
	return err
}

// cloneAttributes gives each sink its own map, so one sink cannot change
// what the next one receives.
func cloneAttributes(attrs map[string]MessageAttribute) map[string]MessageAttribute {
	if len(attrs) == 0 {
		return nil
	}
	out := make(map[string]MessageAttribute, len(attrs))
	for k, v := range attrs {
		v.BinaryValue = append([]byte(nil), v.BinaryValue...)
		out[k] = v
	}
	return out
}
