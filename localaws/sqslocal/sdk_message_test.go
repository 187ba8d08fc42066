package sqslocal_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"
)

func TestSDKSendReceiveDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := aws.String(e.createQueue(t, "orders", nil))
	attrs := map[string]types.MessageAttributeValue{
		"attribName1":            {DataType: aws.String("String"), StringValue: aws.String("attribValue 1")},
		"customNumberTypeAttrib": {DataType: aws.String("Number.float"), StringValue: aws.String("4563442423554324324264524243.32543234")},
		"binaryAttribute":        {DataType: aws.String("Binary"), BinaryValue: []byte("Hello binary world!")},
	}
	sent, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: url, MessageBody: aws.String(`{"orderId":"o-1"}`), MessageAttributes: attrs})
	if err != nil {
		t.Fatal(err) // the SDK fails the call when MD5OfMessageBody is wrong
	}
	// Digest published for these three attributes (AWS's algorithm).
	if got, want := aws.ToString(sent.MD5OfMessageAttributes), "c932db14a896c663f83c260297d594ff"; got != want {
		t.Fatalf("MD5OfMessageAttributes = %s, want %s", got, want)
	}
	e.clock.Advance(1500 * time.Millisecond)
	got, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
		QueueUrl: url, MaxNumberOfMessages: 10,
		MessageSystemAttributeNames: []types.MessageSystemAttributeName{"All"},
		MessageAttributeNames:       []string{"All"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != 1 {
		t.Fatalf("received %d messages, want 1", len(got.Messages))
	}
	m := got.Messages[0]
	if aws.ToString(m.MessageId) != aws.ToString(sent.MessageId) || aws.ToString(m.Body) != `{"orderId":"o-1"}` {
		t.Fatalf("received %s %q, want %s", aws.ToString(m.MessageId), aws.ToString(m.Body), aws.ToString(sent.MessageId))
	}
	wantSys := map[string]string{
		"ApproximateReceiveCount":          "1",
		"SentTimestamp":                    strconv.FormatInt(epoch.UnixMilli(), 10),
		"ApproximateFirstReceiveTimestamp": strconv.FormatInt(epoch.Add(1500*time.Millisecond).UnixMilli(), 10),
		"SenderId":                         account,
	}
	if diff := cmp.Diff(wantSys, m.Attributes); diff != "" {
		t.Fatalf("system attributes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(attrs, m.MessageAttributes, cmp.Comparer(func(a, b types.MessageAttributeValue) bool {
		return aws.ToString(a.DataType) == aws.ToString(b.DataType) && aws.ToString(a.StringValue) == aws.ToString(b.StringValue) && string(a.BinaryValue) == string(b.BinaryValue)
	})); diff != "" {
		t.Fatalf("message attributes (-want +got):\n%s", diff)
	}
	if aws.ToString(m.MD5OfMessageAttributes) != aws.ToString(sent.MD5OfMessageAttributes) {
		t.Fatalf("receive MD5OfMessageAttributes = %s, send said %s", aws.ToString(m.MD5OfMessageAttributes), aws.ToString(sent.MD5OfMessageAttributes))
	}
	counts := e.counts(t, *url)
	if diff := cmp.Diff([3]string{"0", "1", "0"}, counts); diff != "" {
		t.Fatalf("counts visible/not visible/delayed after receive (-want +got):\n%s", diff)
	}
	if _, err := e.sqs.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: url, ReceiptHandle: m.ReceiptHandle}); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Hour)
	if n := e.receiveCount(t, *url); n != 0 {
		t.Fatalf("deleted message came back: received %d", n)
	}
	if _, err := e.sqs.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: url, ReceiptHandle: m.ReceiptHandle}); err != nil {
		t.Fatalf("deleting twice: %v, want success as AWS", err)
	}
}

func TestSDKMessageAttributeSelection(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := aws.String(e.createQueue(t, "sel", nil))
	tests := []struct {
		name  string
		names []string
		want  []string
	}{
		{"none", nil, nil},
		{"all", []string{"All"}, []string{"order.id", "order.kind", "trace"}},
		{"dot star", []string{".*"}, []string{"order.id", "order.kind", "trace"}},
		{"prefix", []string{"order.*"}, []string{"order.id", "order.kind"}},
		{"exact", []string{"trace", "absent"}, []string{"trace"}},
	}
	for _, tc := range tests {
		_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: url, MessageBody: aws.String(tc.name), MessageAttributes: map[string]types.MessageAttributeValue{
			"order.id":   {DataType: aws.String("String"), StringValue: aws.String("o-1")},
			"order.kind": {DataType: aws.String("String"), StringValue: aws.String("card")},
			"trace":      {DataType: aws.String("Number"), StringValue: aws.String("42")},
		}})
		if err != nil {
			t.Fatal(err)
		}
		out, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: url, MessageAttributeNames: tc.names})
		if err != nil || len(out.Messages) != 1 {
			t.Fatalf("%s: receive %v %v", tc.name, out, err)
		}
		var got []string
		for k := range out.Messages[0].MessageAttributes {
			got = append(got, k)
		}
		if diff := cmp.Diff(tc.want, got, cmpSorted); diff != "" {
			t.Errorf("%s: attributes (-want +got):\n%s", tc.name, diff)
		}
		if _, err := e.sqs.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: url, ReceiptHandle: out.Messages[0].ReceiptHandle}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSDKPurge(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	url := e.createQueue(t, "purge", nil)
	for i := range 5 {
		e.send(t, url, "m"+strconv.Itoa(i))
	}
	e.receiveOne(t, url)
	if _, err := e.sqs.PurgeQueue(context.Background(), &sqs.PurgeQueueInput{QueueUrl: &url}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([3]string{"0", "0", "0"}, e.counts(t, url)); diff != "" {
		t.Fatalf("counts after purge (-want +got):\n%s", diff)
	}
	e.clock.Advance(time.Minute)
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatalf("received %d after purge", n)
	}
}

func TestSDKTraceHeader(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "traced", nil)
	trace := "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"
	sent, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("x"),
		MessageSystemAttributes: map[string]types.MessageSystemAttributeValue{
			"AWSTraceHeader": {DataType: aws.String("String"), StringValue: aws.String(trace)},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(sent.MD5OfMessageSystemAttributes) == "" {
		t.Fatal("MD5OfMessageSystemAttributes missing")
	}
	out, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url,
		MessageSystemAttributeNames: []types.MessageSystemAttributeName{"AWSTraceHeader"}})
	if err != nil || len(out.Messages) != 1 {
		t.Fatalf("receive: %v %v", out, err)
	}
	if diff := cmp.Diff(map[string]string{"AWSTraceHeader": trace}, out.Messages[0].Attributes); diff != "" {
		t.Fatalf("system attributes (-want +got):\n%s", diff)
	}
}
