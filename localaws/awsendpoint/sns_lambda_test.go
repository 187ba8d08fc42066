package awsendpoint_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// TestSNSInvokesHostedFunctions subscribes a hosted function to a topic:
// it receives the SNS event Lambda functions get (decoded here with
// aws-lambda-go's events.SNSEvent), and a function that fails has the
// notification dead-lettered to the subscription's queue.
func TestSNSInvokesHostedFunctions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ep := awsendpoint.New(awsendpoint.Config{})
	got := make(chan events.SNSEvent, 1)
	ep.RegisterFunction("notify", func(_ context.Context, payload json.RawMessage) (json.RawMessage, error) {
		var ev events.SNSEvent
		if err := json.Unmarshal(payload, &ev); err != nil {
			return nil, err
		}
		got <- ev
		return nil, nil
	})
	ep.RegisterFunction("broken", func(context.Context, json.RawMessage) (json.RawMessage, error) {
		return nil, errors.New("downstream unavailable")
	})
	srv := httptest.NewServer(ep)
	t.Cleanup(srv.Close)
	t.Cleanup(ep.SNS.Close)
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")}
	snsc, sqsc := sns.NewFromConfig(cfg), sqs.NewFromConfig(cfg)
	topic, err := snsc.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("outcomes")})
	if err != nil {
		t.Fatal(err)
	}
	dlq, err := sqsc.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("outcomes-dlq")})
	if err != nil {
		t.Fatal(err)
	}
	for _, fn := range []string{"notify", "broken"} {
		if _, err := snsc.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("lambda"),
			Endpoint:   aws.String("arn:aws:lambda:us-east-1:123456789012:function:" + fn),
			Attributes: map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:outcomes-dlq"}`}}); err != nil {
			t.Fatalf("Subscribe %s: %v", fn, err)
		}
	}
	pub, err := snsc.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("order o-1 paid"), Subject: aws.String("outcome"),
		MessageAttributes: map[string]snstypes.MessageAttributeValue{"status": {DataType: aws.String("String"), StringValue: aws.String("PAID")}}})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-got:
		if len(ev.Records) != 1 {
			t.Fatalf("event has %d records, want 1", len(ev.Records))
		}
		r := ev.Records[0]
		if r.EventSource != "aws:sns" || r.SNS.MessageID != aws.ToString(pub.MessageId) || r.SNS.Message != "order o-1 paid" ||
			r.SNS.Subject != "outcome" || r.SNS.TopicArn != aws.ToString(topic.TopicArn) || r.SNS.SigningCertURL == "" {
			t.Errorf("SNS record = %+v", r)
		}
		if attr, _ := r.SNS.MessageAttributes["status"].(map[string]any); attr["Value"] != "PAID" {
			t.Errorf("message attributes = %v", r.SNS.MessageAttributes)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the subscribed function was not invoked within 5 s")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, err := sqsc.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: dlq.QueueUrl})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Messages) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the failed invocation was not dead-lettered within 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
