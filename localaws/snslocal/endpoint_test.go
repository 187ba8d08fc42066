package snslocal_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
	"github.com/payflow-dev/payflow/localaws/webhooktest"
)

// TestThroughTheEndpoint runs SNS with the real SQS behind it, as make run
// does: a FIFO topic fills a FIFO queue in order and once, and a webhook
// verifies a notification with the certificate the endpoint serves.
func TestThroughTheEndpoint(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")}
	snsc, sqsc := sns.NewFromConfig(cfg), sqs.NewFromConfig(cfg)
	ctx := context.Background()

	q, err := sqsc.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("outcomes.fifo"), Attributes: map[string]string{"FifoQueue": "true"}})
	if err != nil {
		t.Fatal(err)
	}
	topic, err := snsc.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("outcomes.fifo"), Attributes: map[string]string{"FifoTopic": "true", "ContentBasedDeduplication": "true"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := snsc.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:123456789012:outcomes.fifo"), Attributes: map[string]string{"RawMessageDelivery": "true"}}); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"o-1 PAID", "o-1 PAID", "o-1 VOIDED"} {
		if _, err := snsc.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String(m), MessageGroupId: aws.String("o-1")}); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for range 2 {
		out, err := sqsc.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range out.Messages {
			got = append(got, aws.ToString(m.Body))
			if _, err := sqsc.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: m.ReceiptHandle}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if diff := cmp.Diff([]string{"o-1 PAID", "o-1 VOIDED"}, got); diff != "" {
		t.Errorf("the FIFO queue received (-want +got):\n%s", diff)
	}

	w := webhooktest.NewReceiver(t)
	std, err := snsc.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("notifications")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := snsc.Subscribe(ctx, &sns.SubscribeInput{TopicArn: std.TopicArn, Protocol: aws.String("http"), Endpoint: aws.String(w.URL)}); err != nil {
		t.Fatal(err)
	}
	conf := webhooktest.Verify(t, w.Next(t).Body)
	if !strings.HasPrefix(conf["SigningCertURL"], srv.URL+"/") {
		t.Errorf("SigningCertURL %s is not on the endpoint %s", conf["SigningCertURL"], srv.URL)
	}
	if _, err := snsc.ConfirmSubscription(ctx, &sns.ConfirmSubscriptionInput{TopicArn: std.TopicArn, Token: aws.String(conf["Token"])}); err != nil {
		t.Fatalf("ConfirmSubscription: %v", err)
	}
	if _, err := snsc.Publish(ctx, &sns.PublishInput{TopicArn: std.TopicArn, Message: aws.String(`{"orderId":"o-1","status":"PAID"}`)}); err != nil {
		t.Fatal(err)
	}
	if msg := webhooktest.Verify(t, w.Next(t).Body); msg["Message"] != `{"orderId":"o-1","status":"PAID"}` {
		t.Errorf("notification = %v", msg)
	}
}

// TestRegionsThroughTheEndpoint checks that an eu-west-1 topic delivers to
// the eu-west-1 queue of the same name, not to us-east-1's.
func TestRegionsThroughTheEndpoint(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	t.Cleanup(srv.Close)
	ctx := context.Background()
	in := func(region string) (*sns.Client, *sqs.Client) {
		cfg := aws.Config{Region: region, BaseEndpoint: aws.String(srv.URL), Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")}
		return sns.NewFromConfig(cfg), sqs.NewFromConfig(cfg)
	}
	euSNS, euSQS := in("eu-west-1")
	_, usSQS := in("us-east-1")
	euQ, err := euSQS.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("outcomes")})
	if err != nil {
		t.Fatal(err)
	}
	usQ, err := usSQS.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("outcomes")})
	if err != nil {
		t.Fatal(err)
	}
	topic, err := euSNS.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("outcomes")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := euSNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:eu-west-1:123456789012:outcomes"), Attributes: map[string]string{"RawMessageDelivery": "true"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := euSNS.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("for eu-west-1")}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		client *sqs.Client
		url    *string
		want   int
	}{{euSQS, euQ.QueueUrl, 1}, {usSQS, usQ.QueueUrl, 0}} {
		out, err := tc.client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: tc.url, MaxNumberOfMessages: 10})
		if err != nil || len(out.Messages) != tc.want {
			t.Errorf("%s queue received %v (%v), want %d messages", tc.client.Options().Region, out, err, tc.want)
		}
	}
}
