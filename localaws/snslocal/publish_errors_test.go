package snslocal_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// TestPublishAndSMSRefusalsRecordedFromAWS holds Publish, OptInPhoneNumber
// and SetSMSAttributes refusals to the answers AWS gave for the same
// requests, as LocalStack's AWS-validated snapshots record them
// (tests/aws/services/sns/test_sns.snapshot.json, the test named in each
// case). All are InvalidParameter with HTTP 400.
func TestPublishAndSMSRefusalsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	topic := e.createTopic(t, "recorded")
	publish := func(in *sns.PublishInput) func() error {
		return func() error { _, err := e.client.Publish(ctx, in); return err }
	}
	smsAttributes := func(name, value string) func() error {
		return func() error {
			_, err := e.client.SetSMSAttributes(ctx, &sns.SetSMSAttributesInput{Attributes: map[string]string{name: value}})
			return err
		}
	}
	nonString, err := json.Marshal(map[string]any{"default": map[string]string{"object": "test"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []refusal{
		{
			// test_publish_wrong_arn_format: empty-topic.
			name: "empty TopicArn",
			call: publish(&sns.PublishInput{TopicArn: aws.String(""), Message: aws.String("Good news everyone!")}),
			want: "Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1",
		},
		{
			// test_publish_non_existent_target: non-existent-endpoint.
			name: "TargetArn of an endpoint that does not exist",
			call: publish(&sns.PublishInput{Message: aws.String("This is a push notification"),
				TargetArn: aws.String("arn:aws:sns:us-east-1:123456789012:endpoint/APNS/abcdef/0f7d5971-aa8b-4bd5-b585-0826e9f93a66")}),
			want: "Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified",
		},
		{
			// test_message_structure_json_exc: key-is-not-string.
			name: "default entry that is not a string",
			call: publish(&sns.PublishInput{TopicArn: &topic, Message: aws.String(string(nonString)), MessageStructure: aws.String("json")}),
			want: "Invalid parameter: Message Structure - No default entry in JSON message body",
		},
		{
			// test_publish_wrong_phone_format: invalid-number.
			name: "phone number with a letter",
			call: publish(&sns.PublishInput{PhoneNumber: aws.String("+1a234"), Message: aws.String("Good news everyone!")}),
			want: "Invalid parameter: PhoneNumber Reason: +1a234 is not valid to publish to",
		},
		{
			// test_opt_in_invalid_number: opt-in-non-existing-number.
			name: "opting in a number that is not one",
			call: func() error {
				_, err := e.client.OptInPhoneNumber(ctx, &sns.OptInPhoneNumberInput{PhoneNumber: aws.String("invalid")})
				return err
			},
			want: "Invalid parameter: PhoneNumber Reason: input incorrectly formatted",
		},
		// test_set_invalid_sms_attributes, each parameter.
		{name: "unknown SMS attribute", call: smsAttributes("InvalidAttribute", "invalid"), want: "InvalidAttribute is not a valid attribute"},
		{name: "misspelt SMS attribute", call: smsAttributes("DefaultSendID", "123456789"), want: "DefaultSendID is not a valid attribute"},
		{name: "unknown SMS type", call: smsAttributes("DefaultSMSType", "invalid"), want: "DefaultSMSType is invalid"},
	}
	checkRefusals(t, tests)
}

// TestPublishIgnoresNonStringProtocolMessages: with MessageStructure json,
// a protocol key whose value is not a string is ignored (Publish API
// reference: "Non-string values will cause the key to be ignored"), so the
// queue gets the default message.
func TestPublishIgnoresNonStringProtocolMessages(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "structured")
	e.subscribe(t, topic, "q", map[string]string{"RawMessageDelivery": "true"})
	msg, err := json.Marshal(map[string]any{"default": "the default", "sqs": map[string]int{"n": 1}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.client.Publish(context.Background(), &sns.PublishInput{TopicArn: &topic,
		Message: aws.String(string(msg)), MessageStructure: aws.String("json")}); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	got := e.sink.to("q")
	if len(got) != 1 || got[0].Body != "the default" {
		t.Errorf("queue got %+v, want the default message", got)
	}
}
