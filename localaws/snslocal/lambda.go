package snslocal

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
)

// FunctionSink is where SNS hands notifications for lambda subscriptions.
// The local endpoint implements it with the Lambda functions it hosts.
type FunctionSink interface {
	// InvokeFunction invokes the function with the given ARN with an SNS
	// event payload and reports whether the function failed.
	InvokeFunction(ctx context.Context, functionArn string, payload []byte) error
}

var errNoFunctions = errors.New("no function sink configured")

// validFunctionARN checks a lambda endpoint:
// arn:aws:lambda:region:account:function:name[:qualifier].
func validFunctionARN(arn string) bool {
	parts := strings.Split(arn, ":")
	return (len(parts) == 7 || len(parts) == 8) && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function" && parts[6] != ""
}

// lambdaEvent builds the event a function receives for a notification: one
// record whose Sns member is the signed notification, with the field
// spellings of Lambda's SNS events (SigningCertUrl, UnsubscribeUrl).
func lambdaEvent(envelope, subscriptionArn string) ([]byte, error) {
	var sns map[string]any
	if err := json.Unmarshal([]byte(envelope), &sns); err != nil {
		return nil, err
	}
	for from, to := range map[string]string{"SigningCertURL": "SigningCertUrl", "UnsubscribeURL": "UnsubscribeUrl"} {
		if v, ok := sns[from]; ok {
			sns[to] = v
			delete(sns, from)
		}
	}
	if _, ok := sns["MessageAttributes"]; !ok {
		sns["MessageAttributes"] = map[string]any{}
	}
	return json.Marshal(map[string]any{"Records": []any{map[string]any{
		"EventSource": "aws:sns", "EventVersion": "1.0", "EventSubscriptionArn": subscriptionArn, "Sns": sns,
	}}})
}

// invokeLambda hands a notification to its function in the background, as
// SNS invokes functions asynchronously; a failed invocation is logged,
// counted and dead-lettered if the subscription has a queue for it.
func (s *Service) invokeLambda(n *notification, t target, envelope string) error {
	if s.functions == nil {
		return errNoFunctions
	}
	payload, err := lambdaEvent(envelope, t.arn)
	if err != nil {
		return err
	}
	s.runBackground(func(ctx context.Context) {
		if err := s.functions.InvokeFunction(ctx, t.endpoint, payload); err != nil && ctx.Err() == nil {
			s.failures.Add(1)
			s.logger.LogAttrs(ctx, slog.LevelWarn, "sns delivery failed", slog.String("subscription", t.arn),
				slog.String("endpoint", t.endpoint), slog.String("messageId", n.messageID), slog.Any("error", err))
			s.toDeadLetter(ctx, n, t, envelope, nil)
		}
	})
	return nil
}
