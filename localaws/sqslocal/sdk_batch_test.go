package sqslocal_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"
)

func TestSDKBatches(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "batch", map[string]string{"MaximumMessageSize": "1024"})
	out, err := e.sqs.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: &url, Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String("a"), MessageBody: aws.String("first")},
		{Id: aws.String("b"), MessageBody: aws.String("bad\x00char")},
		{Id: aws.String("c"), MessageBody: aws.String("third"), MessageAttributes: map[string]types.MessageAttributeValue{
			"attribName1": {DataType: aws.String("String"), StringValue: aws.String("attribValue 1")},
		}},
		{Id: aws.String("d"), MessageBody: aws.String("x"), MessageAttributes: map[string]types.MessageAttributeValue{
			"AWS.reserved": {DataType: aws.String("String"), StringValue: aws.String("v")},
		}},
		{Id: aws.String("e"), MessageBody: aws.String(strings.Repeat("x", 1025))}, // over the queue's 1024 bytes
	}})
	if err != nil {
		t.Fatal(err)
	}
	var ok, failed []string
	for _, s := range out.Successful {
		ok = append(ok, aws.ToString(s.Id))
		if aws.ToString(s.Id) == "c" && aws.ToString(s.MD5OfMessageAttributes) != "19e27d4e946b072f3f58da80d94fd778" {
			t.Errorf("entry c MD5OfMessageAttributes = %s", aws.ToString(s.MD5OfMessageAttributes))
		}
	}
	for _, f := range out.Failed {
		failed = append(failed, aws.ToString(f.Id)+":"+aws.ToString(f.Code))
		if !f.SenderFault {
			t.Errorf("entry %s: SenderFault false", aws.ToString(f.Id))
		}
	}
	if diff := cmp.Diff([]string{"a", "c"}, ok); diff != "" {
		t.Errorf("successful (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"b:InvalidMessageContents", "d:InvalidParameterValue", "e:InvalidParameterValue"}, failed); diff != "" {
		t.Errorf("failed (-want +got):\n%s", diff)
	}

	got, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10})
	if err != nil || len(got.Messages) != 2 {
		t.Fatalf("receive: %d messages, %v", len(got.Messages), err)
	}
	del, err := e.sqs.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: &url, Entries: []types.DeleteMessageBatchRequestEntry{
		{Id: aws.String("one"), ReceiptHandle: got.Messages[0].ReceiptHandle},
		{Id: aws.String("bad"), ReceiptHandle: aws.String("not-a-handle")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(del.Successful) != 1 || len(del.Failed) != 1 || aws.ToString(del.Failed[0].Code) != "ReceiptHandleIsInvalid" {
		t.Fatalf("DeleteMessageBatch = %+v", del)
	}
	vis, err := e.sqs.ChangeMessageVisibilityBatch(ctx, &sqs.ChangeMessageVisibilityBatchInput{QueueUrl: &url, Entries: []types.ChangeMessageVisibilityBatchRequestEntry{
		{Id: aws.String("two"), ReceiptHandle: got.Messages[1].ReceiptHandle, VisibilityTimeout: 0},
		{Id: aws.String("gone"), ReceiptHandle: got.Messages[0].ReceiptHandle, VisibilityTimeout: 5},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(vis.Successful) != 1 || len(vis.Failed) != 1 || aws.ToString(vis.Failed[0].Code) != "InvalidParameterValue" {
		t.Fatalf("ChangeMessageVisibilityBatch = %+v", vis)
	}
	if n := e.receiveCount(t, url); n != 1 {
		t.Fatalf("after visibility 0, received %d, want 1", n)
	}

	entries := func(n int, body string) []types.SendMessageBatchRequestEntry {
		var es []types.SendMessageBatchRequestEntry
		for i := range n {
			es = append(es, types.SendMessageBatchRequestEntry{Id: aws.String("e" + strconv.Itoa(i)), MessageBody: aws.String(body)})
		}
		return es
	}
	dup := entries(2, "x")
	dup[1].Id = dup[0].Id
	errTests := []struct {
		name    string
		entries []types.SendMessageBatchRequestEntry
		code    string
	}{
		{"too many", entries(11, "x"), "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"},
		{"duplicate ids", dup, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"},
		{"too long", entries(2, strings.Repeat("x", 540000)), "AWS.SimpleQueueService.BatchRequestTooLong"},
		{"bad id", []types.SendMessageBatchRequestEntry{{Id: aws.String("no spaces"), MessageBody: aws.String("x")}}, "AWS.SimpleQueueService.InvalidBatchEntryId"},
	}
	for _, tc := range errTests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.sqs.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: &url, Entries: tc.entries})
			if got := apiCode(err); got != tc.code {
				t.Fatalf("code = %q (%v), want %q", got, err, tc.code)
			}
		})
	}
}

func TestSDKErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "errs", nil)
	missing := e.srv.URL + "/" + account + "/nope"
	tests := []struct {
		name string
		call func() error
		code string
	}{
		{"send to missing queue", func() error {
			_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &missing, MessageBody: aws.String("x")})
			return err
		}, "AWS.SimpleQueueService.NonExistentQueue"},
		{"receive too many", func() error {
			_, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 11})
			return err
		}, "InvalidParameterValue"},
		{"wait too long", func() error {
			_, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 21})
			return err
		}, "InvalidParameterValue"},
		{"empty body", func() error {
			_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("")})
			return err
		}, "MissingParameter"},
		{"too big", func() error {
			_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(strings.Repeat("x", 1048577))})
			return err
		}, "InvalidParameterValue"},
		{"bad queue name", func() error {
			_, err := e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("has space")})
			return err
		}, "InvalidParameterValue"},
		{"delete with garbage handle", func() error {
			_, err := e.sqs.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: &url, ReceiptHandle: aws.String("%%%")})
			return err
		}, "ReceiptHandleIsInvalid"},
		{"empty batch", func() error {
			_, err := e.sqs.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: &url, Entries: []types.DeleteMessageBatchRequestEntry{}})
			return err
		}, "AWS.SimpleQueueService.EmptyBatchRequest"},
		{"granting an owner-only action", func() error {
			_, err := e.sqs.AddPermission(ctx, &sqs.AddPermissionInput{QueueUrl: &url, Label: aws.String("l"), AWSAccountIds: []string{account}, Actions: []string{"DeleteQueue"}})
			return err
		}, "InvalidParameterValue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if got := apiCode(err); got != tc.code {
				t.Fatalf("code = %q (%v), want %q", got, err, tc.code)
			}
		})
	}
}
