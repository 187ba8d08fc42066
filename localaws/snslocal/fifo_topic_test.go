package snslocal_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func (e *env) createFIFOTopic(tb testing.TB, name string, attrs map[string]string) string {
	tb.Helper()
	all := map[string]string{"FifoTopic": "true"}
	for k, v := range attrs {
		all[k] = v
	}
	out, err := e.client.CreateTopic(context.Background(), &sns.CreateTopicInput{Name: aws.String(name), Attributes: all})
	if err != nil {
		tb.Fatalf("CreateTopic %s: %v", name, err)
	}
	return aws.ToString(out.TopicArn)
}

// TestFIFOTopicRules checks the errors AWS answers on FIFO topics, with
// the wordings LocalStack recorded from AWS.
func TestFIFOTopicRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	fifo := e.createFIFOTopic(t, "orders.fifo", nil)
	std := e.createTopic(t, "orders")
	attrs, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: &fifo})
	if err != nil || attrs.Attributes["FifoTopic"] != "true" || attrs.Attributes["ContentBasedDeduplication"] != "false" {
		t.Errorf("FIFO topic attributes = %v (%v)", attrs.Attributes, err)
	}
	tests := []struct {
		name, message string
		call          func() error
	}{
		{"no group", "Invalid parameter: The MessageGroupId parameter is required for FIFO topics", func() error {
			_, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &fifo, Message: aws.String("m"), MessageDeduplicationId: aws.String("d")})
			return err
		}},
		{"no deduplication", "Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly", func() error {
			_, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &fifo, Message: aws.String("m"), MessageGroupId: aws.String("g")})
			return err
		}},
		{"FIFO queue on a standard topic", "Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics", func() error {
			_, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &std, Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN("q.fifo"))})
			return err
		}},
		{"batch without a group", "Invalid parameter: The MessageGroupId parameter is required for FIFO topics", func() error {
			_, err := e.client.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: &fifo, PublishBatchRequestEntries: []types.PublishBatchRequestEntry{
				{Id: aws.String("a"), Message: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d")},
				{Id: aws.String("b"), Message: aws.String("m"), MessageDeduplicationId: aws.String("d")},
			}})
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var apiErr smithy.APIError
			if err := tc.call(); !errorsAs(err, &apiErr) || apiErr.ErrorCode() != "InvalidParameter" || apiErr.ErrorMessage() != tc.message {
				t.Errorf("error = %v, want InvalidParameter %q", err, tc.message)
			}
		})
	}
}

// TestFIFOTopicDeliversInOrderOnce checks deduplication, sequence numbers
// and per-group order on the way to a FIFO queue.
func TestFIFOTopicDeliversInOrderOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createFIFOTopic(t, "events.fifo", map[string]string{"ContentBasedDeduplication": "true"})
	e.subscribe(t, topic, "events.fifo", map[string]string{"RawMessageDelivery": "true"})
	first, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String("a-0"), MessageGroupId: aws.String("a")})
	if err != nil {
		t.Fatal(err)
	}
	again, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String("a-0"), MessageGroupId: aws.String("a")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(again.MessageId) != aws.ToString(first.MessageId) || aws.ToString(again.SequenceNumber) != aws.ToString(first.SequenceNumber) || first.SequenceNumber == nil {
		t.Errorf("a duplicate answered %v/%v, want the first message's %v/%v", aws.ToString(again.MessageId), aws.ToString(again.SequenceNumber),
			aws.ToString(first.MessageId), aws.ToString(first.SequenceNumber))
	}
	// Concurrent publishers, each keeping its own group's order.
	var wg sync.WaitGroup
	for _, g := range []string{"a", "b", "c"} {
		wg.Go(func() {
			for i := 1; i <= 20; i++ {
				if _, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String(fmt.Sprintf("%s-%d", g, i)), MessageGroupId: &g}); err != nil {
					t.Errorf("Publish: %v", err)
				}
			}
		})
	}
	wg.Wait()
	got := map[string][]string{}
	for _, d := range e.sink.to("events.fifo") {
		got[d.Group] = append(got[d.Group], d.Body)
		if d.Dedup == "" {
			t.Errorf("delivery %q carried no deduplication ID", d.Body)
		}
	}
	want := map[string][]string{}
	for _, g := range []string{"a", "b", "c"} {
		if g == "a" {
			want[g] = append(want[g], "a-0")
		}
		for i := 1; i <= 20; i++ {
			want[g] = append(want[g], fmt.Sprintf("%s-%d", g, i))
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("deliveries per group (-want +got):\n%s", diff)
	}
}

// TestFIFOTopicToStandardQueue checks that a FIFO topic also feeds a
// standard queue, as AWS allows since 2023 (moto's AWS-verified
// test_publish_from_sns_fifo_to_standard_sqs): the message arrives without
// a group or deduplication id, which a standard queue does not take.
func TestFIFOTopicToStandardQueue(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createFIFOTopic(t, "events.fifo", map[string]string{"ContentBasedDeduplication": "true"})
	e.subscribe(t, topic, "plain", map[string]string{"RawMessageDelivery": "true"})
	if _, err := e.client.Publish(context.Background(), &sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), MessageGroupId: aws.String("g")}); err != nil {
		t.Fatal(err)
	}
	want := []delivery{{Queue: queueARN("plain"), Body: "m"}}
	if diff := cmp.Diff(want, e.sink.to("plain"), cmpopts.IgnoreFields(delivery{}, "Attrs")); diff != "" {
		t.Errorf("deliveries to the standard queue (-want +got):\n%s", diff)
	}
}

// TestFIFOTopicEnvelope checks that a FIFO notification carries its
// SequenceNumber and no signature.
func TestFIFOTopicEnvelope(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createFIFOTopic(t, "events.fifo", nil)
	e.subscribe(t, topic, "events.fifo", nil)
	out, err := e.client.Publish(context.Background(), &sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d-1")})
	if err != nil {
		t.Fatal(err)
	}
	ds := e.sink.to("events.fifo")
	if len(ds) != 1 || ds[0].Group != "g" || ds[0].Dedup != "d-1" {
		t.Fatalf("deliveries = %+v", ds)
	}
	var env map[string]any
	if err := json.Unmarshal([]byte(ds[0].Body), &env); err != nil || env["SequenceNumber"] != aws.ToString(out.SequenceNumber) || env["MessageId"] != aws.ToString(out.MessageId) {
		t.Errorf("envelope %s (%v), want SequenceNumber %s", ds[0].Body, err, aws.ToString(out.SequenceNumber))
	}
	// AWS does not sign a FIFO topic's notifications (LocalStack's
	// AWS-validated TestSNSSubscriptionSQSFifo::test_message_to_fifo_sqs).
	for _, field := range []string{"Signature", "SignatureVersion", "SigningCertURL"} {
		if v, ok := env[field]; ok {
			t.Errorf("a FIFO topic's envelope carries %s %v", field, v)
		}
	}
}

// TestFIFOThroughputScope: FifoThroughputScope MessageGroup deduplicates
// within each message group, Topic (the default) across the topic
// (CreateTopic's attribute reference).
func TestFIFOThroughputScope(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		scope string
		want  int // deliveries of one deduplication ID published in two groups
	}{{"Topic", 1}, {"MessageGroup", 2}} {
		t.Run(tc.scope, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t)
			topic := e.createFIFOTopic(t, "scoped.fifo", map[string]string{"FifoThroughputScope": tc.scope})
			e.subscribe(t, topic, "q.fifo", nil)
			for _, group := range []string{"a", "b"} {
				if _, err := e.client.Publish(context.Background(), &sns.PublishInput{TopicArn: &topic, Message: aws.String("m"),
					MessageGroupId: aws.String(group), MessageDeduplicationId: aws.String("same")}); err != nil {
					t.Fatalf("Publish to group %s: %v", group, err)
				}
			}
			if got := len(e.sink.to("q.fifo")); got != tc.want {
				t.Errorf("%d deliveries, want %d", got, tc.want)
			}
		})
	}
}
