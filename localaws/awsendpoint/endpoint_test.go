package awsendpoint_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// clients are the real SDK clients pointed at one local endpoint.
type clients struct {
	sqs *sqs.Client
	sns *sns.Client
	sfn *sfn.Client
	kms *kms.Client
}

func newEndpoint(tb testing.TB) clients {
	tb.Helper()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	tb.Cleanup(srv.Close)
	cfg := aws.Config{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
	}
	return clients{sqs.NewFromConfig(cfg), sns.NewFromConfig(cfg), sfn.NewFromConfig(cfg), kms.NewFromConfig(cfg)}
}

// definition waits for a callback through a queue, then publishes the
// callback's output to a topic.
const definition = `{
  "StartAt": "Ask",
  "States": {
    "Ask": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters": {
        "QueueUrl": "QUEUE_URL",
        "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"},
        "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "payment"}}
      },
      "Next": "Tell"
    },
    "Tell": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sns:publish",
      "Parameters": {"TopicArn": "TOPIC_ARN", "Message.$": "$", "Subject": "done"},
      "ResultSelector": {"published.$": "$.MessageId"},
      "End": true
    }
  }
}`

func TestStepFunctionsTasksReachQueuesAndTopics(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newEndpoint(t)
	work, err := c.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("work")})
	if err != nil {
		t.Fatal(err)
	}
	notes, err := c.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("notes")})
	if err != nil {
		t.Fatal(err)
	}
	topic, err := c.sns.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("outcomes")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.sns.Subscribe(ctx, &sns.SubscribeInput{
		TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:123456789012:notes"),
	})
	if err != nil {
		t.Fatal(err)
	}
	def := strings.NewReplacer("QUEUE_URL", aws.ToString(work.QueueUrl), "TOPIC_ARN", aws.ToString(topic.TopicArn)).Replace(definition)
	sm, err := c.sfn.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("flow"), Definition: aws.String(def), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
	})
	if err != nil {
		t.Fatal(err)
	}
	exec, err := c.sfn.StartExecution(ctx, &sfn.StartExecutionInput{
		StateMachineArn: sm.StateMachineArn, Name: aws.String("o-1"), Input: aws.String(`{"order":"o-1"}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	msg := receiveOne(t, c.sqs, aws.ToString(work.QueueUrl))
	var body struct{ Token, Order string }
	if err := json.Unmarshal([]byte(aws.ToString(msg.Body)), &body); err != nil {
		t.Fatalf("message body %q: %v", aws.ToString(msg.Body), err)
	}
	if body.Order != "o-1" || body.Token == "" {
		t.Fatalf("message body = %+v", body)
	}
	if got := aws.ToString(msg.MessageAttributes["kind"].StringValue); got != "payment" {
		t.Errorf("message attribute kind = %q", got)
	}
	if _, err := c.sfn.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(body.Token), Output: aws.String(`{"paid":true}`)}); err != nil {
		t.Fatal(err)
	}
	note := receiveOne(t, c.sqs, aws.ToString(notes.QueueUrl))
	var envelope struct{ Type, Subject, Message string }
	if err := json.Unmarshal([]byte(aws.ToString(note.Body)), &envelope); err != nil {
		t.Fatalf("notification %q: %v", aws.ToString(note.Body), err)
	}
	want := struct{ Type, Subject, Message string }{"Notification", "done", `{"paid":true}`}
	if diff := cmp.Diff(want, envelope); diff != "" {
		t.Errorf("notification (-want +got):\n%s", diff)
	}
	desc := waitDone(t, c.sfn, aws.ToString(exec.ExecutionArn))
	if desc.Status != sfntypes.ExecutionStatusSucceeded || !strings.Contains(aws.ToString(desc.Output), `"published"`) {
		t.Errorf("execution %s output %s", desc.Status, aws.ToString(desc.Output))
	}
}

func TestTaskErrorsNameTheService(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newEndpoint(t)
	def := `{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
	  "Parameters":{"QueueUrl":"http://x/123456789012/missing","MessageBody":"hi"},"End":true}}}`
	sm, err := c.sfn.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("broken"), Definition: aws.String(def), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
	})
	if err != nil {
		t.Fatal(err)
	}
	exec, err := c.sfn.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: aws.String(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	desc := waitDone(t, c.sfn, aws.ToString(exec.ExecutionArn))
	if desc.Status != sfntypes.ExecutionStatusFailed || aws.ToString(desc.Error) != "SQS.QueueDoesNotExistException" {
		t.Errorf("execution %s error %q cause %q", desc.Status, aws.ToString(desc.Error), aws.ToString(desc.Cause))
	}
}

func TestKMSThroughTheEndpoint(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newEndpoint(t)
	key, err := c.kms.CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	enc, err := c.kms.Encrypt(ctx, &kms.EncryptInput{KeyId: key.KeyMetadata.KeyId, Plaintext: []byte("secret")})
	if err != nil {
		t.Fatal(err)
	}
	dec, err := c.kms.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: enc.CiphertextBlob})
	if err != nil || string(dec.Plaintext) != "secret" {
		t.Fatalf("Decrypt = %q, %v", dec.Plaintext, err)
	}
}

func receiveOne(tb testing.TB, c *sqs.Client, url string) sqstypes.Message {
	tb.Helper()
	out, err := c.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{
		QueueUrl: aws.String(url), WaitTimeSeconds: 5, MessageAttributeNames: []string{"All"},
	})
	if err != nil {
		tb.Fatalf("ReceiveMessage: %v", err)
	}
	if len(out.Messages) != 1 {
		tb.Fatalf("received %d messages from %s, want 1", len(out.Messages), url)
	}
	return out.Messages[0]
}

func waitDone(tb testing.TB, c *sfn.Client, arn string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, err := c.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: aws.String(arn)})
		if err != nil {
			tb.Fatal(err)
		}
		if out.Status != sfntypes.ExecutionStatusRunning || time.Now().After(deadline) {
			return out
		}
		time.Sleep(5 * time.Millisecond)
	}
}
