package snslocal_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/google/go-cmp/cmp"
)

// TestTopicDeliveryPolicyAsAWSListsIt replays LocalStack's
// test_topic_delivery_policy_crud and compares GetTopicAttributes'
// DeliveryPolicy and EffectiveDeliveryPolicy with what AWS answered at each
// step (tests/aws/services/sns/test_sns.snapshot.json): null members
// dropped, disableSubscriptionOverrides stated, and the topic's members laid
// over the default http policy.
func TestTopicDeliveryPolicyAsAWSListsIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	const (
		retry3  = `{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"}`
		retry1  = `{"minDelayTarget":5,"maxDelayTarget":6,"numRetries":1,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"}`
		textCT  = `{"headerContentType":"text/plain; charset=UTF-8"}`
		jsonCT  = `{"headerContentType":"application/json"}`
		created = `{"http":{"defaultRequestPolicy":` + jsonCT + `}}`
	)
	out, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("topictest.fifo"), Attributes: map[string]string{
		"DisplayName": "TestTopic", "SignatureVersion": "2", "FifoTopic": "true", "DeliveryPolicy": created}})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, set, policy, effective string
	}{
		{"get-topic-attrs", "",
			`{"http":{"disableSubscriptionOverrides":false,"defaultRequestPolicy":` + jsonCT + `}}`,
			`{"http":{"defaultHealthyRetryPolicy":` + retry3 + `,"disableSubscriptionOverrides":false,"defaultRequestPolicy":` + jsonCT + `}}`},
		{"get-topic-attrs-after-update", `{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":5,"maxDelayTarget":6,"numRetries":1}}}`,
			`{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":5,"maxDelayTarget":6,"numRetries":1},"disableSubscriptionOverrides":false}}`,
			`{"http":{"defaultHealthyRetryPolicy":` + retry1 + `,"disableSubscriptionOverrides":false,"defaultRequestPolicy":` + textCT + `}}`},
		{"get-topic-attrs-after-none", `{"http":{"defaultHealthyRetryPolicy":null}}`,
			`{"http":{"disableSubscriptionOverrides":false}}`,
			`{"http":{"defaultHealthyRetryPolicy":` + retry3 + `,"disableSubscriptionOverrides":false,"defaultRequestPolicy":` + textCT + `}}`},
	}
	for _, st := range steps {
		if st.set != "" {
			if _, err := e.client.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: out.TopicArn,
				AttributeName: aws.String("DeliveryPolicy"), AttributeValue: aws.String(st.set)}); err != nil {
				t.Fatalf("%s: SetTopicAttributes: %v", st.name, err)
			}
		}
		attrs, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: out.TopicArn})
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]string{"DeliveryPolicy": st.policy, "EffectiveDeliveryPolicy": st.effective} {
			if diff := cmp.Diff(decodeJSON(t, want), decodeJSON(t, attrs.Attributes[name])); diff != "" {
				t.Errorf("%s: %s differs from AWS's (-aws +local):\n%s", st.name, name, diff)
			}
		}
	}
	// get-topic-attrs-after-delete: a DeliveryPolicy set to "" is gone.
	if _, err := e.client.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: out.TopicArn,
		AttributeName: aws.String("DeliveryPolicy"), AttributeValue: aws.String("")}); err != nil {
		t.Fatal(err)
	}
	attrs, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: out.TopicArn})
	if v, listed := attrs.Attributes["DeliveryPolicy"]; err != nil || listed {
		t.Errorf("after deleting the policy DeliveryPolicy is listed as %q (%v)", v, err)
	}
}

func decodeJSON(tb testing.TB, text string) any {
	tb.Helper()
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		tb.Fatalf("not JSON: %q: %v", text, err)
	}
	return v
}
