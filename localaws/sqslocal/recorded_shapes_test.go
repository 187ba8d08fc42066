package sqslocal_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"
)

// The tests in this file hold attribute values and answer shapes to AWS's
// recordings in LocalStack's tests/aws/services/sqs/test_sqs.snapshot.json
// (see recorded_errors_test.go).

// TestRecordedEncryptionAttributes follows a queue's encryption settings
// through test_set_queue_attributes_default_values[sqs] and
// test_sse_queue_attributes[sqs]: SQS-managed by default, off once a KMS
// key is set, and the KMS attributes gone once the key is emptied.
func TestRecordedEncryptionAttributes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "sse", nil)
	names := []types.QueueAttributeName{"KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled"}
	steps := []struct {
		name string
		set  map[string]string
		want map[string]string
	}{
		{"new queue", nil, map[string]string{"SqsManagedSseEnabled": "true"}},
		{"KMS key set", map[string]string{"KmsMasterKeyId": "testKeyId", "KmsDataKeyReusePeriodSeconds": "6000"},
			map[string]string{"KmsMasterKeyId": "testKeyId", "KmsDataKeyReusePeriodSeconds": "6000", "SqsManagedSseEnabled": "false"}},
		{"KMS key emptied", map[string]string{"KmsMasterKeyId": "", "KmsDataKeyReusePeriodSeconds": "300"},
			map[string]string{"SqsManagedSseEnabled": "false"}},
		{"SQS encryption again", map[string]string{"SqsManagedSseEnabled": "True"}, map[string]string{"SqsManagedSseEnabled": "true"}},
	}
	for _, step := range steps {
		if step.set != nil {
			if _, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: step.set}); err != nil {
				t.Fatalf("%s: SetQueueAttributes: %v", step.name, err)
			}
		}
		out, err := e.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: names})
		if err != nil {
			t.Fatalf("%s: GetQueueAttributes: %v", step.name, err)
		}
		if diff := cmp.Diff(step.want, out.Attributes); diff != "" {
			t.Errorf("%s: attributes (-AWS +ours):\n%s", step.name, diff)
		}
	}
}

// TestRecordedTraceHeader: SendMessage keeps the request's X-Amzn-Trace-Id
// as the message's AWSTraceHeader (test_aws_trace_header_propagation[sqs]).
func TestRecordedTraceHeader(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	url := e.createQueue(t, "traced", nil)
	const trace = "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1"
	if status, _, doc := e.jsonCall(t, "SendMessage", `{"QueueUrl":"`+url+`","MessageBody":"test"}`, "X-Amzn-Trace-Id", trace); status != 200 {
		t.Fatalf("SendMessage: %d %v", status, doc)
	}
	m := e.receiveOne(t, url)
	if got := m.Attributes["AWSTraceHeader"]; got != trace {
		t.Errorf("AWSTraceHeader = %q, want the request's X-Amzn-Trace-Id %q", got, trace)
	}
}

// TestRecordedAttributeWildcard: "*" among MessageAttributeNames selects
// every message attribute, as "All" and ".*" do
// (test_receive_message_message_attribute_names_filters[sqs], all_wildcard_asterisk).
func TestRecordedAttributeWildcard(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "attrs", nil)
	attrs := map[string]types.MessageAttributeValue{
		"Hello":   {DataType: aws.String("String"), StringValue: aws.String("There")},
		"Help.Me": {DataType: aws.String("String"), StringValue: aws.String("Me")},
	}
	if _, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("msg"), MessageAttributes: attrs}); err != nil {
		t.Fatalf("SendMessage: %v", err)
	}
	out, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, MessageAttributeNames: []string{"*"}})
	if err != nil || len(out.Messages) != 1 {
		t.Fatalf("ReceiveMessage: %v (%d messages)", err, len(out.Messages))
	}
	if got := len(out.Messages[0].MessageAttributes); got != 2 {
		t.Errorf("received %d message attributes for \"*\", want 2", got)
	}
}

// TestRecordedBatchShapes: a SendMessageBatch whose entries all succeed
// has no Failed member
// (test_send_message_batch_with_oversized_contents_with_updated_maximum_message_size[sqs]),
// and an entry over the queue's MaximumMessageSize fails with the batch
// wording (test_send_batch_message_size).
func TestRecordedBatchShapes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	url := e.createQueue(t, "batch", map[string]string{"MaximumMessageSize": "1024"})
	_, _, doc := e.jsonCall(t, "SendMessageBatch", `{"QueueUrl":"`+url+`","Entries":[{"Id":"1","MessageBody":"a"},{"Id":"2","MessageBody":"b"}]}`)
	if _, ok := doc["Failed"]; ok {
		t.Errorf("all entries sent, answer still has Failed: %v", doc)
	}
	out, err := e.sqs.SendMessageBatch(context.Background(), &sqs.SendMessageBatchInput{QueueUrl: &url, Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String("fits"), MessageBody: aws.String(strings.Repeat("a", 1024))},
		{Id: aws.String("big"), MessageBody: aws.String(strings.Repeat("a", 1025))},
	}})
	if err != nil {
		t.Fatalf("SendMessageBatch: %v", err)
	}
	want := []types.BatchResultErrorEntry{{Id: aws.String("big"), SenderFault: true, Code: aws.String("InvalidParameterValue"),
		Message: aws.String("One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.")}}
	if diff := cmp.Diff(want, out.Failed, cmp.AllowUnexported(types.BatchResultErrorEntry{})); diff != "" || len(out.Successful) != 1 {
		t.Errorf("Failed (-AWS +ours):\n%s\nSuccessful: %d, want 1", diff, len(out.Successful))
	}
}

// TestRecordedSelfRedrive: AWS lets a queue name itself as its dead-letter
// queue (test_set_empty_redrive_policy[sqs]); messages then simply stay.
func TestRecordedSelfRedrive(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "loop", map[string]string{"VisibilityTimeout": "0"})
	policy := `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:loop","maxReceiveCount":"1"}`
	if _, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: map[string]string{"RedrivePolicy": policy}}); err != nil {
		t.Fatalf("SetQueueAttributes of a self-redrive: %v", err)
	}
	e.send(t, url, "m")
	for i := range 3 {
		out, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url})
		if err != nil || len(out.Messages) != 1 {
			t.Fatalf("receive %d: %v (%d messages), want the message again", i+1, err, len(out.Messages))
		}
	}
}

// TestRecordedRequeueOrder: on a standard queue a message whose visibility
// timeout ran out is received before one sent while it was in flight
// (test_inflight_message_requeue, AWS-validated).
func TestRecordedRequeueOrder(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "requeue", nil)
	e.send(t, url, "test1")
	if _, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, VisibilityTimeout: 3}); err != nil {
		t.Fatalf("ReceiveMessage: %v", err)
	}
	e.clock.Advance(1500 * time.Millisecond)
	e.send(t, url, "test2")
	e.clock.Advance(3 * time.Second)
	out, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, VisibilityTimeout: 3})
	if err != nil || len(out.Messages) != 1 {
		t.Fatalf("ReceiveMessage: %v (%d messages)", err, len(out.Messages))
	}
	if got := aws.ToString(out.Messages[0].Body); got != "test1" {
		t.Errorf("received %q first, want the requeued test1", got)
	}
}
