package sqslocal_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
)

// TestSDKOneMebibyteMessages checks AWS's limits since August 2025: queues
// default to a MaximumMessageSize of 1 MiB, and a batch may carry 1 MiB.
func TestSDKOneMebibyteMessages(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "big", nil)
	attrs, err := e.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: []types.QueueAttributeName{"MaximumMessageSize"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := attrs.Attributes["MaximumMessageSize"]; got != "1048576" {
		t.Errorf("default MaximumMessageSize = %s, want 1048576", got)
	}
	e.send(t, url, strings.Repeat("x", 1048576))
	half := strings.Repeat("y", 512*1024-1)
	_, err = e.sqs.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: &url, Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String("a"), MessageBody: &half}, {Id: aws.String("b"), MessageBody: &half},
	}})
	if err != nil {
		t.Fatalf("SendMessageBatch of just under 1 MiB: %v", err)
	}
	if got := e.counts(t, url)[0]; got != "3" {
		t.Errorf("ApproximateNumberOfMessages = %s, want 3", got)
	}
}

// TestSDKQueueURLForms checks the QueueUrl values AWS resolves (a bare
// queue name, a URL built for another host) and those it does not.
func TestSDKQueueURLForms(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createQueue(t, "orders", nil)
	tests := []struct {
		name, queueURL, code string
	}{
		{name: "bare name", queueURL: "orders"},
		{name: "other host", queueURL: "https://sqs.us-east-1.amazonaws.com/" + account + "/orders"},
		{name: "missing bare name", queueURL: "nope", code: "AWS.SimpleQueueService.NonExistentQueue"},
		{name: "other host without a queue path", queueURL: "http://elsewhere.example/orders", code: "AWS.SimpleQueueService.NonExistentQueue"},
		{name: "other account", queueURL: "http://localhost/999999999999/orders", code: "AWS.SimpleQueueService.NonExistentQueue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.sqs.SendMessage(context.Background(), &sqs.SendMessageInput{QueueUrl: aws.String(tc.queueURL), MessageBody: aws.String("x")})
			if got := apiCode(err); got != tc.code {
				t.Fatalf("code = %q (%v), want %q", got, err, tc.code)
			}
		})
	}
}

// TestEmptyBatchWording checks AWS's message for an empty batch of each
// kind, through both protocols.
func TestEmptyBatchWording(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "q", nil)
	tests := []struct {
		action, entry string
		call          func() error
	}{
		{"SendMessageBatch", "SendMessageBatchRequestEntry", func() error {
			_, err := e.sqs.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: &url, Entries: []types.SendMessageBatchRequestEntry{}})
			return err
		}},
		{"DeleteMessageBatch", "DeleteMessageBatchRequestEntry", func() error {
			_, err := e.sqs.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: &url, Entries: []types.DeleteMessageBatchRequestEntry{}})
			return err
		}},
		{"ChangeMessageVisibilityBatch", "ChangeMessageVisibilityBatchRequestEntry", func() error {
			_, err := e.sqs.ChangeMessageVisibilityBatch(ctx, &sqs.ChangeMessageVisibilityBatchInput{QueueUrl: &url, Entries: []types.ChangeMessageVisibilityBatchRequestEntry{}})
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.action, func(t *testing.T) {
			t.Parallel()
			want := "There should be at least one " + tc.entry + " in the request."
			var apiErr smithy.APIError
			if err := tc.call(); !errorsAs(err, &apiErr) || apiErr.ErrorCode() != "AWS.SimpleQueueService.EmptyBatchRequest" || apiErr.ErrorMessage() != want {
				t.Errorf("JSON protocol: %v, want EmptyBatchRequest %q", err, want)
			}
			status, body := e.query(t, "/", values("Action", tc.action, "QueueUrl", url))
			var qe queryError
			if err := xml.Unmarshal(body, &qe); err != nil || status != http.StatusBadRequest || qe.Error.Message != want {
				t.Errorf("query protocol: %d %s, want %q", status, body, want)
			}
		})
	}
}

// TestSDKDeadLetterQueueType checks that a FIFO queue's dead-letter queue
// must be FIFO and a standard queue's standard, as AWS refuses otherwise.
func TestSDKDeadLetterQueueType(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	e.createQueue(t, "dlq", nil)
	e.createQueue(t, "dlq.fifo", map[string]string{"FifoQueue": "true"})
	redrive := func(dlq string) string {
		return `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:` + account + `:` + dlq + `","maxReceiveCount":3}`
	}
	tests := []struct {
		name, queue, dlq string
		ok               bool
	}{
		{"fifo to fifo", "src.fifo", "dlq.fifo", true},
		{"standard to standard", "src", "dlq", true},
		{"fifo to standard", "bad.fifo", "dlq", false},
		{"standard to fifo", "bad", "dlq.fifo", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			attrs := map[string]string{"RedrivePolicy": redrive(tc.dlq)}
			plain := map[string]string{}
			if strings.HasSuffix(tc.queue, ".fifo") {
				attrs["FifoQueue"], plain["FifoQueue"] = "true", "true"
			}
			_, err := e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(tc.queue), Attributes: attrs})
			url := e.createQueue(t, strings.TrimSuffix(tc.queue, ".fifo")+"-later"+suffixOf(tc.queue), plain)
			_, setErr := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: map[string]string{"RedrivePolicy": redrive(tc.dlq)}})
			for what, err := range map[string]error{"CreateQueue": err, "SetQueueAttributes": setErr} {
				var apiErr smithy.APIError
				switch {
				case tc.ok && err != nil:
					t.Errorf("%s: %v", what, err)
				case !tc.ok && (!errorsAs(err, &apiErr) || apiErr.ErrorCode() != "InvalidParameterValue" ||
					!strings.HasSuffix(apiErr.ErrorMessage(), "Reason: Dead-letter queue must be same type of queue as the source.")):
					t.Errorf("%s: %v, want InvalidParameterValue about the queue type", what, err)
				}
			}
		})
	}
}

func suffixOf(name string) string {
	if strings.HasSuffix(name, ".fifo") {
		return ".fifo"
	}
	return ""
}

// TestSDKEmptyPolicyRemovesIt checks that setting Policy to "" removes the
// policy, as AWS does, instead of keeping an empty one.
func TestSDKEmptyPolicyRemovesIt(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "q", map[string]string{"Policy": `{"Version":"2012-10-17","Statement":[]}`})
	if _, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: map[string]string{"Policy": ""}}); err != nil {
		t.Fatal(err)
	}
	out, err := e.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: []types.QueueAttributeName{"All"}})
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := out.Attributes["Policy"]; ok {
		t.Errorf("Policy = %q after setting it to \"\", want no Policy attribute", p)
	}
}
