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

// The tests in this file hold FIFO queues to AWS's recordings in
// LocalStack's tests/aws/services/sqs/test_sqs.snapshot.json and to its
// AWS-validated assertions (see recorded_errors_test.go).

// TestRecordedFIFOQueueDelay: a FIFO queue's message sent with
// DelaySeconds 0 still waits the queue's DelaySeconds
// (test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay[sqs]);
// "True" counts as true for ContentBasedDeduplication.
func TestRecordedFIFOQueueDelay(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "slow.fifo", map[string]string{"FifoQueue": "true", "ContentBasedDeduplication": "True", "DelaySeconds": "2"})
	if _, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("message-1"), MessageGroupId: aws.String("1"), DelaySeconds: 0}); err != nil {
		t.Fatalf("SendMessage: %v", err)
	}
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatalf("received %d messages at once, want 0 (the queue's 2 s delay applies)", n)
	}
	e.clock.Advance(2 * time.Second)
	if n := e.receiveCount(t, url); n != 1 {
		t.Errorf("received %d messages after the queue's delay, want 1", n)
	}
}

// TestRecordedDeduplicationScope: with DeduplicationScope "messageGroup"
// a deduplication ID repeats freely across groups
// (test_sqs_fifo_message_group_scope_no_throughput_setting[sqs]), with the
// default "queue" it does not (test_sqs_fifo_same_dedup_id_different_message_groups[sqs]),
// and the scope a queue was created with stays after SetQueueAttributes
// changes it (test_fifo_change_to_regular_throughput_after_creation[sqs]).
func TestRecordedDeduplicationScope(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	tests := []struct {
		name, scope, setScope string
		wantSecond            bool
	}{
		{"queue scope", "queue", "", false},
		{"message group scope", "messageGroup", "", true},
		{"message group scope set to queue later", "messageGroup", "queue", true},
		{"queue scope set to message group later", "queue", "messageGroup", false},
	}
	for i, tc := range tests {
		url := e.createQueue(t, "scope"+strconv.Itoa(i)+".fifo", map[string]string{"FifoQueue": "true", "DeduplicationScope": tc.scope})
		if tc.setScope != "" {
			if _, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: map[string]string{"DeduplicationScope": tc.setScope}}); err != nil {
				t.Fatalf("%s: SetQueueAttributes: %v", tc.name, err)
			}
		}
		for _, group := range []string{"group1", "group2"} {
			if _, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(group),
				MessageGroupId: aws.String(group), MessageDeduplicationId: aws.String("same-dedup")}); err != nil {
				t.Fatalf("%s: SendMessage: %v", tc.name, err)
			}
		}
		want := 1
		if tc.wantSecond {
			want = 2
		}
		if got := e.receiveCount(t, url); got != want {
			t.Errorf("%s: %d messages stored for one deduplication ID in two groups, want %d", tc.name, got, want)
		}
	}
}

// TestRecordedGroupVisibility: when one message of a FIFO group has its
// visibility timeout extended, the group's earlier messages can be
// received again once their own timeout runs out, while it and every later
// one stay back
// (test_fifo_group_visibility_extends_with_change_message_visibility[sqs-*-visible]).
func TestRecordedGroupVisibility(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		extended int
		want     []string
	}{
		{"first extended", 0, nil},
		{"second extended", 1, []string{"foo"}},
		{"third extended", 2, []string{"foo", "bar"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t)
			ctx := context.Background()
			url := e.createQueue(t, "g.fifo", map[string]string{"FifoQueue": "true", "VisibilityTimeout": "1"})
			for _, body := range []string{"foo", "bar", "baz"} {
				if _, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(body),
					MessageGroupId: aws.String("1"), MessageDeduplicationId: aws.String(body)}); err != nil {
					t.Fatalf("SendMessage: %v", err)
				}
			}
			first, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 5})
			if err != nil || len(first.Messages) != 3 {
				t.Fatalf("first ReceiveMessage: %v (%d messages), want all 3", err, len(first.Messages))
			}
			e.changeVisibility(t, url, first.Messages[tc.extended].ReceiptHandle, 4)
			e.clock.Advance(2500 * time.Millisecond)
			again, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 5})
			if err != nil {
				t.Fatalf("second ReceiveMessage: %v", err)
			}
			var got []string
			for _, m := range again.Messages {
				got = append(got, aws.ToString(m.Body))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("received again (-AWS +ours):\n%s", diff)
			}
		})
	}
}

// TestRecordedPurgeForgetsDeduplication: after PurgeQueue a FIFO queue
// takes a deduplication ID it saw before the purge
// (test_purge_queue_clears_fifo_deduplication_cache, AWS-validated), and
// a message attribute may be named with non-ASCII letters
// (test_send_message_with_invalid_string_attributes, AWS-validated).
func TestRecordedPurgeForgetsDeduplication(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "p.fifo", map[string]string{"FifoQueue": "true"})
	send := func(body string) {
		t.Helper()
		if _, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(body), MessageGroupId: aws.String("g"),
			MessageDeduplicationId: aws.String("d"), MessageAttributes: map[string]types.MessageAttributeValue{
				"attr.1øßä": {DataType: aws.String("String"), StringValue: aws.String("Valida")}}}); err != nil {
			t.Fatalf("SendMessage %s: %v", body, err)
		}
	}
	send("message-1")
	if _, err := e.sqs.PurgeQueue(ctx, &sqs.PurgeQueueInput{QueueUrl: &url}); err != nil {
		t.Fatalf("PurgeQueue: %v", err)
	}
	send("message-2")
	if got := aws.ToString(e.receiveOne(t, url).Body); got != "message-2" {
		t.Errorf("received %q after the purge, want message-2", got)
	}
}
