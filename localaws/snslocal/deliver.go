package snslocal

import (
	"context"
	"errors"
	"log/slog"
)

// target is a snapshot of a subscription taken under the lock, so delivery
// runs without it.
type target struct {
	arn       string
	endpoint  string
	raw       bool
	bodyScope bool
	filter    *filterPolicy
}

func targetOf(sub *subscription) target {
	return target{arn: sub.arn, endpoint: sub.endpoint, raw: sub.raw(), bodyScope: sub.bodyScope(), filter: sub.filter}
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

// deliver hands n to each accepting target in subscription order. Failures
// are logged and counted, never returned: a publish succeeds once SNS has
// accepted the message.
func (s *Service) deliver(ctx context.Context, n *notification, targets []target) {
	for _, t := range targets {
		if !t.accepts(n) {
			continue
		}
		if err := s.deliverOne(ctx, n, t); err != nil {
			s.failures.Add(1)
			s.logger.LogAttrs(ctx, slog.LevelWarn, "sns delivery failed",
				slog.String("subscription", t.arn), slog.String("queue", t.endpoint),
				slog.String("messageId", n.messageID), slog.Any("error", err))
		}
	}
}

var errNoSink = errors.New("no queue sink configured")

func (s *Service) deliverOne(ctx context.Context, n *notification, t target) error {
	if s.queues == nil {
		return errNoSink
	}
	if t.raw {
		return s.queues.SendToQueue(ctx, t.endpoint, n.message, cloneAttributes(n.attrs))
	}
	sg, err := s.signingKey()
	if err != nil {
		return err
	}
	body, err := n.body(sg, t.arn)
	if err != nil {
		return err
	}
	return s.queues.SendToQueue(ctx, t.endpoint, body, nil)
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
