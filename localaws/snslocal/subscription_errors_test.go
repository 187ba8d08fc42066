package snslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// TestSubscriptionRefusalsRecordedFromAWS holds subscription requests to
// the answers AWS gave for them, as LocalStack's AWS-validated snapshots
// record them (tests/aws/services/sns/test_sns.snapshot.json, the test
// named in each case). All are InvalidParameter.
func TestSubscriptionRefusalsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	topic := e.createTopic(t, "recorded")
	sub := e.subscribe(t, topic, "q", nil)
	unsubscribe := func(arn string) func() error {
		return func() error {
			_, err := e.client.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: aws.String(arn)})
			return err
		}
	}
	set := func(name, value string) func() error {
		return func() error {
			_, err := e.client.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: &sub,
				AttributeName: aws.String(name), AttributeValue: aws.String(value)})
			return err
		}
	}
	tests := []refusal{
		{
			// test_validate_set_sub_attributes: invalid-json-redrive-policy
			// (AWS goes on with its JSON parser's own words, not ours).
			name: "RedrivePolicy that is not JSON",
			call: set("RedrivePolicy", "{invalid json}"),
			want: "Invalid parameter: RedrivePolicy: failed to parse JSON.",
		},
		{
			// test_subscribe_with_invalid_protocol: exception.
			name: "unknown protocol",
			call: func() error {
				_, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("test-protocol"),
					Endpoint: aws.String("localstack@yopmail.com")})
				return err
			},
			want: "Invalid parameter: Amazon SNS does not support this protocol string: test-protocol",
		},
		{
			// test_create_subscriptions_with_attributes: subscribe-wrong-attr.
			name: "Subscribe with a RawMessageDelivery that is not a boolean",
			call: func() error {
				_, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("sqs"),
					Endpoint: aws.String(queueARN("other")), Attributes: map[string]string{"RawMessageDelivery": "wrongvalue"}})
				return err
			},
			want: "Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.",
		},
		// test_validate_set_sub_attributes: raw-message-wrong-value, raw-message-empty-value.
		{name: "set RawMessageDelivery that is not a boolean", call: set("RawMessageDelivery", "test-ValUe"),
			want: "Invalid parameter: RawMessageDelivery: Invalid value [test-ValUe]. Must be true or false."},
		{name: "set RawMessageDelivery empty", call: set("RawMessageDelivery", ""),
			want: "Invalid parameter: RawMessageDelivery: Invalid value []. Must be true or false."},
		// test_set_subscription_filter_policy_scope: sub-attrs-filter-scope-error.
		{name: "set an unknown FilterPolicyScope", call: set("FilterPolicyScope", "RandomValue"),
			want: "Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes"},
		// test_unsubscribe_wrong_arn_format: invalid-unsubscribe-arn-1 to -3.
		{name: "unsubscribe a word", call: unsubscribe("randomstring"),
			want: "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1"},
		{name: "unsubscribe an ARN of five elements", call: unsubscribe("arn:aws:sns:us-east-1:random"),
			want: "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 5"},
		{name: "unsubscribe an ARN without a subscription ID", call: unsubscribe("arn:aws:sns:us-east-1:111111111111:random"),
			want: "Invalid parameter: SubscriptionId"},
		// test_unsubscribe_from_deleted_topic: what Subscribe answered for a
		// pending http subscription.
		{name: "unsubscribe \"pending confirmation\"", call: unsubscribe("pending confirmation"),
			want: "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1"},
		{
			// test_sns_confirm_subscription_wrong_token: topic-not-exists.
			name: "confirm on a topic that does not exist",
			call: func() error {
				_, err := e.client.ConfirmSubscription(ctx, &sns.ConfirmSubscriptionInput{TopicArn: aws.String(topic + "i"),
					Token: aws.String("51b2ff3edb475b7d91550e0ab6edf0c1de2a34e6ebaf6c2262a001bcb7e051c43aa00022ceecce70bd2a67b2042da8d8eb")})
				return err
			},
			want: "Invalid parameter: Token",
		},
	}
	checkRefusals(t, tests)
}

// TestRawMessageDeliveryTakesAnyCase: AWS takes RawMessageDelivery "True",
// lists it as "true" and answers the same subscription for "true" after it
// (LocalStack's test_subscribe_idempotency, recorded from AWS).
func TestRawMessageDeliveryTakesAnyCase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	topic := e.createTopic(t, "raw")
	sub := e.subscribe(t, topic, "q", map[string]string{"RawMessageDelivery": "True"})
	attrs, err := e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: &sub})
	if err != nil {
		t.Fatal(err)
	}
	if got := attrs.Attributes["RawMessageDelivery"]; got != "true" {
		t.Errorf("RawMessageDelivery %q, want true", got)
	}
	for _, in := range []map[string]string{{"RawMessageDelivery": "true"}, {"FilterPolicyScope": "MessageAttributes"}, {}} {
		if again := e.subscribe(t, topic, "q", in); again != sub {
			t.Errorf("Subscribe again with %v: %s, want %s", in, again, sub)
		}
	}
}
