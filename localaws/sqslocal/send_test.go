package sqslocal_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

func TestInProcessSend(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	url := e.createQueue(t, "notify", nil)
	attrs := map[string]sqslocal.MessageAttribute{"attribName1": {DataType: "String", StringValue: "attribValue 1"}}
	tests := []struct {
		name  string
		queue string
		attrs map[string]sqslocal.MessageAttribute
		code  string
	}{
		{"by ARN", "arn:aws:sqs:us-east-1:123456789012:notify", attrs, ""},
		{"by URL from another host", "http://localhost:4566/123456789012/notify", nil, ""},
		{"missing queue", "arn:aws:sqs:us-east-1:123456789012:nope", nil, sqslocal.CodeQueueDoesNotExist},
		{"other account", "arn:aws:sqs:us-east-1:999999999999:notify", nil, sqslocal.CodeQueueDoesNotExist},
		{"not a queue", "arn:aws:sns:us-east-1:123456789012:topic", nil, sqslocal.CodeQueueDoesNotExist},
		{"bad attribute", url, map[string]sqslocal.MessageAttribute{"x": {DataType: "Float", StringValue: "1"}}, sqslocal.CodeInvalidParameterValue},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := e.svc.Send(context.Background(), tc.queue, `{"status":"PAID"}`, tc.attrs)
			if tc.code != "" {
				var apiErr *sqslocal.Error
				if !errors.As(err, &apiErr) || apiErr.Code != tc.code {
					t.Fatalf("Send error = %v, want *sqslocal.Error with code %s", err, tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.MessageID == "" || res.MD5OfMessageBody != md5hex(`{"status":"PAID"}`) {
				t.Fatalf("Send = %+v", res)
			}
		})
	}
	out, err := e.sqs.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10, MessageAttributeNames: []string{"All"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Messages) != 2 {
		t.Fatalf("received %d messages, want the 2 sent in-process", len(out.Messages))
	}
	withAttrs := 0
	for _, m := range out.Messages {
		if len(m.MessageAttributes) > 0 {
			withAttrs++
			if got := aws.ToString(m.MD5OfMessageAttributes); got != "19e27d4e946b072f3f58da80d94fd778" {
				t.Fatalf("MD5OfMessageAttributes = %s", got)
			}
		}
	}
	if withAttrs != 1 {
		t.Fatalf("%d messages carried attributes, want 1", withAttrs)
	}
}

func TestBaseURL(t *testing.T) {
	t.Parallel()
	svc := sqslocal.New(sqslocal.Config{Clock: clock.NewFake(epoch), BaseURL: "http://localhost:4566/"})
	e := &env{svc: svc}
	e.srv = newServer(t, svc)
	e.sqs = newClient(e.srv.URL)
	url := e.createQueue(t, "based", nil)
	if url != "http://localhost:4566/123456789012/based" {
		t.Fatalf("QueueUrl = %q, want the configured base", url)
	}
	// The host in a queue URL does not matter, only account and name.
	if _, err := e.sqs.SendMessage(context.Background(), &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("x")}); err != nil {
		t.Fatal(err)
	}
	got, err := e.sqs.GetQueueAttributes(context.Background(), &sqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: []types.QueueAttributeName{"ApproximateNumberOfMessages"}})
	if err != nil || got.Attributes["ApproximateNumberOfMessages"] != "1" {
		t.Fatalf("GetQueueAttributes = %v, %v", got, err)
	}
}
