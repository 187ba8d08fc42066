package stack

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

func inProcessSQS(tb testing.TB) *sqs.Client {
	tb.Helper()
	ep := awsendpoint.New(awsendpoint.Config{BaseURL: "http://127.0.0.1:4566"})
	return sqs.NewFromConfig(aws.Config{
		Region: "us-east-1", BaseEndpoint: aws.String("http://127.0.0.1:4566"),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
		HTTPClient:  &http.Client{Transport: inProcess{handler: ep}},
	})
}

func TestInProcessTransportCarriesRequestsAndErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	client := inProcessSQS(t)
	q, err := client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("q")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("hello")}); err != nil {
		t.Fatalf("SendMessage (the SDK checks the body's MD5): %v", err)
	}
	out, err := client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	if err != nil || len(out.Messages) != 1 || aws.ToString(out.Messages[0].Body) != "hello" {
		t.Fatalf("ReceiveMessage = %+v, %v", out, err)
	}
	_, err = client.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("missing")})
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "AWS.SimpleQueueService.NonExistentQueue" && apiErr.ErrorCode() != "QueueDoesNotExist" {
		t.Fatalf("GetQueueUrl of a missing queue = %v, want QueueDoesNotExist", err)
	}
}

func TestInProcessTransportCancelsLongPolls(t *testing.T) {
	t.Parallel()
	client := inProcessSQS(t)
	q, err := client.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("idle")})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, WaitTimeSeconds: 20})
	if err == nil {
		t.Fatal("a cancelled long poll succeeded")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("cancelled long poll returned after %s", took)
	}
}
