package sqslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// regionClient is the real SDK client for another region, on e's endpoint.
func (e *env) regionClient(region string) *sqs.Client {
	return sqs.New(sqs.Options{
		Region: region, BaseEndpoint: aws.String(e.srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDLOCAL", "secret", ""),
	})
}

// TestRegionsKeepTheirOwnQueues checks that queues are per region, as in
// AWS: the region a request is signed for is the one it sees, and ARNs
// carry that region and its partition.
func TestRegionsKeepTheirOwnQueues(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	eu, cn := e.regionClient("eu-west-1"), e.regionClient("cn-north-1")
	euURL := createIn(t, eu, "orders", map[string]string{"VisibilityTimeout": "45"})
	usURL := e.createQueue(t, "orders", nil) // the same name, another region: no conflict
	createIn(t, cn, "orders", nil)
	for _, tc := range []struct {
		client  *sqs.Client
		arn, vt string
	}{
		{eu, "arn:aws:sqs:eu-west-1:" + account + ":orders", "45"},
		{e.sqs, "arn:aws:sqs:us-east-1:" + account + ":orders", "30"},
		{cn, "arn:aws-cn:sqs:cn-north-1:" + account + ":orders", "30"},
	} {
		out, err := tc.client.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: &euURL, AttributeNames: []types.QueueAttributeName{"All"}})
		if err != nil {
			t.Fatalf("GetQueueAttributes in %s: %v", tc.client.Options().Region, err)
		}
		if got := [2]string{out.Attributes["QueueArn"], out.Attributes["VisibilityTimeout"]}; got != [2]string{tc.arn, tc.vt} {
			t.Errorf("in %s the queue is %v, want %v", tc.client.Options().Region, got, [2]string{tc.arn, tc.vt})
		}
	}
	e.send(t, usURL, "for us-east-1")
	if got := e.counts(t, usURL)[0]; got != "1" {
		t.Fatalf("us-east-1 queue holds %s, want 1", got)
	}
	if out, err := eu.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &euURL}); err != nil || len(out.Messages) != 0 {
		t.Errorf("eu-west-1 received %v (%v), want nothing: the message went to us-east-1", out, err)
	}
	createIn(t, eu, "eu-only", nil)
	_, err := e.sqs.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("eu-only")})
	if got := apiCode(err); got != "AWS.SimpleQueueService.NonExistentQueue" {
		t.Errorf("GetQueueUrl from us-east-1 of an eu-west-1 queue: code %q (%v), want NonExistentQueue", got, err)
	}
	list, err := e.sqs.ListQueues(ctx, &sqs.ListQueuesInput{})
	if err != nil || len(list.QueueUrls) != 1 {
		t.Errorf("ListQueues in us-east-1 = %v (%v), want only its own queue", list.QueueUrls, err)
	}
	// An ARN names its region, so a redrive policy cannot cross regions by accident.
	_, err = e.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: &usURL, Attributes: map[string]string{
		"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:` + account + `:eu-only","maxReceiveCount":1}`,
	}})
	if got := apiCode(err); got != "InvalidParameterValue" {
		t.Errorf("dead-letter queue in another region: code %q (%v), want InvalidParameterValue", got, err)
	}
}

func createIn(tb testing.TB, c *sqs.Client, name string, attrs map[string]string) string {
	tb.Helper()
	out, err := c.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	if err != nil {
		tb.Fatalf("CreateQueue %s in %s: %v", name, c.Options().Region, err)
	}
	return aws.ToString(out.QueueUrl)
}
