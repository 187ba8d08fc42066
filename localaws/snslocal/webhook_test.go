package snslocal_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/payflow-dev/payflow/localaws/webhooktest"
)

// subscribeWebhook subscribes w and confirms it through its SubscribeURL,
// as a receiver does.
func (e *env) subscribeWebhook(tb testing.TB, topic string, w *webhooktest.Receiver, attrs map[string]string) string {
	tb.Helper()
	ctx := context.Background()
	out, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("http"), Endpoint: aws.String(w.URL + "/hook"), Attributes: attrs})
	if err != nil {
		tb.Fatalf("Subscribe: %v", err)
	}
	if got := aws.ToString(out.SubscriptionArn); got != "pending confirmation" {
		tb.Errorf("Subscribe answered %q, want \"pending confirmation\"", got)
	}
	p := w.Next(tb)
	if got := p.Header.Get("x-amz-sns-message-type"); got != "SubscriptionConfirmation" {
		tb.Fatalf("first request is a %q, want a SubscriptionConfirmation", got)
	}
	msg := webhooktest.Verify(tb, p.Body)
	if msg["TopicArn"] != topic || len(msg["Token"]) != 288 || !strings.Contains(msg["SubscribeURL"], "&TopicArn="+topic+"&") {
		tb.Errorf("confirmation = %v", msg)
	}
	e.publish(tb, topic, "while pending") // not delivered: the endpoint has not confirmed
	topicAttrs, err := e.client.GetTopicAttributes(context.Background(), &sns.GetTopicAttributesInput{TopicArn: &topic})
	if err != nil || topicAttrs.Attributes["SubscriptionsPending"] != "1" {
		tb.Errorf("SubscriptionsPending = %v (%v), want 1", topicAttrs, err)
	}
	listed, err := e.client.ListSubscriptionsByTopic(context.Background(), &sns.ListSubscriptionsByTopicInput{TopicArn: &topic})
	if err != nil || len(listed.Subscriptions) != 1 || aws.ToString(listed.Subscriptions[0].SubscriptionArn) != "PendingConfirmation" {
		tb.Errorf("ListSubscriptionsByTopic while pending = %+v (%v), want one PendingConfirmation", listed, err)
	}
	arn, err := webhooktest.Confirm(msg["SubscribeURL"])
	if err != nil || !strings.HasPrefix(arn, topic+":") {
		tb.Fatalf("SubscribeURL confirmed %q (%v), want a subscription of %s", arn, err, topic)
	}
	return arn
}

func TestWebhookDeliveryIsSignedAndConfirmed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "notifications")
	w := webhooktest.NewReceiver(t)
	sub := e.subscribeWebhook(t, topic, w, nil)
	attrs, err := e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: &sub})
	if err != nil || attrs.Attributes["PendingConfirmation"] != "false" || attrs.Attributes["Protocol"] != "http" {
		t.Errorf("subscription after confirming = %v (%v)", attrs.Attributes, err)
	}
	_, err = e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String(`{"orderId":"o-1","status":"PAID"}`),
		Subject: aws.String("PAID"), MessageAttributes: map[string]types.MessageAttributeValue{"status": strAttr("PAID")}})
	if err != nil {
		t.Fatal(err)
	}
	p := w.Next(t)
	msg := webhooktest.Verify(t, p.Body)
	if msg["Type"] != "Notification" || msg["Message"] != `{"orderId":"o-1","status":"PAID"}` || msg["Subject"] != "PAID" {
		t.Errorf("notification = %v", msg)
	}
	for k, want := range map[string]string{
		"x-amz-sns-message-type": "Notification", "x-amz-sns-topic-arn": topic, "x-amz-sns-subscription-arn": sub,
		"x-amz-sns-message-id": msg["MessageId"], "Content-Type": "text/plain; charset=UTF-8",
	} {
		if got := p.Header.Get(k); got != want {
			t.Errorf("header %s = %q, want %q", k, got, want)
		}
	}

	if _, err := e.client.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: &topic, AttributeName: aws.String("SignatureVersion"), AttributeValue: aws.String("2")}); err != nil {
		t.Fatal(err)
	}
	e.publish(t, topic, "signed with SHA256")
	if msg := webhooktest.Verify(t, w.Next(t).Body); msg["SignatureVersion"] != "2" || msg["Message"] != "signed with SHA256" {
		t.Errorf("SignatureVersion 2 notification = %v", msg)
	}

	if _, err := e.client.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: &sub, AttributeName: aws.String("RawMessageDelivery"), AttributeValue: aws.String("true")}); err != nil {
		t.Fatal(err)
	}
	e.publish(t, topic, "just the message")
	if p := w.Next(t); string(p.Body) != "just the message" || p.Header.Get("x-amz-sns-rawdelivery") != "true" {
		t.Errorf("raw delivery = %q with headers %v", p.Body, p.Header)
	}
	if p, ok := w.Received(0); ok {
		t.Errorf("an unexpected request: %s", p.Body)
	}
}

func (e *env) publish(tb testing.TB, topic, message string) string {
	tb.Helper()
	out, err := e.client.Publish(context.Background(), &sns.PublishInput{TopicArn: &topic, Message: &message})
	if err != nil {
		tb.Fatalf("Publish: %v", err)
	}
	return aws.ToString(out.MessageId)
}

// TestWebhookRetries checks the delivery policy on the injected clock:
// 5xx answers are retried (AWS's default: three retries, 20 s apart), a 4xx
// answer is not, and a delivery that runs out of retries is counted failed.
func TestWebhookRetries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		script   []int // after the confirmation's 200
		policy   string
		attempts int
		failed   int64
	}{
		{name: "5xx then success", script: []int{500, 503}, attempts: 3},
		{name: "4xx is not retried", script: []int{404}, attempts: 1, failed: 1},
		{name: "retries run out", script: []int{500, 500, 500}, attempts: 3, failed: 1,
			policy: `{"healthyRetryPolicy":{"numRetries":2,"minDelayTarget":20,"maxDelayTarget":20}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t)
			topic := e.createTopic(t, "notifications")
			w := webhooktest.NewReceiver(t, append([]int{200}, tc.script...)...)
			var attrs map[string]string
			if tc.policy != "" {
				attrs = map[string]string{"DeliveryPolicy": tc.policy}
			}
			e.subscribeWebhook(t, topic, w, attrs)
			id := e.publish(t, topic, "retry me")
			for i := 1; i <= tc.attempts; i++ {
				if got := webhooktest.Verify(t, w.Next(t).Body)["MessageId"]; got != id {
					t.Fatalf("attempt %d carried %s, want %s", i, got, id)
				}
				if i < tc.attempts {
					waitTimers(t, e, 1)
					e.clock.Advance(20 * time.Second)
				}
			}
			deadline := time.Now().Add(5 * time.Second)
			for e.svc.DeliveryFailures() != tc.failed && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			if got := e.svc.DeliveryFailures(); got != tc.failed {
				t.Errorf("DeliveryFailures = %d, want %d", got, tc.failed)
			}
			e.clock.Advance(time.Hour)
			if p, ok := w.Received(50 * time.Millisecond); ok {
				t.Errorf("attempt %d after the policy ended: %s", tc.attempts+1, p.Body)
			}
		})
	}
}

// waitTimers blocks until n fake timers are pending, failing after 5 s.
func waitTimers(tb testing.TB, e *env, n int) {
	tb.Helper()
	done := make(chan struct{})
	t := time.AfterFunc(5*time.Second, func() { close(done) })
	defer t.Stop()
	if !e.clock.WaitForTimers(n, done) {
		tb.Fatalf("timed out waiting for %d pending timers", n)
	}
}
