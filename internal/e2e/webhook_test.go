package e2e_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/webhooktest"
)

// TestStorefrontWebhookLearnsOutcomes is how a storefront's webhook learns
// an order's outcome without polling, as the README and the make run banner
// show: it subscribes to the notification topic, confirms through the
// SubscribeURL it is sent, and then receives one signed notification per
// order (PAID or DECLINED, with amount, brand and last 4), and nothing it is
// sent carries the card.
func TestStorefrontWebhookLearnsOutcomes(t *testing.T) {
	t.Parallel()
	h := start(t, options{})
	topic := h.local.Stack.Outputs["NotificationTopicArn"].Value
	if topic == "" {
		t.Fatalf("no NotificationTopicArn output: %v", h.local.Stack.Outputs)
	}
	hook := webhooktest.NewReceiver(t)
	ctx := context.Background()
	if _, err := sns.NewFromConfig(h.local.AWS).Subscribe(ctx, &sns.SubscribeInput{
		TopicArn: aws.String(topic), Protocol: aws.String("http"), Endpoint: aws.String(hook.URL + "/payflow"),
	}); err != nil {
		t.Fatalf("Subscribe: %v", err)
	}
	confirmation := webhooktest.Verify(t, hook.Next(t).Body)
	if confirmation["Type"] != "SubscriptionConfirmation" || confirmation["TopicArn"] != topic {
		t.Fatalf("first message = %v, want the topic's SubscriptionConfirmation", confirmation)
	}
	if arn, err := webhooktest.Confirm(confirmation["SubscribeURL"]); err != nil || !strings.HasPrefix(arn, topic+":") {
		t.Fatalf("confirm = %q (%v)", arn, err)
	}

	want := map[string]string{"hook-paid": orders.PaymentPaid, "hook-declined": orders.PaymentDeclined}
	cards := map[string]string{"hook-paid": cardApproved, "hook-declined": cardDeclined}
	for id, card := range cards {
		if code, placed := h.place(newOrder(id, card)); code != 202 || placed.ExecutionArn == "" {
			t.Fatalf("POST /orders %s = %d %+v, want 202", id, code, placed)
		}
	}
	got := map[string][]orders.Notification{}
	for range want {
		req := hook.Next(t)
		h.record(string(req.Body))
		msg := webhooktest.Verify(t, req.Body)
		if msg["Type"] != "Notification" || req.Header.Get("x-amz-sns-message-type") != "Notification" {
			t.Fatalf("webhook got a %q (header %q), want a Notification", msg["Type"], req.Header.Get("x-amz-sns-message-type"))
		}
		n := parseNotification(h, string(req.Body))
		got[n.OrderID] = append(got[n.OrderID], n)
	}
	for id, status := range want {
		n := got[id]
		if len(n) != 1 || n[0].Status != status || n[0].Amount != "100.25" || n[0].Last4 != cards[id][len(cards[id])-4:] {
			t.Errorf("webhook notifications for %s = %+v, want one %s of 100.25 ending %s", id, n, status, cards[id][len(cards[id])-4:])
		}
	}
	if extra, ok := hook.Received(0); ok {
		t.Errorf("the webhook was sent more than one notification per order: %s", extra.Body)
	}
	h.checkNoCardData(cardApproved, cardDeclined)
}
