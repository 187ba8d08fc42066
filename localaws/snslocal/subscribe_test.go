package snslocal_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/google/go-cmp/cmp"
)

func TestSubscriptionLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "orders")
	other := e.createTopic(t, "other")
	sub := e.subscribe(t, topic, "notifications", map[string]string{"RawMessageDelivery": "true"})
	if !strings.HasPrefix(sub, topic+":") {
		t.Errorf("SubscriptionArn %s does not extend the topic ARN", sub)
	}
	if again := e.subscribe(t, topic, "notifications", map[string]string{"RawMessageDelivery": "true"}); again != sub {
		t.Errorf("resubscribing returned %s, want %s", again, sub)
	}
	// As on AWS (LocalStack's test_subscribe_idempotency, recorded from
	// AWS), only the attributes named are compared: none answers the
	// existing subscription, another value is refused.
	if again := e.subscribe(t, topic, "notifications", nil); again != sub {
		t.Errorf("resubscribing without attributes returned %s, want %s", again, sub)
	}
	_, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN("notifications")),
		Attributes: map[string]string{"RawMessageDelivery": "false"}})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("resubscribing with other attributes: code %q, want InvalidParameter", got)
	}
	e.subscribe(t, other, "audit", nil)

	attrs, err := e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: &sub})
	if err != nil {
		t.Fatalf("GetSubscriptionAttributes: %v", err)
	}
	for k, want := range map[string]string{"RawMessageDelivery": "true", "Protocol": "sqs", "Endpoint": queueARN("notifications"), "TopicArn": topic, "PendingConfirmation": "false"} {
		if attrs.Attributes[k] != want {
			t.Errorf("attribute %s = %q, want %q", k, attrs.Attributes[k], want)
		}
	}

	byTopic, err := e.client.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicArn: &topic})
	if err != nil {
		t.Fatalf("ListSubscriptionsByTopic: %v", err)
	}
	if len(byTopic.Subscriptions) != 1 || *byTopic.Subscriptions[0].SubscriptionArn != sub {
		t.Errorf("ListSubscriptionsByTopic = %+v, want only %s", byTopic.Subscriptions, sub)
	}
	all, err := e.client.ListSubscriptions(ctx, &sns.ListSubscriptionsInput{})
	if err != nil {
		t.Fatalf("ListSubscriptions: %v", err)
	}
	var endpoints []string
	for _, s := range all.Subscriptions {
		endpoints = append(endpoints, *s.Endpoint)
	}
	if diff := cmp.Diff([]string{queueARN("audit"), queueARN("notifications")}, slices.Sorted(slices.Values(endpoints))); diff != "" {
		t.Errorf("ListSubscriptions endpoints (-want +got):\n%s", diff)
	}

	if _, err := e.client.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: &sub}); err != nil {
		t.Fatalf("Unsubscribe: %v", err)
	}
	if _, err := e.client.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: &sub}); err != nil {
		t.Errorf("second Unsubscribe: %v, want success as in AWS", err)
	}
	_, err = e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: &sub})
	if got := errorCode(t, err); got != "NotFound" {
		t.Errorf("GetSubscriptionAttributes after Unsubscribe: code %q, want NotFound", got)
	}
	_, err = e.client.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: aws.String("not-an-arn")})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("Unsubscribe of a malformed ARN: code %q, want InvalidParameter", got)
	}
}

func TestSubscribeRejects(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "t")
	tests := []struct {
		name     string
		protocol string
		endpoint string
		attrs    map[string]string
		want     string
	}{
		{name: "http protocol with an https URL", protocol: "http", endpoint: "https://example.com/hook", want: "InvalidParameter"},
		{name: "https protocol with a relative URL", protocol: "https", endpoint: "/hook", want: "InvalidParameter"},
		{name: "firehose protocol", protocol: "firehose", endpoint: "arn:aws:firehose:us-east-1:123456789012:deliverystream/s", want: "InvalidParameter"},
		{name: "queue URL not ARN", protocol: "sqs", endpoint: "http://127.0.0.1:4566/123456789012/q", want: "InvalidParameter"},
		{name: "FIFO queue", protocol: "sqs", endpoint: queueARN("q.fifo"), want: "InvalidParameter"},
		{name: "bad raw flag", protocol: "sqs", endpoint: queueARN("q"), attrs: map[string]string{"RawMessageDelivery": "yes"}, want: "InvalidParameter"},
		{name: "bad filter JSON", protocol: "sqs", endpoint: queueARN("q"), attrs: map[string]string{"FilterPolicy": "{"}, want: "InvalidParameter"},
		{name: "bad filter operator", protocol: "sqs", endpoint: queueARN("q"), attrs: map[string]string{"FilterPolicy": `{"a":[{"like":"x"}]}`}, want: "InvalidParameter"},
		{name: "bad scope", protocol: "sqs", endpoint: queueARN("q"), attrs: map[string]string{"FilterPolicyScope": "Headers"}, want: "InvalidParameter"},
		{name: "too complex", protocol: "sqs", endpoint: queueARN("q"), attrs: map[string]string{"FilterPolicy": `{"a":[1,2,3,4,5,6],"b":[1,2,3,4,5,6],"c":[1,2,3,4,5]}`}, want: "InvalidParameter"},
		{name: "unknown attribute", protocol: "sqs", endpoint: queueARN("q"), attrs: map[string]string{"Colour": "red"}, want: "InvalidParameter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.client.Subscribe(context.Background(), &sns.SubscribeInput{
				TopicArn: &topic, Protocol: aws.String(tt.protocol), Endpoint: aws.String(tt.endpoint), Attributes: tt.attrs,
			})
			if got := errorCode(t, err); got != tt.want {
				t.Errorf("code %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

// TestSubscribeChecksTheTopicFirst checks that AWS's 404 NotFound for a
// missing topic comes before any complaint about the rest of the request.
func TestSubscribeChecksTheTopicFirst(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	missing := "arn:aws:sns:us-east-1:123456789012:nope"
	for _, in := range []*sns.SubscribeInput{
		{TopicArn: &missing, Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN("q"))},
		{TopicArn: &missing, Protocol: aws.String("carrier-pigeon"), Endpoint: aws.String("roof")},
	} {
		_, err := e.client.Subscribe(context.Background(), in)
		var status interface{ HTTPStatusCode() int }
		if got := errorCode(t, err); got != "NotFound" || !errorsAs(err, &status) || status.HTTPStatusCode() != 404 {
			t.Errorf("Subscribe %s to a missing topic: %v, want 404 NotFound", aws.ToString(in.Protocol), err)
		}
	}
}

// TestSubscribeWebhookEndpointMustMatch checks AWS's wording for an
// endpoint that is not a URL of the protocol given (as reported against
// AWS in argoproj/argo-events#414).
func TestSubscribeWebhookEndpointMustMatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "t")
	_, err := e.client.Subscribe(context.Background(), &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("https"), Endpoint: aws.String("http://127.0.0.1:9/hook")})
	var apiErr interface{ ErrorMessage() string }
	if !errorsAs(err, &apiErr) || apiErr.ErrorMessage() != "Invalid parameter: Endpoint must match the specified protocol" {
		t.Errorf("Subscribe https with an http URL: %v", err)
	}
}

// TestSubscriptionsByTopicPages replays LocalStack's AWS-validated
// test_list_subscriptions_by_topic_pagination: 101 subscriptions list as
// 100 and 1, and the NextToken between them is base64, as AWS's is.
func TestSubscriptionsByTopicPages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	topic := e.createTopic(t, "paged")
	for i := range 101 {
		if _, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("sms"),
			Endpoint: aws.String(fmt.Sprintf("+12312312%d", i))}); err != nil {
			t.Fatalf("Subscribe %d: %v", i, err)
		}
	}
	first, err := e.client.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicArn: &topic})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Subscriptions) != 100 || first.NextToken == nil {
		t.Fatalf("first page: %d subscriptions, NextToken %v; want 100 and a token", len(first.Subscriptions), first.NextToken)
	}
	if _, err := base64.StdEncoding.DecodeString(*first.NextToken); err != nil {
		t.Errorf("NextToken %q is not base64: %v", *first.NextToken, err)
	}
	second, err := e.client.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicArn: &topic, NextToken: first.NextToken})
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Subscriptions) != 1 || second.NextToken != nil {
		t.Fatalf("second page: %d subscriptions, NextToken %v; want 1 and none", len(second.Subscriptions), second.NextToken)
	}
	for _, s := range first.Subscriptions {
		if *s.SubscriptionArn == *second.Subscriptions[0].SubscriptionArn {
			t.Errorf("%s is on both pages", *s.SubscriptionArn)
		}
	}
}

// TestFilterPolicyScopeListedWithAPolicy follows LocalStack's AWS-validated
// test_set_subscription_filter_policy_scope: GetSubscriptionAttributes
// lists FilterPolicyScope only once the subscription has a filter policy,
// even after the scope was set on its own.
func TestFilterPolicyScopeListedWithAPolicy(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	sub := e.subscribe(t, e.createTopic(t, "scoped"), "q", nil)
	scope := func() (string, bool) {
		t.Helper()
		out, err := e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: &sub})
		if err != nil {
			t.Fatal(err)
		}
		v, ok := out.Attributes["FilterPolicyScope"]
		return v, ok
	}
	set := func(name, value string) {
		t.Helper()
		if _, err := e.client.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: &sub,
			AttributeName: aws.String(name), AttributeValue: aws.String(value)}); err != nil {
			t.Fatalf("SetSubscriptionAttributes %s: %v", name, err)
		}
	}
	if v, ok := scope(); ok {
		t.Errorf("a new subscription lists FilterPolicyScope %q", v)
	}
	set("FilterPolicyScope", "MessageBody")
	if v, ok := scope(); ok {
		t.Errorf("with a scope and no policy FilterPolicyScope is listed as %q", v)
	}
	set("FilterPolicy", `{"attr":["match-this"]}`)
	if v, ok := scope(); !ok || v != "MessageBody" {
		t.Errorf("with a policy FilterPolicyScope = %q (listed %v), want MessageBody", v, ok)
	}
}
