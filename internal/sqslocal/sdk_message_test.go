package sqslocal_test

import (
	"context"
	"strconv"
	"strings"
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

func TestSDKVisibilityTimeout(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "vis", map[string]string{"VisibilityTimeout": "30"})
	e.send(t, url, "hello")
	first := e.receiveOne(t, url)
	e.clock.Advance(29 * time.Second)
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatalf("message visible again after 29 s of a 30 s timeout")
	}
	e.clock.Advance(time.Second)
	second := e.receiveOne(t, url)
	if second.Attributes["ApproximateReceiveCount"] != "2" {
		t.Fatalf("ApproximateReceiveCount = %s, want 2", second.Attributes["ApproximateReceiveCount"])
	}
	// The old handle can no longer change visibility; the new one can.
	_, err := e.sqs.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: first.ReceiptHandle, VisibilityTimeout: 10})
	if got := apiCode(err); got != "AWS.SimpleQueueService.MessageNotInflight" {
		t.Fatalf("stale handle: code %q (%v), want MessageNotInflight", got, err)
	}
	if _, err := e.sqs.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: second.ReceiptHandle, VisibilityTimeout: 100}); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(99 * time.Second)
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatal("message visible before its extended timeout")
	}
	if _, err := e.sqs.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: second.ReceiptHandle, VisibilityTimeout: 0}); err != nil {
		t.Fatal(err)
	}
	third := e.receiveOne(t, url)
	if third.Attributes["ApproximateReceiveCount"] != "3" {
		t.Fatalf("ApproximateReceiveCount = %s, want 3", third.Attributes["ApproximateReceiveCount"])
	}
	_, err = e.sqs.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: aws.String("garbage!"), VisibilityTimeout: 1})
	if got := apiCode(err); got != "ReceiptHandleIsInvalid" {
		t.Fatalf("garbage handle: code %q, want ReceiptHandleIsInvalid", got)
	}
}

func TestSDKDelays(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "delayed", map[string]string{"DelaySeconds": "10"})
	e.send(t, url, "queue default")
	if _, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("own delay"), DelaySeconds: 60}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("x"), DelaySeconds: 901}); apiCode(err) != "InvalidParameterValue" {
		t.Fatalf("DelaySeconds 901: %v, want InvalidParameterValue", err)
	}
	if diff := cmp.Diff([3]string{"0", "0", "2"}, e.counts(t, url)); diff != "" {
		t.Fatalf("counts (-want +got):\n%s", diff)
	}
	e.clock.Advance(10 * time.Second)
	m := e.receiveOne(t, url)
	if aws.ToString(m.Body) != "queue default" {
		t.Fatalf("after 10 s got %q", aws.ToString(m.Body))
	}
	if _, err := e.sqs.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: &url, ReceiptHandle: m.ReceiptHandle}); err != nil {
		t.Fatal(err)
	}
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatal("60 s delay message visible after 10 s")
	}
	e.clock.Advance(50 * time.Second)
	if m := e.receiveOne(t, url); aws.ToString(m.Body) != "own delay" {
		t.Fatalf("after 60 s got %q", aws.ToString(m.Body))
	}
}

func TestSDKLongPolling(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		wake func(t *testing.T, e *env, url string)
		want int
	}{
		{"new message", func(t *testing.T, e *env, url string) { e.send(t, url, "wake up") }, 1},
		{"in-process send", func(t *testing.T, e *env, url string) {
			if _, err := e.svc.Send(context.Background(), "arn:aws:sqs:us-east-1:123456789012:poll", "from SNS", nil); err != nil {
				t.Fatal(err)
			}
		}, 1},
		{"timeout", func(t *testing.T, e *env, url string) { e.clock.Advance(20 * time.Second) }, 0},
		{"delayed message turns visible", func(t *testing.T, e *env, url string) {
			if _, err := e.sqs.SendMessage(context.Background(), &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("later"), DelaySeconds: 5}); err != nil {
				t.Fatal(err)
			}
			e.waitTimers(t, 2)
			e.clock.Advance(5 * time.Second)
		}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t)
			url := e.createQueue(t, "poll", nil)
			type result struct {
				n   int
				err error
			}
			done := make(chan result, 1)
			go func() {
				out, err := e.sqs.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
				if err != nil {
					done <- result{err: err}
					return
				}
				done <- result{n: len(out.Messages)}
			}()
			e.waitTimers(t, 1) // the poll's 20 s timer: it is parked
			tc.wake(t, e, url)
			select {
			case r := <-done:
				if r.err != nil || r.n != tc.want {
					t.Fatalf("long poll got %d messages (%v), want %d", r.n, r.err, tc.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("long poll did not return")
			}
		})
	}
}

func TestSDKDeadLetterRedrive(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	dlq := e.createQueue(t, "jobs-dlq", nil)
	url := e.createQueue(t, "jobs", map[string]string{
		"VisibilityTimeout": "5",
		"RedrivePolicy":     `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:jobs-dlq","maxReceiveCount":2}`,
	})
	sent := e.send(t, url, "poison")
	for i := 1; i <= 2; i++ {
		m := e.receiveOne(t, url)
		if got := m.Attributes["ApproximateReceiveCount"]; got != strconv.Itoa(i) {
			t.Fatalf("receive %d: count %s", i, got)
		}
		e.clock.Advance(5 * time.Second)
	}
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatalf("third receive returned the message; it should have moved to the DLQ")
	}
	m := e.receiveOne(t, dlq)
	if aws.ToString(m.MessageId) != sent || aws.ToString(m.Body) != "poison" {
		t.Fatalf("DLQ got %s %q, want %s", aws.ToString(m.MessageId), aws.ToString(m.Body), sent)
	}
	if got := m.Attributes["DeadLetterQueueSourceArn"]; got != "arn:aws:sqs:us-east-1:123456789012:jobs" {
		t.Fatalf("DeadLetterQueueSourceArn = %q", got)
	}
	src, err := e.sqs.ListDeadLetterSourceQueues(ctx, &sqs.ListDeadLetterSourceQueuesInput{QueueUrl: &dlq})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{url}, src.QueueUrls); diff != "" {
		t.Fatalf("ListDeadLetterSourceQueues (-want +got):\n%s", diff)
	}
}

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
	if diff := cmp.Diff([]string{"b:InvalidMessageContents", "d:InvalidParameterValue"}, failed); diff != "" {
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
	if len(vis.Successful) != 1 || len(vis.Failed) != 1 || aws.ToString(vis.Failed[0].Code) != "MessageNotInflight" {
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
		{"too long", entries(2, strings.Repeat("x", 600)), "AWS.SimpleQueueService.BatchRequestTooLong"},
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
			_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(strings.Repeat("x", 262145))})
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
		{"unsupported action", func() error {
			_, err := e.sqs.AddPermission(ctx, &sqs.AddPermissionInput{QueueUrl: &url, Label: aws.String("l"), AWSAccountIds: []string{account}, Actions: []string{"SendMessage"}})
			return err
		}, "AWS.SimpleQueueService.UnsupportedOperation"},
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
