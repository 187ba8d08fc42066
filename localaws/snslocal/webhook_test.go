package snslocal_test

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
)

// posted is one request a webhook received.
type posted struct {
	header http.Header
	body   []byte
}

// webhook is a real HTTP receiver on 127.0.0.1 that answers each POST with
// the next status of its script (200 once the script runs out).
type webhook struct {
	srv *httptest.Server
	got chan posted

	mu     sync.Mutex
	script []int
}

func newWebhook(tb testing.TB, script ...int) *webhook {
	tb.Helper()
	w := &webhook{got: make(chan posted, 64), script: script}
	w.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.mu.Lock()
		status := http.StatusOK
		if len(w.script) > 0 {
			status, w.script = w.script[0], w.script[1:]
		}
		w.mu.Unlock()
		w.got <- posted{header: r.Header.Clone(), body: body}
		rw.WriteHeader(status)
	}))
	tb.Cleanup(w.srv.Close)
	return w
}

// next waits (at most 5 s) for the next request.
func (w *webhook) next(tb testing.TB) posted {
	tb.Helper()
	select {
	case p := <-w.got:
		return p
	case <-time.After(5 * time.Second):
		tb.Fatal("the webhook received nothing within 5 s")
	}
	return posted{}
}

// verify checks a JSON message's signature the way a receiver does: fetch
// the certificate at SigningCertURL, rebuild the signed string from the
// fields AWS documents for the message type, and check it with SHA1
// (SignatureVersion 1) or SHA256 (2).
func verify(tb testing.TB, body []byte) map[string]string {
	tb.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		tb.Fatalf("message %s: %v", body, err)
	}
	str := map[string]string{}
	for k, v := range m {
		if s, ok := v.(string); ok {
			str[k] = s
		}
	}
	fields := []string{"Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"}
	if str["Type"] == "SubscriptionConfirmation" || str["Type"] == "UnsubscribeConfirmation" {
		fields = []string{"Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"}
	}
	var canonical strings.Builder
	for _, f := range fields {
		if v, ok := str[f]; ok {
			canonical.WriteString(f + "\n" + v + "\n")
		}
	}
	resp, err := http.Get(str["SigningCertURL"])
	if err != nil {
		tb.Fatalf("GET SigningCertURL: %v", err)
	}
	defer resp.Body.Close()
	pemBytes, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		tb.Fatalf("SigningCertURL served no PEM certificate: %q", pemBytes)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		tb.Fatal(err)
	}
	sig, err := base64.StdEncoding.DecodeString(str["Signature"])
	if err != nil {
		tb.Fatalf("Signature: %v", err)
	}
	var h crypto.Hash
	var digest []byte
	switch str["SignatureVersion"] {
	case "1":
		sum := sha1.Sum([]byte(canonical.String()))
		h, digest = crypto.SHA1, sum[:]
	case "2":
		sum := sha256.Sum256([]byte(canonical.String()))
		h, digest = crypto.SHA256, sum[:]
	default:
		tb.Fatalf("SignatureVersion %q", str["SignatureVersion"])
	}
	if err := rsa.VerifyPKCS1v15(cert.PublicKey.(*rsa.PublicKey), h, digest, sig); err != nil {
		tb.Fatalf("signature of %s does not verify with the served certificate: %v", str["Type"], err)
	}
	return str
}

// subscribeWebhook subscribes w and confirms it through its SubscribeURL,
// as a receiver does.
func (e *env) subscribeWebhook(tb testing.TB, topic string, w *webhook, attrs map[string]string) string {
	tb.Helper()
	ctx := context.Background()
	out, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("http"), Endpoint: aws.String(w.srv.URL + "/hook"), Attributes: attrs})
	if err != nil {
		tb.Fatalf("Subscribe: %v", err)
	}
	if got := aws.ToString(out.SubscriptionArn); got != "pending confirmation" {
		tb.Errorf("Subscribe answered %q, want \"pending confirmation\"", got)
	}
	p := w.next(tb)
	if got := p.header.Get("x-amz-sns-message-type"); got != "SubscriptionConfirmation" {
		tb.Fatalf("first request is a %q, want a SubscriptionConfirmation", got)
	}
	msg := verify(tb, p.body)
	if msg["TopicArn"] != topic || len(msg["Token"]) != 288 {
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
	resp, err := http.Get(msg["SubscribeURL"])
	if err != nil {
		tb.Fatalf("GET SubscribeURL: %v", err)
	}
	defer resp.Body.Close()
	var confirmed struct {
		Arn string `xml:"ConfirmSubscriptionResult>SubscriptionArn"`
	}
	if err := xml.NewDecoder(resp.Body).Decode(&confirmed); err != nil || resp.StatusCode != http.StatusOK || !strings.HasPrefix(confirmed.Arn, topic+":") {
		tb.Fatalf("SubscribeURL answered %d %+v (%v)", resp.StatusCode, confirmed, err)
	}
	return confirmed.Arn
}

func TestWebhookDeliveryIsSignedAndConfirmed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "notifications")
	w := newWebhook(t)
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
	p := w.next(t)
	msg := verify(t, p.body)
	if msg["Type"] != "Notification" || msg["Message"] != `{"orderId":"o-1","status":"PAID"}` || msg["Subject"] != "PAID" {
		t.Errorf("notification = %v", msg)
	}
	for k, want := range map[string]string{
		"x-amz-sns-message-type": "Notification", "x-amz-sns-topic-arn": topic, "x-amz-sns-subscription-arn": sub,
		"x-amz-sns-message-id": msg["MessageId"], "Content-Type": "text/plain; charset=UTF-8",
	} {
		if got := p.header.Get(k); got != want {
			t.Errorf("header %s = %q, want %q", k, got, want)
		}
	}

	if _, err := e.client.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: &topic, AttributeName: aws.String("SignatureVersion"), AttributeValue: aws.String("2")}); err != nil {
		t.Fatal(err)
	}
	e.publish(t, topic, "signed with SHA256")
	if msg := verify(t, w.next(t).body); msg["SignatureVersion"] != "2" || msg["Message"] != "signed with SHA256" {
		t.Errorf("SignatureVersion 2 notification = %v", msg)
	}

	if _, err := e.client.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: &sub, AttributeName: aws.String("RawMessageDelivery"), AttributeValue: aws.String("true")}); err != nil {
		t.Fatal(err)
	}
	e.publish(t, topic, "just the message")
	if p := w.next(t); string(p.body) != "just the message" || p.header.Get("x-amz-sns-rawdelivery") != "true" {
		t.Errorf("raw delivery = %q with headers %v", p.body, p.header)
	}
	select {
	case p := <-w.got:
		t.Errorf("an unexpected request: %s", p.body)
	default:
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
			w := newWebhook(t, append([]int{200}, tc.script...)...)
			var attrs map[string]string
			if tc.policy != "" {
				attrs = map[string]string{"DeliveryPolicy": tc.policy}
			}
			e.subscribeWebhook(t, topic, w, attrs)
			id := e.publish(t, topic, "retry me")
			for i := 1; i <= tc.attempts; i++ {
				if got := verify(t, w.next(t).body)["MessageId"]; got != id {
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
			select {
			case p := <-w.got:
				t.Errorf("attempt %d after the policy ended: %s", tc.attempts+1, p.body)
			case <-time.After(50 * time.Millisecond):
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
