package snslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
)

// TestTopicRefusalsRecordedFromAWS holds topic requests to the answers
// AWS gave for them, as LocalStack's AWS-validated snapshots record them
// (tests/aws/services/sns/test_sns.snapshot.json, the test named in each
// case).
func TestTopicRefusalsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	topic := e.createTopic(t, "recorded")
	tests := []refusal{
		{
			// test_create_topic_name_constraints: fifo-name-not-contains-fifo.
			name: "FIFO attribute on a name without .fifo",
			call: func() error {
				_, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("plain"),
					Attributes: map[string]string{"FifoTopic": "true"}})
				return err
			},
			want: "Invalid parameter: Topic Name",
		},
		{
			// test_create_topic_name_constraints: name-contains-fifo.
			name: ".fifo name without the FIFO attribute",
			call: func() error {
				_, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("plain.fifo")})
				return err
			},
			want: "Invalid parameter: Topic Name",
		},
		{
			// test_create_topic_different_attrs: create-topic-new-attrs-fifo.
			name: "existing standard topic asked to be FIFO",
			call: func() error {
				_, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("recorded"),
					Attributes: map[string]string{"FifoTopic": "true"}})
				return err
			},
			want: "Invalid parameter: Topic Name",
		},
		{
			// test_topic_get_attributes_with_fifo_false: set-fifo-false-after-creation.
			name: "FifoTopic set after creation",
			call: func() error {
				_, err := e.client.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: &topic,
					AttributeName: aws.String("FifoTopic"), AttributeValue: aws.String("false")})
				return err
			},
			want: "Invalid parameter: AttributeName",
		},
		{
			// test_tags: duplicate-key-error.
			name: "duplicate tag keys",
			call: func() error {
				_, err := e.client.TagResource(ctx, &sns.TagResourceInput{ResourceArn: &topic, Tags: []types.Tag{
					{Key: aws.String("k1"), Value: aws.String("v1")},
					{Key: aws.String("k2"), Value: aws.String("v2")},
					{Key: aws.String("k2"), Value: aws.String("v2")},
				}})
				return err
			},
			want: "Invalid parameter: Duplicated keys are not allowed.",
		},
		{
			// test_create_duplicate_topic_with_more_tags: exception-duplicate.
			name: "existing topic created again with tags",
			call: func() error {
				_, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("recorded"),
					Tags: []types.Tag{{Key: aws.String("key1"), Value: aws.String("value1")}}})
				return err
			},
			want: "Invalid parameter: Tags Reason: Topic already exists with different tags",
		},
		{
			// test_add_permission_errors: invalid-action.
			name: "AddPermission for an action SNS does not have",
			call: func() error {
				_, err := e.client.AddPermission(ctx, &sns.AddPermissionInput{TopicArn: &topic, Label: aws.String("test-2"),
					AWSAccountId: []string{"123456789012"}, ActionName: []string{"InvalidAction"}})
				return err
			},
			want: "Invalid parameter: Policy statement action out of service scope!",
		},
	}
	checkRefusals(t, tests)
}

// TestFifoTopicFalseIsAStandardTopic: AWS takes FifoTopic "false" at
// creation, does not list it, and treats it as the standard topic's own
// value when the topic is created again (LocalStack's
// test_topic_get_attributes_with_fifo_false and
// test_create_topic_different_attrs, recorded from AWS).
func TestFifoTopicFalseIsAStandardTopic(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	out, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("standard"),
		Attributes: map[string]string{"FifoTopic": "false"}})
	if err != nil {
		t.Fatalf("CreateTopic with FifoTopic false: %v", err)
	}
	attrs, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: out.TopicArn})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := attrs.Attributes["FifoTopic"]; ok {
		t.Errorf("GetTopicAttributes lists FifoTopic %q; AWS lists none for a standard topic", v)
	}
	for _, in := range []map[string]string{nil, {"FifoTopic": "false"}} {
		again, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("standard"), Attributes: in})
		if err != nil || *again.TopicArn != *out.TopicArn {
			t.Errorf("CreateTopic again with %v: %v, want the same topic", in, err)
		}
	}
}

// TestFifoTopicTakesTrueInAnyCase: SNS reads its boolean attributes
// without regard to case (AWS stores RawMessageDelivery "True" as "true":
// LocalStack's test_subscribe_idempotency), so a FIFO topic made with
// Python's str(True), as moto's test_publish_with_boolean_attributes does,
// is a FIFO topic.
func TestFifoTopicTakesTrueInAnyCase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	out, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("ml.fifo"),
		Attributes: map[string]string{"FifoTopic": "True", "ContentBasedDeduplication": "False"}})
	if err != nil {
		t.Fatalf("CreateTopic: %v", err)
	}
	attrs, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: out.TopicArn})
	if err != nil {
		t.Fatal(err)
	}
	if attrs.Attributes["FifoTopic"] != "true" || attrs.Attributes["ContentBasedDeduplication"] != "false" {
		t.Errorf("FifoTopic %q, ContentBasedDeduplication %q; want true and false",
			attrs.Attributes["FifoTopic"], attrs.Attributes["ContentBasedDeduplication"])
	}
	if _, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: out.TopicArn, Message: aws.String("m"),
		MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d")}); err != nil {
		t.Errorf("Publish to the FIFO topic: %v", err)
	}
}
