package sqslocal_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

func TestSDKFIFOOrderingAndGroups(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "orders.fifo", map[string]string{"FifoQueue": "true", "ContentBasedDeduplication": "true"})
	var seqs []string
	for _, m := range []struct{ group, body string }{{"g1", "a1"}, {"g2", "b1"}, {"g1", "a2"}, {"g2", "b2"}, {"g1", "a3"}} {
		out, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(m.body), MessageGroupId: aws.String(m.group)})
		if err != nil {
			t.Fatal(err)
		}
		seqs = append(seqs, aws.ToString(out.SequenceNumber))
	}
	for i := 1; i < len(seqs); i++ {
		if len(seqs[i]) != len(seqs[i-1]) || seqs[i] <= seqs[i-1] || seqs[i-1] == "" {
			t.Fatalf("sequence numbers do not grow: %v", seqs)
		}
	}
	handles := map[string]*string{} // latest receipt handle per body
	receive := func(max int32) []string {
		t.Helper()
		out, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: max,
			MessageSystemAttributeNames: []types.MessageSystemAttributeName{"MessageGroupId", "SequenceNumber"}})
		if err != nil {
			t.Fatal(err)
		}
		var bodies []string
		for _, m := range out.Messages {
			bodies = append(bodies, aws.ToString(m.Body))
			handles[aws.ToString(m.Body)] = m.ReceiptHandle
			if m.Attributes["MessageGroupId"] == "" || m.Attributes["SequenceNumber"] == "" {
				t.Fatalf("FIFO system attributes missing: %v", m.Attributes)
			}
		}
		return bodies
	}
	steps := []struct {
		name   string
		before func()
		max    int32
		want   []string
	}{
		{"oldest group first", nil, 1, []string{"a1"}},
		{"g1 is locked while a1 is in flight", nil, 1, []string{"b1"}},
		{"both groups locked", nil, 10, nil},
		{"deleting a1 unlocks g1", func() { e.deleteHandle(t, url, handles["a1"]) }, 1, []string{"a2"}},
		{"b1 back in front of b2", func() { e.changeVisibility(t, url, handles["b1"], 0) }, 10, []string{"b1", "b2"}},
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		if diff := cmp.Diff(s.want, receive(s.max)); diff != "" {
			t.Fatalf("%s (-want +got):\n%s", s.name, diff)
		}
	}
	// Once every visibility timeout has run out, each group still comes
	// back in send order, whichever group is first.
	e.clock.Advance(30 * time.Second)
	got := receive(10)
	var g1, g2 []string
	for _, b := range got {
		if b[0] == 'a' {
			g1 = append(g1, b)
		} else {
			g2 = append(g2, b)
		}
	}
	if diff := cmp.Diff([][]string{{"a2", "a3"}, {"b1", "b2"}}, [][]string{g1, g2}); diff != "" {
		t.Fatalf("after timeouts, got %v (-want +got per group):\n%s", got, diff)
	}
}

func TestSDKFIFODeduplication(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "dedup.fifo", map[string]string{"FifoQueue": "true"})
	send := func(body, dedup string) (string, error) {
		out, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(body),
			MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(dedup)})
		if err != nil {
			return "", err
		}
		return aws.ToString(out.MessageId), nil
	}
	first, err := send("pay o-1", "o-1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := send("pay o-1 again", "o-1")
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Fatalf("duplicate got a new MessageId %s, want %s", again, first)
	}
	if diff := cmp.Diff([3]string{"1", "0", "0"}, e.counts(t, url)); diff != "" {
		t.Fatalf("counts (-want +got):\n%s", diff)
	}
	e.clock.Advance(5*time.Minute + time.Second)
	later, err := send("pay o-1 later", "o-1")
	if err != nil || later == first {
		t.Fatalf("after the window: %s, %v; want a new message", later, err)
	}

	errTests := []struct {
		name string
		in   *sqs.SendMessageInput
		code string
	}{
		{"no group", &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("x"), MessageDeduplicationId: aws.String("d")}, "MissingParameter"},
		{"no dedup id", &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("x"), MessageGroupId: aws.String("g")}, "InvalidParameterValue"},
		{"per-message delay", &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("x"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d2"), DelaySeconds: 5}, "InvalidParameterValue"},
	}
	for _, tc := range errTests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.sqs.SendMessage(ctx, tc.in)
			if got := apiCode(err); got != tc.code {
				t.Fatalf("code = %q (%v), want %q", got, err, tc.code)
			}
		})
	}
	_, err = e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("nofifo.fifo")})
	if got := apiCode(err); got != "InvalidParameterValue" {
		t.Fatalf(".fifo name without FifoQueue: code %q, want InvalidParameterValue", got)
	}
	std := e.createQueue(t, "standard", nil)
	_, err = e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &std, MessageBody: aws.String("x"), MessageDeduplicationId: aws.String("d")})
	if got := apiCode(err); got != "InvalidParameterValue" {
		t.Fatalf("dedup id on a standard queue: code %q, want InvalidParameterValue", got)
	}
}

// TestSDKFIFOBatchWithoutGroup checks that a batch for a FIFO queue with an
// entry lacking MessageGroupId fails as a whole, as AWS answers it (a real
// SendMessageBatch error quoted in Jimdo/sqs-dead-letter-handling #10):
// InvalidParameterValue, and no entry of the batch is stored.
func TestSDKFIFOBatchWithoutGroup(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	url := e.createQueue(t, "batch.fifo", map[string]string{"FifoQueue": "true", "ContentBasedDeduplication": "true"})
	_, err := e.sqs.SendMessageBatch(context.Background(), &sqs.SendMessageBatchInput{QueueUrl: &url, Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String("grouped"), MessageBody: aws.String("a"), MessageGroupId: aws.String("g")},
		{Id: aws.String("loose"), MessageBody: aws.String("b")},
	}})
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "InvalidParameterValue" ||
		apiErr.ErrorMessage() != "The request must contain the parameter MessageGroupId." {
		t.Fatalf("SendMessageBatch = %v, want InvalidParameterValue \"The request must contain the parameter MessageGroupId.\"", err)
	}
	if n := e.receiveCount(t, url); n != 0 {
		t.Fatalf("%d messages of the refused batch were stored", n)
	}
}
