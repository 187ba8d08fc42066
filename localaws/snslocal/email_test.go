package snslocal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// TestEmailSubscriptions subscribes an address: it gets a confirmation
// mail and nothing else until its link is opened, then every notification
// (the message for email, the signed envelope for email-json). Nothing is
// mailed; SentEmail lists what would have been.
func TestEmailSubscriptions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "alerts")
	for _, proto := range []string{"email", "email-json"} {
		out, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String(proto), Endpoint: aws.String(proto + "@example.com")})
		if err != nil || aws.ToString(out.SubscriptionArn) != "pending confirmation" {
			t.Fatalf("Subscribe %s = %v, %v; want pending confirmation", proto, out, err)
		}
	}
	e.publish(t, topic, "while pending")
	mails := e.svc.SentEmail()
	if len(mails) != 2 {
		t.Fatalf("SentEmail = %+v, want the two confirmation mails only", mails)
	}
	link := regexp.MustCompile(`http://\S+Action=ConfirmSubscription\S+`)
	for _, m := range mails {
		url := link.FindString(m.Body)
		if m.Subject != "AWS Notification - Subscription Confirmation" || url == "" {
			t.Fatalf("confirmation mail %+v carries no confirmation link", m)
		}
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("confirmation link answered %d", resp.StatusCode)
		}
	}
	if _, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String("disk full"), Subject: aws.String("Alarm")}); err != nil {
		t.Fatal(err)
	}
	mails = e.svc.SentEmail()[2:]
	if len(mails) != 2 {
		t.Fatalf("after confirming, SentEmail added %+v, want one mail per address", mails)
	}
	byTo := map[string]snsMail{}
	for _, m := range mails {
		byTo[m.To] = snsMail{m.Subject, m.Body}
	}
	if got := byTo["email@example.com"]; got != (snsMail{"Alarm", "disk full"}) {
		t.Errorf("email notification = %+v, want the subject and the message", got)
	}
	var env map[string]string
	if err := json.Unmarshal([]byte(byTo["email-json@example.com"].body), &env); err != nil || env["Message"] != "disk full" || env["Type"] != "Notification" {
		t.Errorf("email-json notification = %q (%v), want the notification envelope", byTo["email-json@example.com"].body, err)
	}
	_, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("email"), Endpoint: aws.String("not an address")})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("Subscribe a malformed address: %q, want InvalidParameter", got)
	}
}

type snsMail struct{ subject, body string }
