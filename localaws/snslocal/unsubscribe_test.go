package snslocal_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/payflow-dev/payflow/localaws/webhooktest"
)

// TestUnsubscribeConfirmation removes a confirmed webhook subscription: the
// endpoint gets a signed UnsubscribeConfirmation and nothing more, until it
// opens the SubscribeURL, which restores the subscription, as on AWS.
func TestUnsubscribeConfirmation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "notifications")
	w := webhooktest.NewReceiver(t)
	sub := e.subscribeWebhook(t, topic, w, nil)
	if _, err := e.client.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: &sub}); err != nil {
		t.Fatal(err)
	}
	p := w.Next(t)
	msg := webhooktest.Verify(t, p.Body)
	if msg["Type"] != "UnsubscribeConfirmation" || p.Header.Get("x-amz-sns-message-type") != "UnsubscribeConfirmation" ||
		!strings.Contains(msg["Message"], sub) || msg["Token"] == "" {
		t.Fatalf("after Unsubscribe the endpoint got %v", msg)
	}
	e.publish(t, topic, "after unsubscribe")
	if got, ok := w.Received(50 * time.Millisecond); ok {
		t.Fatalf("an unsubscribed endpoint received %s", got.Body)
	}
	resp, err := http.Get(msg["SubscribeURL"])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("SubscribeURL of the UnsubscribeConfirmation answered %d", resp.StatusCode)
	}
	id := e.publish(t, topic, "restored")
	if got := webhooktest.Verify(t, w.Next(t).Body); got["MessageId"] != id || got["Type"] != "Notification" {
		t.Errorf("after the restore the endpoint got %v, want the notification %s", got, id)
	}
	attrs, err := e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
	if err != nil || attrs.Attributes["PendingConfirmation"] != "false" {
		t.Errorf("restored subscription = %v, %v", attrs, err)
	}
}
