package snslocal

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// subscription is one subscription to a topic: an SQS queue or an
// http/https endpoint.
type subscription struct {
	arn      string
	topicArn string
	protocol string
	endpoint string // queue ARN or URL
	attrs    map[string]string
	filter   *filterPolicy // nil: every message matches
	// pending is true until an http/https endpoint confirms with token.
	pending bool
	token   string
}

// web reports whether the subscription delivers over http or https.
func (sub *subscription) web() bool { return sub.protocol == "http" || sub.protocol == "https" }

// raw reports whether the subscription receives raw messages rather than
// notification envelopes.
func (sub *subscription) raw() bool {
	return strings.EqualFold(sub.attrs["RawMessageDelivery"], "true")
}

// bodyScope reports whether the filter policy applies to the message body
// rather than to the message attributes.
func (sub *subscription) bodyScope() bool {
	return sub.attrs["FilterPolicyScope"] == "MessageBody"
}

// Frames of an attribute refusal: Subscribe names the Attributes member,
// SetSubscriptionAttributes does not (LocalStack's
// test_create_subscriptions_with_attributes, test_validate_set_sub_attributes
// and test_set_subscription_filter_policy_scope, recorded from AWS).
const (
	subscribeFrame = "Attributes Reason: "
	setFrame       = ""
)

// setSubscriptionAttribute validates and applies one attribute, refusing
// with frame before the reason. The caller holds s.mu or owns sub
// exclusively.
func setSubscriptionAttribute(sub *subscription, name, value, frame string) error {
	switch name {
	case "RawMessageDelivery":
		// Any case, kept in lower case, as AWS does with "True"
		// (LocalStack's test_subscribe_idempotency).
		if !strings.EqualFold(value, "true") && !strings.EqualFold(value, "false") {
			return invalidParameter("%sRawMessageDelivery: Invalid value [%s]. Must be true or false.", frame, value)
		}
		value = strings.ToLower(value)
	case "FilterPolicy":
		if value == "" {
			delete(sub.attrs, name)
			sub.filter = nil
			return nil
		}
		f, err := parseFilterPolicy(value)
		var refusal *policyRefusal
		if errors.As(err, &refusal) {
			return invalidParameter("%sFilterPolicy: %s", frame, refusal.reason)
		}
		if err != nil {
			return err
		}
		sub.filter = f
		if sub.attrs["FilterPolicyScope"] == "" {
			sub.attrs["FilterPolicyScope"] = "MessageAttributes"
		}
	case "FilterPolicyScope":
		if value != "MessageAttributes" && value != "MessageBody" {
			return invalidParameter("%sFilterPolicyScope: Invalid value [%s]. Please use either MessageBody or MessageAttributes", frame, value)
		}
	case "DeliveryPolicy":
		if err := checkDeliveryPolicy(value); err != nil {
			return err
		}
	case "RedrivePolicy":
		if value == "" {
			delete(sub.attrs, name)
			return nil
		}
		if _, err := parseRedrivePolicy(value); err != nil {
			return err
		}
	case "SubscriptionRoleArn", "ReplayPolicy":
	default:
		return invalidParameter("AttributeName")
	}
	sub.attrs[name] = value
	return nil
}

// checkNestedScope refuses, before anything else about the policy, a
// filter policy text that nests objects when the scope is
// MessageAttributes, as AWS checks this first.
func checkNestedScope(policy, scope string) error {
	if scope == "MessageBody" || policy == "" {
		return nil
	}
	var doc map[string]any
	if json.Unmarshal([]byte(policy), &doc) != nil {
		return nil // parseFilterPolicy reports it
	}
	for k, v := range doc {
		if _, ok := v.(map[string]any); ok && k != "$or" {
			return invalidParameter("Filter policy scope MessageAttributes does not support nested filter policy")
		}
	}
	return nil
}

// checkFilterScope refuses a nested filter policy under the
// MessageAttributes scope, once both attributes are known.
func checkFilterScope(sub *subscription) error {
	if sub.filter != nil && !sub.bodyScope() && sub.filter.root.hasNested() {
		return invalidParameter("Filter policy scope MessageAttributes does not support nested filter policy")
	}
	return nil
}

// subscriptionAttributes lists every attribute GetSubscriptionAttributes
// reports.
func (s *Service) subscriptionAttributes(sub *subscription) map[string]string {
	out := map[string]string{
		"SubscriptionArn":              sub.arn,
		"TopicArn":                     sub.topicArn,
		"Owner":                        s.account,
		"Protocol":                     sub.protocol,
		"Endpoint":                     sub.endpoint,
		"ConfirmationWasAuthenticated": strconv.FormatBool(!sub.confirmable()),
		"PendingConfirmation":          strconv.FormatBool(sub.pending),
		"RawMessageDelivery":           "false",
		"SubscriptionPrincipal":        "arn:aws:iam::" + s.account + ":user/local",
	}
	for k, v := range sub.attrs {
		out[k] = v
	}
	if out["FilterPolicy"] == "" {
		// AWS lists the scope only alongside a filter policy, even one set
		// explicitly (LocalStack's AWS-validated
		// test_set_subscription_filter_policy_scope).
		delete(out, "FilterPolicyScope")
	}
	return out
}

// validQueueARN checks an SQS endpoint: arn:aws:sqs:region:account:name.
func validQueueARN(arn string) bool {
	parts := strings.Split(arn, ":")
	return len(parts) == 6 && parts[0] == "arn" && parts[2] == "sqs" && parts[3] != "" && parts[4] != "" && parts[5] != ""
}

// lookupSubscription finds a subscription by ARN among region's topics. The
// caller holds s.mu.
// A malformed ARN is refused as AWS refuses it (LocalStack's
// test_unsubscribe_wrong_arn_format, recorded from AWS): its elements
// counted, and a topic ARN without a subscription ID is short of the ID.
func (s *Service) lookupSubscription(region, arn string) (*subscription, error) {
	if arn == "" {
		return nil, invalidParameter("SubscriptionArn Reason: no value for required parameter")
	}
	if n := strings.Count(arn, ":") + 1; n < 6 {
		return nil, invalidParameter("SubscriptionArn Reason: An ARN must have at least 6 elements, not %d", n)
	}
	topicArn, id, _ := cutLast(arn, ":")
	if id == "" || strings.Count(arn, ":") == 5 {
		return nil, invalidParameter("SubscriptionId")
	}
	if err := s.checkTopicARN(region, "SubscriptionArn", topicArn); err != nil {
		return nil, err
	}
	sub, ok := s.subs[arn]
	if !ok {
		return nil, errorf(codeNotFound, "Subscription does not exist")
	}
	return sub, nil
}

func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
