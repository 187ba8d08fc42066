package sqslocal_test

import (
	"context"
	"encoding/xml"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
)

// The tests in this file hold the endpoint to answers AWS itself gave:
// LocalStack records real AWS responses for its AWS-validated tests in
// tests/aws/services/sqs/test_sqs.snapshot.json (LocalStack commit 8b9a79f);
// each case names the test whose recording it follows.

// TestRecordedErrors checks codes, messages and statuses of refusals.
func TestRecordedErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	std := e.createQueue(t, "std", nil)
	fifo := e.createQueue(t, "f.fifo", map[string]string{"FifoQueue": "true"})
	tests := []struct {
		name, snapshot, code, message string
		status                        int
		call                          func() error
	}{
		{"empty group ID on a standard queue", "test_send_message_to_standard_queue_with_invalid_message_group_id[empty]", "InvalidParameterValue",
			"Value  for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.", 400,
			func() error {
				_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &std, MessageBody: aws.String("m"), MessageGroupId: aws.String("")})
				return err
			}},
		{"group ID with a space", "test_send_message_to_standard_queue_with_invalid_message_group_id[spaces]", "InvalidParameterValue",
			"Value group 123 for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.", 400,
			func() error {
				_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &std, MessageBody: aws.String("m"), MessageGroupId: aws.String("group 123")})
				return err
			}},
		{"empty deduplication ID", "test_message_deduplication_id_invalid[empty]", "InvalidParameterValue",
			"Value  for parameter MessageDeduplicationId is invalid. Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.", 400,
			func() error {
				_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &fifo, MessageBody: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("")})
				return err
			}},
		{"FIFO batch entry without deduplication ID", "test_send_batch_missing_deduplication_id_for_fifo_queue[sqs]", "InvalidParameterValue",
			"The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly", 400,
			func() error {
				_, err := e.sqs.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: &fifo, Entries: []types.SendMessageBatchRequestEntry{
					{Id: aws.String("a"), MessageBody: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d")},
					{Id: aws.String("b"), MessageBody: aws.String("m"), MessageGroupId: aws.String("g")},
				}})
				return err
			}},
		{"FifoQueue false on a standard queue", "test_create_standard_queue_with_fifo_attribute_raises_error[sqs]", "InvalidAttributeName",
			"Unknown Attribute FifoQueue.", 400,
			func() error {
				_, err := e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("plain"), Attributes: map[string]string{"FifoQueue": "false"}})
				return err
			}},
		{"DeduplicationScope on a standard queue", "test_create_standard_queue_with_fifo_attribute_raises_error[sqs]", "InvalidAttributeName",
			"You can specify the DeduplicationScope only when FifoQueue is set to true.", 400,
			func() error {
				_, err := e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("plain"), Attributes: map[string]string{"DeduplicationScope": "queue"}})
				return err
			}},
		{"setting FifoQueue on a standard queue", "test_set_unsupported_attribute_standard[sqs]", "InvalidAttributeName",
			"Unknown Attribute FifoQueue.", 400,
			func() error {
				_, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &std, Attributes: map[string]string{"FifoQueue": "true"}})
				return err
			}},
		{"turning a FIFO queue standard", "test_set_unsupported_attribute_fifo[sqs]", "InvalidAttributeValue",
			"Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.", 400,
			func() error {
				_, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &fifo, Attributes: map[string]string{"FifoQueue": "false"}})
				return err
			}},
		{"KMS and SQS encryption at once", "test_sse_kms_and_sqs_are_mutually_exclusive[sqs]", "InvalidAttributeName",
			"You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.", 400,
			func() error {
				_, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &std, Attributes: map[string]string{"KmsMasterKeyId": "testKeyId", "SqsManagedSseEnabled": "true"}})
				return err
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assertAPIError(t, tc.call(), tc.code, tc.message, tc.status, tc.snapshot)
		})
	}
}

// assertAPIError checks err's code, message and HTTP status.
func assertAPIError(tb testing.TB, err error, code, message string, status int, snapshot string) {
	tb.Helper()
	var apiErr smithy.APIError
	var re *awshttp.ResponseError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != code || apiErr.ErrorMessage() != message {
		tb.Errorf("error = %v\nwant %s %q (AWS's answer in %s)", err, code, message, snapshot)
		return
	}
	if !errors.As(err, &re) || re.HTTPStatusCode() != status {
		tb.Errorf("status of %v, want %d (AWS's answer in %s)", err, status, snapshot)
	}
}

// TestRecordedPurgeInterval: a second purge within a minute is refused
// with 403 PurgeQueueInProgress (test_successive_purge_calls_fail[sqs]);
// after a minute purging works again.
func TestRecordedPurgeInterval(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "purged", nil)
	purge := func() error {
		_, err := e.sqs.PurgeQueue(ctx, &sqs.PurgeQueueInput{QueueUrl: &url})
		return err
	}
	if err := purge(); err != nil {
		t.Fatalf("first PurgeQueue: %v", err)
	}
	e.clock.Advance(59 * time.Second)
	assertAPIError(t, purge(), "AWS.SimpleQueueService.PurgeQueueInProgress",
		"Only one PurgeQueue operation on purged is allowed every 60 seconds.", http.StatusForbidden, "test_successive_purge_calls_fail[sqs]")
	e.clock.Advance(time.Second)
	if err := purge(); err != nil {
		t.Errorf("PurgeQueue a minute after the first: %v", err)
	}
}

// TestRecordedExpiredFIFOHandle: on a FIFO queue a receipt handle whose
// visibility timeout has run out no longer deletes
// (test_fifo_delete_after_visibility_timeout[sqs]); one whose timeout was
// extended still does (test_fifo_delete_after_visibility_timeout_extended).
// Standard queues delete with either (test_delete_after_visibility_timeout).
func TestRecordedExpiredFIFOHandle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	attrs := map[string]string{"FifoQueue": "True", "ContentBasedDeduplication": "True", "VisibilityTimeout": "1"}
	fifo := e.createQueue(t, "late.fifo", attrs)
	for _, body := range []string{"expires", "extended"} {
		if _, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &fifo, MessageBody: aws.String(body), MessageGroupId: aws.String(body)}); err != nil {
			t.Fatalf("SendMessage: %v", err)
		}
	}
	out, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &fifo, MaxNumberOfMessages: 10})
	if err != nil || len(out.Messages) != 2 {
		t.Fatalf("ReceiveMessage: %d messages, %v; want 2", len(out.Messages), err)
	}
	handles := map[string]*string{}
	for _, m := range out.Messages {
		handles[aws.ToString(m.Body)] = m.ReceiptHandle
	}
	e.changeVisibility(t, fifo, handles["extended"], 5)
	e.clock.Advance(1500 * time.Millisecond)
	_, err = e.sqs.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: &fifo, ReceiptHandle: handles["expires"]})
	assertAPIError(t, err, "InvalidParameterValue",
		"Value "+aws.ToString(handles["expires"])+" for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.", 400,
		"test_fifo_delete_after_visibility_timeout[sqs]")
	e.deleteHandle(t, fifo, handles["extended"])

	std := e.createQueue(t, "late", map[string]string{"VisibilityTimeout": "1"})
	e.send(t, std, "m")
	m := e.receiveOne(t, std)
	e.clock.Advance(1500 * time.Millisecond)
	e.deleteHandle(t, std, m.ReceiptHandle)
	if n := e.receiveCount(t, std); n != 0 {
		t.Errorf("standard queue after deleting with an expired handle: %d messages, want 0", n)
	}
}

// TestRecordedJSONErrorTypes: over the JSON protocol AWS names the two
// generic errors ...Exception in __type while x-amzn-query-error keeps the
// code SDKs report; botocore shows the type as QueryErrorCode
// (test_send_receive_max_number_of_messages[sqs], test_send_empty_message[sqs]).
func TestRecordedJSONErrorTypes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	url := e.createQueue(t, "types", nil)
	tests := []struct {
		name, op, body, wantType, wantQuery string
	}{
		{"invalid parameter", "ReceiveMessage", `{"QueueUrl":"` + url + `","MaxNumberOfMessages":11}`,
			"InvalidParameterValueException", "InvalidParameterValue;Sender"},
		{"missing parameter", "SendMessage", `{"QueueUrl":"` + url + `","MessageBody":""}`,
			"MissingRequiredParameterException", "MissingParameter;Sender"},
		{"modeled error", "GetQueueUrl", `{"QueueName":"nope"}`,
			"QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue;Sender"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, header, doc := e.jsonCall(t, tc.op, tc.body)
			if status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", status)
			}
			if got, _ := doc["__type"].(string); !strings.HasSuffix(got, "#"+tc.wantType) {
				t.Errorf("__type %q, want ...#%s", got, tc.wantType)
			}
			if got := header.Get("X-Amzn-Query-Error"); got != tc.wantQuery {
				t.Errorf("x-amzn-query-error %q, want %q", got, tc.wantQuery)
			}
		})
	}
}

// TestRecordedQueryWordings: over the query protocol AWS words a missing
// queue differently from the JSON protocol (test_non_existent_queue,
// queue-does-not-exist-query), counts every entry of an oversized batch
// (test_too_many_entries_in_batch_request[sqs_query]) and refuses the
// service's own actions at a queue's URL (AWS-validated
// test_get_list_queues_fails, test_get_create_queue_fails).
func TestRecordedQueryWordings(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	queue := e.createQueue(t, "q", nil)
	batch := values("Action", "SendMessageBatch", "QueueUrl", queue)
	for i := 1; i <= 20; i++ {
		n := strconv.Itoa(i)
		batch.Set("SendMessageBatchRequestEntry."+n+".Id", "message-"+n)
		batch.Set("SendMessageBatchRequestEntry."+n+".MessageBody", "messageBody-"+n)
	}
	tests := []struct {
		name, path    string
		params        url.Values
		code, message string
	}{
		{"missing queue", "/", values("Action", "GetQueueAttributes", "QueueUrl", e.srv.URL+"/"+account+"/gone"),
			"AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist for this wsdl version."},
		{"twenty entries", "/", batch,
			"AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "Maximum number of entries per request are 10. You have sent 20."},
		{"ListQueues sent to a queue's URL", "/" + account + "/q", values("Action", "ListQueues"),
			"InvalidAction", "The action ListQueues is not valid for this endpoint."},
		{"CreateQueue sent to a queue's URL", "/" + account + "/q", values("Action", "CreateQueue", "QueueName", "other"),
			"InvalidAction", "The action CreateQueue is not valid for this endpoint."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, body := e.query(t, tc.path, tc.params)
			var doc queryError
			if err := xml.Unmarshal(body, &doc); err != nil || status != http.StatusBadRequest {
				t.Fatalf("status %d, body %s (%v)", status, body, err)
			}
			if doc.Error.Code != tc.code || doc.Error.Message != tc.message {
				t.Errorf("error %s %q, want %s %q", doc.Error.Code, doc.Error.Message, tc.code, tc.message)
			}
		})
	}
}

// TestRecordedQueueDeletedRecently: a queue's name cannot be used again
// for a minute after DeleteQueue (LocalStack's AWS-validated
// test_create_queue_recently_deleted asserts the code and this message).
func TestRecordedQueueDeletedRecently(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	queue := e.createQueue(t, "again", nil)
	if _, err := e.sqs.DeleteQueue(ctx, &sqs.DeleteQueueInput{QueueUrl: &queue}); err != nil {
		t.Fatalf("DeleteQueue: %v", err)
	}
	e.clock.Advance(59 * time.Second)
	_, err := e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("again")})
	assertAPIError(t, err, "AWS.SimpleQueueService.QueueDeletedRecently",
		"You must wait 60 seconds after deleting a queue before you can create another with the same name.", 400, "test_create_queue_recently_deleted")
	e.clock.Advance(time.Second)
	e.createQueue(t, "again", nil)
}
