package snslocal_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/google/go-cmp/cmp"
)

func TestCreateTopicIsIdempotent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	attrs := map[string]string{"DisplayName": "Payments"}
	first, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("payments"), Attributes: attrs})
	if err != nil {
		t.Fatalf("CreateTopic: %v", err)
	}
	if want := "arn:aws:sns:us-east-1:123456789012:payments"; *first.TopicArn != want {
		t.Errorf("TopicArn = %s, want %s", *first.TopicArn, want)
	}
	again, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("payments"), Attributes: attrs})
	if err != nil {
		t.Fatalf("CreateTopic again: %v", err)
	}
	if *again.TopicArn != *first.TopicArn {
		t.Errorf("second CreateTopic returned %s, want %s", *again.TopicArn, *first.TopicArn)
	}
	_, err = e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("payments"), Attributes: map[string]string{"DisplayName": "Other"}})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("CreateTopic with other attributes: code %q, want InvalidParameter", got)
	}
	_, err = e.client.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: first.TopicArn,
		AttributeName: aws.String("SignatureVersion"), AttributeValue: aws.String("2")})
	if err != nil {
		t.Fatalf("SetTopicAttributes: %v", err)
	}
	got, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: first.TopicArn})
	if err != nil {
		t.Fatalf("GetTopicAttributes: %v", err)
	}
	for k, want := range map[string]string{"DisplayName": "Payments", "TopicArn": *first.TopicArn, "Owner": "123456789012", "SubscriptionsConfirmed": "0", "SignatureVersion": "2"} {
		if got.Attributes[k] != want {
			t.Errorf("attribute %s = %q, want %q", k, got.Attributes[k], want)
		}
	}
}

func TestTopicErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	tests := []struct {
		name string
		call func() error
		want string
	}{
		{"bad name", func() error {
			_, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("no spaces")})
			return err
		}, "InvalidParameter"},
		{"FIFO name without FifoTopic", func() error {
			_, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("t.fifo")})
			return err
		}, "InvalidParameter"},
		{"FifoTopic without a FIFO name", func() error {
			_, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("t"), Attributes: map[string]string{"FifoTopic": "true"}})
			return err
		}, "InvalidParameter"},
		{"unknown topic", func() error {
			_, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:nope")})
			return err
		}, "NotFound"},
		{"other account", func() error {
			_, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String("arn:aws:sns:us-east-1:999999999999:t")})
			return err
		}, "AuthorizationError"},
		{"malformed ARN", func() error {
			_, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: aws.String("topic"), Message: aws.String("m")})
			return err
		}, "InvalidParameter"},
		{"unknown attribute", func() error {
			arn := e.createTopic(t, "attrs")
			_, err := e.client.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: &arn, AttributeName: aws.String("Colour"), AttributeValue: aws.String("x")})
			return err
		}, "InvalidParameter"},
	}
	for _, tt := range tests {
		if got := errorCode(t, tt.call()); got != tt.want {
			t.Errorf("%s: code %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestListTopicsPagesAndDeleteTopic(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	want := map[string]bool{}
	for i := range 105 {
		want[e.createTopic(t, fmt.Sprintf("t%03d", i))] = true
	}
	got := map[string]bool{}
	pages := 0
	p := sns.NewListTopicsPaginator(e.client, &sns.ListTopicsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListTopics: %v", err)
		}
		pages++
		for _, tp := range out.Topics {
			got[*tp.TopicArn] = true
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("topics (-want +got):\n%s", diff)
	}
	if pages != 2 {
		t.Errorf("pages = %d, want 2", pages)
	}

	arn := e.createTopic(t, "gone")
	sub := e.subscribe(t, arn, "q", nil)
	if _, err := e.client.DeleteTopic(ctx, &sns.DeleteTopicInput{TopicArn: &arn}); err != nil {
		t.Fatalf("DeleteTopic: %v", err)
	}
	if _, err := e.client.DeleteTopic(ctx, &sns.DeleteTopicInput{TopicArn: &arn}); err != nil {
		t.Errorf("DeleteTopic of a deleted topic: %v, want success", err)
	}
	_, err := e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: &sub})
	if got := errorCode(t, err); got != "NotFound" {
		t.Errorf("subscription of a deleted topic: code %q, want NotFound", got)
	}
	_, err = e.client.Publish(ctx, &sns.PublishInput{TopicArn: &arn, Message: aws.String("m")})
	if got := errorCode(t, err); got != "NotFound" {
		t.Errorf("Publish to a deleted topic: code %q, want NotFound", got)
	}
}

func TestTopicTags(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	out, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("tagged"), Tags: []types.Tag{{Key: aws.String("app"), Value: aws.String("payflow")}}})
	if err != nil {
		t.Fatalf("CreateTopic: %v", err)
	}
	if _, err := e.client.TagResource(ctx, &sns.TagResourceInput{ResourceArn: out.TopicArn, Tags: []types.Tag{
		{Key: aws.String("team"), Value: aws.String("payments")}, {Key: aws.String("env"), Value: aws.String("local")}}}); err != nil {
		t.Fatalf("TagResource: %v", err)
	}
	if _, err := e.client.UntagResource(ctx, &sns.UntagResourceInput{ResourceArn: out.TopicArn, TagKeys: []string{"env", "absent"}}); err != nil {
		t.Fatalf("UntagResource: %v", err)
	}
	tags, err := e.client.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceArn: out.TopicArn})
	if err != nil {
		t.Fatalf("ListTagsForResource: %v", err)
	}
	got := map[string]string{}
	for _, tag := range tags.Tags {
		got[*tag.Key] = *tag.Value
	}
	if diff := cmp.Diff(map[string]string{"app": "payflow", "team": "payments"}, got); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
}

// TestDataProtectionPolicy follows LocalStack's AWS-validated
// test_data_protection_policy_crud: the policy put on a topic is answered
// back as given, and the topic's attributes do not list it.
func TestDataProtectionPolicy(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "protected")
	const policy = `{"Name":"data_protection_policy","Version":"2021-06-01","Statement":[{"Sid":"s","DataDirection":"Inbound","Principal":["*"],"DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],"Operation":{"Deny":{}}}]}`
	if _, err := e.client.PutDataProtectionPolicy(ctx, &sns.PutDataProtectionPolicyInput{ResourceArn: &topic, DataProtectionPolicy: aws.String(policy)}); err != nil {
		t.Fatalf("PutDataProtectionPolicy: %v", err)
	}
	got, err := e.client.GetDataProtectionPolicy(ctx, &sns.GetDataProtectionPolicyInput{ResourceArn: &topic})
	if err != nil || aws.ToString(got.DataProtectionPolicy) != policy {
		t.Errorf("GetDataProtectionPolicy = %q (%v)", aws.ToString(got.DataProtectionPolicy), err)
	}
	attrs, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: &topic})
	if _, listed := attrs.Attributes["DataProtectionPolicy"]; err != nil || listed {
		t.Errorf("topic attributes list DataProtectionPolicy (%v)", err)
	}
	_, err = e.client.PutDataProtectionPolicy(ctx, &sns.PutDataProtectionPolicyInput{ResourceArn: &topic, DataProtectionPolicy: aws.String("deny all")})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("a policy that is not JSON: %q (%v), want InvalidParameter", got, err)
	}
}

// TestCreateTopicAgainWithItsTags follows LocalStack's AWS-validated
// test_create_duplicate_topic_check_idempotency: creating a topic again
// with the same tags, some of them or none answers the same topic; a tag it
// does not have is refused.
func TestCreateTopicAgainWithItsTags(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	a, b := types.Tag{Key: aws.String("a"), Value: aws.String("1")}, types.Tag{Key: aws.String("b"), Value: aws.String("2")}
	first, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("tagged"), Tags: []types.Tag{a, b}})
	if err != nil {
		t.Fatal(err)
	}
	for name, tags := range map[string][]types.Tag{"same tags": {a, b}, "one of them": {a}, "none": nil} {
		again, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("tagged"), Tags: tags})
		if err != nil || aws.ToString(again.TopicArn) != aws.ToString(first.TopicArn) {
			t.Errorf("CreateTopic again with %s = %v (%v), want the same topic", name, again, err)
		}
	}
	_, err = e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("tagged"), Tags: []types.Tag{{Key: aws.String("c"), Value: aws.String("3")}}})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("CreateTopic again with a new tag: %q (%v), want InvalidParameter", got, err)
	}
}
