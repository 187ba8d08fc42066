package localaws_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/localaws"
)

// A task that failed because the queue it sends to did not exist yet
// succeeds once the queue is there and the execution is redriven, without
// running the states before it again: the use the developer guide's
// "Redriving executions" page gives for redrive.
func TestRedriveAfterTheMissingQueueIsCreated(t *testing.T) {
	t.Parallel()
	ep := localaws.Start(t, localaws.Options{})
	cfg := ep.AWSConfig()
	queues, machines := sqs.NewFromConfig(cfg), sfn.NewFromConfig(cfg)
	ctx := context.Background()
	queueURL := ep.URL + "/123456789012/late-orders"
	def := `{"StartAt":"Stamp","States":{
		"Stamp":{"Type":"Pass","Parameters":{"order.$":"$.order","stamped":true},"Next":"Enqueue"},
		"Enqueue":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
			"Parameters":{"QueueUrl":"` + queueURL + `","MessageBody.$":"$"},"ResultPath":null,"End":true}}}`
	m, err := machines.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("enqueue"),
		Definition: aws.String(def), RoleArn: aws.String("arn:aws:iam::123456789012:role/sfn")})
	if err != nil {
		t.Fatal(err)
	}
	x, err := machines.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: m.StateMachineArn, Input: aws.String(`{"order":"o-1"}`)})
	if err != nil {
		t.Fatal(err)
	}
	if d := waitEnded(t, machines, x.ExecutionArn); d.Status != types.ExecutionStatusFailed || aws.ToString(d.Error) != "SQS.QueueDoesNotExistException" {
		t.Fatalf("with no queue: %s %s, want FAILED with SQS.QueueDoesNotExistException", d.Status, aws.ToString(d.Error))
	}

	q, err := queues.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("late-orders")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(q.QueueUrl) != queueURL {
		t.Fatalf("queue URL %s, the definition names %s", aws.ToString(q.QueueUrl), queueURL)
	}
	if _, err := machines.RedriveExecution(ctx, &sfn.RedriveExecutionInput{ExecutionArn: x.ExecutionArn}); err != nil {
		t.Fatal(err)
	}
	if d := waitEnded(t, machines, x.ExecutionArn); d.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("redriven: %s (%s), want SUCCEEDED", d.Status, aws.ToString(d.Cause))
	}
	got, err := queues.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != 1 || aws.ToString(got.Messages[0].Body) != `{"order":"o-1","stamped":true}` {
		t.Fatalf("queue holds %d messages (%v), want the one order", len(got.Messages), got.Messages)
	}
	h, err := machines.GetExecutionHistory(ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: x.ExecutionArn, MaxResults: 1000})
	if err != nil {
		t.Fatal(err)
	}
	stamps := 0
	for _, e := range h.Events {
		if e.StateEnteredEventDetails != nil && aws.ToString(e.StateEnteredEventDetails.Name) == "Stamp" {
			stamps++
		}
	}
	if stamps != 1 {
		t.Errorf("Stamp entered %d times, want once", stamps)
	}
}

// waitEnded polls DescribeExecution until the execution leaves RUNNING.
func waitEnded(tb testing.TB, c *sfn.Client, arn *string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(2 * time.Millisecond) {
		d, err := c.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: arn})
		if err != nil {
			tb.Fatal(err)
		}
		if d.Status != types.ExecutionStatusRunning {
			return d
		}
		if time.Now().After(deadline) {
			tb.Fatal("the execution is still RUNNING after 10 s")
		}
	}
}
