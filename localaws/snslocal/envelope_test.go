package snslocal_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/snslocal"
)

// keyOrder returns the top-level keys of a JSON object in document order.
func keyOrder(tb testing.TB, doc string) []string {
	tb.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
	if _, err := dec.Token(); err != nil {
		tb.Fatalf("envelope is not JSON: %v", err)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			tb.Fatalf("envelope token: %v", err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			tb.Fatalf("envelope value: %v", err)
		}
	}
	return keys
}

type envelopeDoc struct {
	Type, MessageId, TopicArn, Subject, Message, Timestamp      string
	SignatureVersion, Signature, SigningCertURL, UnsubscribeURL string
	MessageAttributes                                           map[string]struct{ Type, Value string }
}

// verifySignature checks an envelope's signature against the certificate
// served at its SigningCertURL, building the string to sign independently.
func verifySignature(tb testing.TB, env envelopeDoc) {
	tb.Helper()
	resp, err := http.Get(env.SigningCertURL)
	if err != nil {
		tb.Fatalf("GET SigningCertURL: %v", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("read certificate: %v", err)
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		tb.Fatalf("SigningCertURL did not serve PEM: %q", raw)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		tb.Fatalf("parse certificate: %v", err)
	}
	canon := "Message\n" + env.Message + "\nMessageId\n" + env.MessageId + "\n"
	if env.Subject != "" {
		canon += "Subject\n" + env.Subject + "\n"
	}
	canon += "Timestamp\n" + env.Timestamp + "\nTopicArn\n" + env.TopicArn + "\nType\n" + env.Type + "\n"
	sig, err := base64.StdEncoding.DecodeString(env.Signature)
	if err != nil {
		tb.Fatalf("Signature is not base64: %v", err)
	}
	var h crypto.Hash
	var digest []byte
	if env.SignatureVersion == "2" {
		sum := sha256.Sum256([]byte(canon))
		h, digest = crypto.SHA256, sum[:]
	} else {
		sum := sha1.Sum([]byte(canon))
		h, digest = crypto.SHA1, sum[:]
	}
	if err := rsa.VerifyPKCS1v15(cert.PublicKey.(*rsa.PublicKey), h, digest, sig); err != nil {
		tb.Errorf("signature does not verify: %v", err)
	}
}

func TestPublishDeliversSignedEnvelope(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "payments")
	sub := e.subscribe(t, topic, "notifications", nil)
	out, err := e.client.Publish(ctx, &sns.PublishInput{
		TopicArn: &topic,
		Subject:  aws.String("Order o-1 paid"),
		Message:  aws.String(`{"orderId":"o-1","status":"PAID","note":"<&>"}`),
		MessageAttributes: map[string]types.MessageAttributeValue{
			"status": {DataType: aws.String("String"), StringValue: aws.String("PAID")},
			"amount": {DataType: aws.String("Number"), StringValue: aws.String("1999")},
			"blob":   {DataType: aws.String("Binary"), BinaryValue: []byte{1, 2, 3}},
			"tags":   {DataType: aws.String("String.Array"), StringValue: aws.String(`["a","b"]`)},
		},
	})
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	got := e.sink.to("notifications")
	if len(got) != 1 {
		t.Fatalf("deliveries = %d, want 1", len(got))
	}
	if got[0].Attrs != nil {
		t.Errorf("envelope delivery carried SQS attributes %v, want none", got[0].Attrs)
	}
	wantOrder := []string{"Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion",
		"Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes"}
	if diff := cmp.Diff(wantOrder, keyOrder(t, got[0].Body)); diff != "" {
		t.Errorf("envelope fields (-want +got):\n%s", diff)
	}
	var env envelopeDoc
	if err := json.Unmarshal([]byte(got[0].Body), &env); err != nil {
		t.Fatalf("envelope: %v", err)
	}
	want := envelopeDoc{
		Type: "Notification", MessageId: *out.MessageId, TopicArn: topic, Subject: "Order o-1 paid",
		Message: `{"orderId":"o-1","status":"PAID","note":"<&>"}`, Timestamp: "2026-03-01T12:00:00.123Z",
		SignatureVersion: "1", Signature: env.Signature, SigningCertURL: e.url + snslocal.CertPath,
		// The ARN's colons stay plain in the URL, as AWS writes them
		// (LocalStack's AWS-validated SNS snapshots, e.g.
		// TestSNSPublishCrud::test_publish_by_path_parameters).
		UnsubscribeURL: e.url + "/?Action=Unsubscribe&SubscriptionArn=" + sub,
		MessageAttributes: map[string]struct{ Type, Value string }{
			"status": {"String", "PAID"}, "amount": {"Number", "1999"}, "blob": {"Binary", "AQID"}, "tags": {"String.Array", `["a","b"]`},
		},
	}
	if diff := cmp.Diff(want, env); diff != "" {
		t.Errorf("envelope (-want +got):\n%s", diff)
	}
	verifySignature(t, env)

	// The UnsubscribeURL works as in AWS: a plain GET removes the subscription.
	resp, err := http.Get(env.UnsubscribeURL)
	if err != nil {
		t.Fatalf("GET UnsubscribeURL: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET UnsubscribeURL: status %d", resp.StatusCode)
	}
	_, err = e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: &sub})
	if code := errorCode(t, err); code != "NotFound" {
		t.Errorf("subscription after UnsubscribeURL: code %q, want NotFound", code)
	}
}

func TestPublishEnvelopeVariants(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	v2, err := e.client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("v2"), Attributes: map[string]string{"SignatureVersion": "2"}})
	if err != nil {
		t.Fatalf("CreateTopic: %v", err)
	}
	e.subscribe(t, *v2.TopicArn, "v2q", nil)
	if _, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: v2.TopicArn, Message: aws.String("plain")}); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	got := e.sink.to("v2q")
	if len(got) != 1 {
		t.Fatalf("deliveries = %d, want 1", len(got))
	}
	keys := keyOrder(t, got[0].Body)
	for _, k := range keys {
		if k == "Subject" || k == "MessageAttributes" {
			t.Errorf("envelope has %s although the message had none", k)
		}
	}
	var env envelopeDoc
	if err := json.Unmarshal([]byte(got[0].Body), &env); err != nil {
		t.Fatalf("envelope: %v", err)
	}
	if env.SignatureVersion != "2" {
		t.Errorf("SignatureVersion = %q, want 2", env.SignatureVersion)
	}
	verifySignature(t, env)
}
