package snslocal_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/payflow-dev/payflow/localaws/webhooktest"
)

// dlqPolicy is a RedrivePolicy naming the queue called name.
func dlqPolicy(name string) string {
	return `{"deadLetterTargetArn":"` + queueARN(name) + `"}`
}

// TestDeadLetterForQueue subscribes a queue that is gone (the sink refuses
// queues named broken*): the client-side failure sends the notification,
// as the subscriber would have received it, to the subscription's
// dead-letter queue at once, as AWS documents.
func TestDeadLetterForQueue(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "orders")
	e.subscribe(t, topic, "broken-consumer", map[string]string{"RedrivePolicy": dlqPolicy("orders-dlq")})
	id := e.publish(t, topic, "order o-1 paid")
	got := e.sink.to("orders-dlq")
	if len(got) != 1 {
		t.Fatalf("the dead-letter queue received %d messages, want 1", len(got))
	}
	var envelope map[string]string
	if err := json.Unmarshal([]byte(got[0].Body), &envelope); err != nil || envelope["MessageId"] != id || envelope["Message"] != "order o-1 paid" {
		t.Errorf("dead-lettered body = %s (%v), want the notification envelope", got[0].Body, err)
	}
	if n := e.svc.DeliveryFailures(); n != 1 {
		t.Errorf("DeliveryFailures = %d, want 1", n)
	}
}

// TestDeadLetterForWebhook gives up on a webhook that answers 4xx (not
// retried) and dead-letters the message.
func TestDeadLetterForWebhook(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "notifications")
	w := webhooktest.NewReceiver(t, 200, 410)
	e.subscribeWebhook(t, topic, w, map[string]string{"RedrivePolicy": dlqPolicy("hook-dlq"), "RawMessageDelivery": "true"})
	e.publish(t, topic, "order o-2 failed")
	w.Next(t)
	deadline := time.Now().Add(5 * time.Second)
	for len(e.sink.to("hook-dlq")) == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	got := e.sink.to("hook-dlq")
	if len(got) != 1 || got[0].Body != "order o-2 failed" {
		t.Fatalf("the dead-letter queue received %+v, want the raw message once", got)
	}
}

// TestRedrivePolicyRules checks the attribute's validation: a queue ARN,
// and a FIFO queue for a FIFO topic.
func TestRedrivePolicyRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	std := e.createTopic(t, "std")
	fifo := e.createFIFOTopic(t, "f.fifo", map[string]string{"ContentBasedDeduplication": "true"})
	tests := []struct {
		name, topic, queue, policy string
	}{
		{"not JSON", std, "q", "{"},
		{"not a queue ARN", std, "q", `{"deadLetterTargetArn":"arn:aws:sns:us-east-1:123456789012:t"}`},
		{"standard queue for a FIFO topic", fifo, "q.fifo", dlqPolicy("dlq")},
		{"FIFO queue for a standard topic", std, "q", dlqPolicy("dlq.fifo")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(tc.topic), Protocol: aws.String("sqs"),
				Endpoint: aws.String(queueARN(tc.queue)), Attributes: map[string]string{"RedrivePolicy": tc.policy}})
			if got := errorCode(t, err); got != "InvalidParameter" {
				t.Errorf("Subscribe: %q (%v), want InvalidParameter", got, err)
			}
		})
	}
	sub := e.subscribe(t, std, "ok", nil)
	_, err := e.client.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: &sub,
		AttributeName: aws.String("RedrivePolicy"), AttributeValue: aws.String(dlqPolicy("dlq.fifo"))})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("SetSubscriptionAttributes with a FIFO DLQ on a standard topic: %q, want InvalidParameter", got)
	}
}

// TestFIFOTopicDeadLetterQueues: on a FIFO topic, a FIFO queue's
// subscription needs a FIFO dead-letter queue while a standard queue's may
// use a standard one (LocalStack's test_validations_for_fifo, recorded
// from AWS: regular-queue-for-dlq-of-fifo-topic, and the standard queue's
// RedrivePolicy taken).
func TestFIFOTopicDeadLetterQueues(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	fifo := e.createFIFOTopic(t, "f.fifo", nil)
	set := func(sub, dlq string) error {
		_, err := e.client.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: &sub,
			AttributeName: aws.String("RedrivePolicy"), AttributeValue: aws.String(dlqPolicy(dlq))})
		return err
	}
	if err := set(e.subscribe(t, fifo, "standard", nil), "dlq"); err != nil {
		t.Errorf("standard DLQ for a standard queue on a FIFO topic: %v", err)
	}
	err := set(e.subscribe(t, fifo, "ordered.fifo", nil), "dlq")
	want := "Invalid parameter: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic."
	if got := errorMessageOf(t, err); errorCode(t, err) != "InvalidParameter" || got != want {
		t.Errorf("standard DLQ for a FIFO queue: %q\nwant %q", got, want)
	}
}
