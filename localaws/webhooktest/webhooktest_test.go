package webhooktest_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
	"github.com/payflow-dev/payflow/localaws/webhooktest"
)

// TestCheckAcceptsOnlyWhatTheEndpointSigned subscribes a receiver to a
// topic of a real endpoint and checks that the confirmation it receives
// verifies, that Confirm accepts the subscription, and that the check
// refuses the same message with any signed field or the signature changed.
func TestCheckAcceptsOnlyWhatTheEndpointSigned(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	t.Cleanup(srv.Close)
	client := sns.NewFromConfig(aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")})
	ctx := context.Background()
	topic, err := client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("outcomes")})
	if err != nil {
		t.Fatal(err)
	}
	r := webhooktest.NewReceiver(t)
	if _, err := client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("http"), Endpoint: aws.String(r.URL + "/hook")}); err != nil {
		t.Fatal(err)
	}
	body := r.Next(t).Body
	msg := webhooktest.Verify(t, body)
	if msg["Type"] != "SubscriptionConfirmation" || msg["TopicArn"] != aws.ToString(topic.TopicArn) {
		t.Fatalf("first message = %v", msg)
	}

	tests := []struct{ name, field, value string }{
		{"message changed", "Message", msg["Message"] + " "},
		{"token changed", "Token", strings.Repeat("0", len(msg["Token"]))},
		{"subscribe URL changed", "SubscribeURL", msg["SubscribeURL"] + "&x=1"},
		{"other signature version", "SignatureVersion", map[string]string{"1": "2", "2": "1"}[msg["SignatureVersion"]]},
		{"signature changed", "Signature", flipFirst(msg["Signature"])},
		{"no certificate", "SigningCertURL", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil {
				t.Fatal(err)
			}
			m[tc.field] = tc.value
			forged, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := webhooktest.Check(forged); err == nil {
				t.Errorf("Check accepted the message with %s = %q", tc.field, tc.value)
			}
		})
	}

	arn, err := webhooktest.Confirm(msg["SubscribeURL"])
	if err != nil || !strings.HasPrefix(arn, aws.ToString(topic.TopicArn)+":") {
		t.Errorf("Confirm = %q (%v), want a subscription of the topic", arn, err)
	}
	if p, ok := r.Received(0); ok {
		t.Errorf("an unexpected request: %s", p.Body)
	}
}

// flipFirst changes the first character of a base64 signature.
func flipFirst(s string) string {
	if strings.HasPrefix(s, "A") {
		return "B" + s[1:]
	}
	return "A" + s[1:]
}
