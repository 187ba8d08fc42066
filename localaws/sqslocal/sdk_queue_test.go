package sqslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"
)

func TestSDKQueueLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "orders", map[string]string{"VisibilityTimeout": "60"})
	if want := e.srv.URL + "/" + account + "/orders"; url != want {
		t.Fatalf("QueueUrl = %q, want %q", url, want)
	}
	again := e.createQueue(t, "orders", map[string]string{"VisibilityTimeout": "60"})
	if again != url {
		t.Fatalf("idempotent CreateQueue = %q, want %q", again, url)
	}
	_, err := e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("orders"), Attributes: map[string]string{"VisibilityTimeout": "61"}})
	if got := apiCode(err); got != "QueueAlreadyExists" {
		t.Fatalf("conflicting CreateQueue code = %q (%v), want QueueAlreadyExists", got, err)
	}
	got, err := e.sqs.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("orders")})
	if err != nil || aws.ToString(got.QueueUrl) != url {
		t.Fatalf("GetQueueUrl = %v, %v", got, err)
	}
	for _, name := range []string{"orders-dlq", "payments", "orders-2"} {
		e.createQueue(t, name, nil)
	}
	list, err := e.sqs.ListQueues(ctx, &sqs.ListQueuesInput{QueueNamePrefix: aws.String("orders")})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{url, e.srv.URL + "/" + account + "/orders-2", e.srv.URL + "/" + account + "/orders-dlq"}
	if diff := cmp.Diff(want, list.QueueUrls); diff != "" {
		t.Fatalf("ListQueues (-want +got):\n%s", diff)
	}
	var paged []string
	p := sqs.NewListQueuesPaginator(e.sqs, &sqs.ListQueuesInput{MaxResults: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.QueueUrls) > 1 {
			t.Fatalf("page of %d with MaxResults 1", len(page.QueueUrls))
		}
		paged = append(paged, page.QueueUrls...)
	}
	if len(paged) != 4 {
		t.Fatalf("paged ListQueues returned %d queues, want 4: %v", len(paged), paged)
	}
	if _, err := e.sqs.DeleteQueue(ctx, &sqs.DeleteQueueInput{QueueUrl: aws.String(url)}); err != nil {
		t.Fatal(err)
	}
	_, err = e.sqs.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("orders")})
	var missing *types.QueueDoesNotExist
	if !errorsAs(err, &missing) {
		t.Fatalf("GetQueueUrl after delete: %v, want QueueDoesNotExist", err)
	}
	if got := apiCode(err); got != "AWS.SimpleQueueService.NonExistentQueue" {
		t.Fatalf("error code = %q, want the query-compatible AWS.SimpleQueueService.NonExistentQueue", got)
	}
}

func TestSDKQueueAttributes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	dlq := e.createQueue(t, "work-dlq", nil)
	url := e.createQueue(t, "work", map[string]string{"DelaySeconds": "5", "MaximumMessageSize": "2048"})
	policy := `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:work-dlq","maxReceiveCount":"3"}`
	_, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: aws.String(url), Attributes: map[string]string{
		"RedrivePolicy": policy, "Policy": `{"Version":"2012-10-17"}`, "ReceiveMessageWaitTimeSeconds": "4",
	}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := e.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: aws.String(url), AttributeNames: []types.QueueAttributeName{"All"}})
	if err != nil {
		t.Fatal(err)
	}
	created := out.Attributes["CreatedTimestamp"]
	want := map[string]string{
		"ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0", "ApproximateNumberOfMessagesDelayed": "0",
		"CreatedTimestamp": "1772366400", "LastModifiedTimestamp": "1772366400",
		"QueueArn":          "arn:aws:sqs:us-east-1:123456789012:work",
		"VisibilityTimeout": "30", "DelaySeconds": "5", "MessageRetentionPeriod": "345600", "MaximumMessageSize": "2048",
		"ReceiveMessageWaitTimeSeconds": "4", "Policy": `{"Version":"2012-10-17"}`,
		"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:work-dlq","maxReceiveCount":3}`,
		// New queues use SQS-managed encryption (see defaultSettings).
		"SqsManagedSseEnabled": "true",
	}
	if diff := cmp.Diff(want, out.Attributes); diff != "" {
		t.Fatalf("GetQueueAttributes All (-want +got), created %s:\n%s", created, diff)
	}
	one, err := e.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: aws.String(dlq), AttributeNames: []types.QueueAttributeName{"QueueArn"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"QueueArn": "arn:aws:sqs:us-east-1:123456789012:work-dlq"}, one.Attributes); diff != "" {
		t.Fatalf("GetQueueAttributes QueueArn (-want +got):\n%s", diff)
	}
	tests := []struct {
		name  string
		attrs map[string]string
		code  string
	}{
		{"unknown attribute", map[string]string{"Colour": "blue"}, "InvalidAttributeName"},
		{"one MiB messages", map[string]string{"MaximumMessageSize": "1048576"}, ""},
		{"over one MiB", map[string]string{"MaximumMessageSize": "1048577"}, "InvalidAttributeValue"},
		{"FIFO-only attribute", map[string]string{"ContentBasedDeduplication": "true"}, "InvalidAttributeName"},
		{"FifoQueue is fixed", map[string]string{"FifoQueue": "true"}, "InvalidAttributeName"},
		{"visibility too long", map[string]string{"VisibilityTimeout": "43201"}, "InvalidAttributeValue"},
		{"not a number", map[string]string{"DelaySeconds": "soon"}, "InvalidAttributeValue"},
		{"missing dead-letter target", map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:nope","maxReceiveCount":3}`}, "InvalidParameterValue"},
		{"bad maxReceiveCount", map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:work-dlq","maxReceiveCount":0}`}, "InvalidParameterValue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: aws.String(url), Attributes: tc.attrs})
			if got := apiCode(err); got != tc.code {
				t.Fatalf("code = %q (%v), want %q", got, err, tc.code)
			}
		})
	}
	_, err = e.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: aws.String(url), AttributeNames: []types.QueueAttributeName{"Bogus"}})
	if got := apiCode(err); got != "InvalidAttributeName" {
		t.Fatalf("GetQueueAttributes Bogus code = %q, want InvalidAttributeName", got)
	}
}

func TestSDKTags(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	out, err := e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("tagged"), Tags: map[string]string{"team": "payments"}})
	if err != nil {
		t.Fatal(err)
	}
	url := out.QueueUrl
	if _, err := e.sqs.TagQueue(ctx, &sqs.TagQueueInput{QueueUrl: url, Tags: map[string]string{"env": "local", "tmp": "x"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sqs.UntagQueue(ctx, &sqs.UntagQueueInput{QueueUrl: url, TagKeys: []string{"tmp"}}); err != nil {
		t.Fatal(err)
	}
	tags, err := e.sqs.ListQueueTags(ctx, &sqs.ListQueueTagsInput{QueueUrl: url})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"team": "payments", "env": "local"}, tags.Tags); diff != "" {
		t.Fatalf("ListQueueTags (-want +got):\n%s", diff)
	}
}
