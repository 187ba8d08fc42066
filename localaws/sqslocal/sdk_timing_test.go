package sqslocal_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/go-cmp/cmp"
)

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
	// As on AWS, the handle of the first receive still changes the
	// visibility of the message while it is in flight.
	if _, err := e.sqs.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: first.ReceiptHandle, VisibilityTimeout: 100}); err != nil {
		t.Fatalf("earlier handle: %v", err)
	}
	e.clock.Advance(99 * time.Second)
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatal("message visible before the timeout the earlier handle set")
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
	// A handle of a message that is visible again changes nothing.
	if _, err := e.sqs.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: third.ReceiptHandle, VisibilityTimeout: 0}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sqs.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: third.ReceiptHandle, VisibilityTimeout: 600}); err != nil {
		t.Fatalf("handle of a visible message: %v", err)
	}
	if n := e.receiveCount(t, url); n != 1 {
		t.Fatalf("a visible message was hidden by a handle of an earlier receive (%d received)", n)
	}
	_, err := e.sqs.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: aws.String("garbage!"), VisibilityTimeout: 1})
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

func TestSDKRetention(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	url := e.createQueue(t, "short-lived", map[string]string{"MessageRetentionPeriod": "60", "VisibilityTimeout": "10"})
	e.send(t, url, "old")
	e.receiveOne(t, url) // in flight when it expires
	e.clock.Advance(59 * time.Second)
	e.send(t, url, "young")
	e.clock.Advance(time.Second)
	if m := e.receiveOne(t, url); aws.ToString(m.Body) != "young" {
		t.Fatalf("got %q, want only the message within its retention period", aws.ToString(m.Body))
	}
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatalf("expired message delivered")
	}
}

func TestSDKDeleteQueueReleasesLongPolls(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "doomed", nil)
	done := make(chan error, 1)
	go func() {
		_, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		done <- err
	}()
	e.waitTimers(t, 1)
	if _, err := e.sqs.DeleteQueue(ctx, &sqs.DeleteQueueInput{QueueUrl: &url}); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if got := apiCode(err); got != "AWS.SimpleQueueService.NonExistentQueue" {
			t.Fatalf("long poll on a deleted queue: %v, want NonExistentQueue", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("long poll kept waiting on a deleted queue")
	}
}
