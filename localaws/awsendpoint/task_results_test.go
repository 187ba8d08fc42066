package awsendpoint_test

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// runTask runs a machine that starts at the state T of states (the members
// of its States object) and returns the finished execution.
func runTask(tb testing.TB, c clients, name, states string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	ctx := context.Background()
	def := `{"StartAt":"T","States":{` + states + `}}`
	sm, err := c.sfn.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String(name), Definition: aws.String(def), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
	})
	if err != nil {
		tb.Fatalf("CreateStateMachine: %v", err)
	}
	exec, err := c.sfn.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: aws.String(`{}`)})
	if err != nil {
		tb.Fatalf("StartExecution: %v", err)
	}
	return waitDone(tb, c.sfn, aws.ToString(exec.ExecutionArn))
}

// normalizeResult checks the values that change on every call and replaces
// them with the placeholders of the golden files.
func normalizeResult(tb testing.TB, output, body string) map[string]any {
	tb.Helper()
	var got map[string]any
	if err := json.Unmarshal([]byte(output), &got); err != nil {
		tb.Fatalf("task result %s: %v", output, err)
	}
	meta, _ := got["SdkHttpMetadata"].(map[string]any)
	headers, _ := meta["HttpHeaders"].(map[string]any)
	all, _ := meta["AllHttpHeaders"].(map[string]any)
	resp, _ := got["SdkResponseMetadata"].(map[string]any)
	if headers == nil || all == nil || resp == nil {
		tb.Fatalf("task result lacks the SDK metadata: %s", output)
	}
	id, _ := resp["RequestId"].(string)
	if id == "" || headers["x-amzn-RequestId"] != id || !cmp.Equal(all["x-amzn-RequestId"], []any{id}) {
		tb.Errorf("request ids disagree: %s", output)
	}
	date, _ := headers["Date"].(string)
	if _, err := time.Parse(http.TimeFormat, date); err != nil || !cmp.Equal(all["Date"], []any{date}) {
		tb.Errorf("Date %q is not an HTTP date in both header maps: %v", date, err)
	}
	if body != "" {
		sum := md5.Sum([]byte(body))
		if got["MD5OfMessageBody"] != hex.EncodeToString(sum[:]) {
			tb.Errorf("MD5OfMessageBody = %v, want the MD5 of %q", got["MD5OfMessageBody"], body)
		}
		got["MD5OfMessageBody"] = "<md5-body>"
	}
	if a, ok := got["MD5OfMessageAttributes"].(string); ok {
		if len(a) != 32 {
			tb.Errorf("MD5OfMessageAttributes = %q", a)
		}
		got["MD5OfMessageAttributes"] = "<md5-attributes>"
	}
	if seq, ok := got["SequenceNumber"].(string); ok {
		if len(seq) != 20 {
			tb.Errorf("SequenceNumber = %q, want 20 digits", seq)
		}
		got["SequenceNumber"] = "<sequence-number>"
	}
	if m, _ := got["MessageId"].(string); len(m) != 36 {
		tb.Errorf("MessageId = %q, want a UUID", m)
	}
	got["MessageId"] = "<message-id>"
	headers["x-amzn-RequestId"], all["x-amzn-RequestId"], resp["RequestId"] = "<request-id>", []any{"<request-id>"}, "<request-id>"
	headers["Date"], all["Date"] = "<date>", []any{"<date>"}
	return got
}

func TestTaskResultsCarryTheSDKMetadata(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newEndpoint(t)
	q, err := c.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("results")})
	if err != nil {
		t.Fatal(err)
	}
	topic, err := c.sns.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("results")})
	if err != nil {
		t.Fatal(err)
	}
	fifo, err := c.sns.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("results.fifo"), Attributes: map[string]string{"FifoTopic": "true"}})
	if err != nil {
		t.Fatal(err)
	}
	url, arn := aws.ToString(q.QueueUrl), aws.ToString(topic.TopicArn)
	cases := []struct{ name, golden, body, state string }{
		{"send", "send_message.json", `{"order":"o-1"}`,
			`"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"` + url + `","MessageBody":{"order":"o-1"}},"End":true}`},
		{"send-attributes", "send_message_attributes.json", "hello",
			`"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"` + url + `","MessageBody":"hello",
			  "MessageAttributes":{"kind":{"DataType":"String","StringValue":"payment"}}},"End":true}`},
		{"publish", "publish.json", "",
			`"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"` + arn + `","Message":"hi"},"End":true}`},
		{"publish-fifo", "publish_fifo.json", "",
			`"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"` + aws.ToString(fifo.TopicArn) +
				`","Message":"hi","MessageGroupId":"g","MessageDeduplicationId":"d"},"End":true}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			desc := runTask(t, c, "result-"+tc.name, tc.state)
			if desc.Status != sfntypes.ExecutionStatusSucceeded {
				t.Fatalf("execution %s: %s %s", desc.Status, aws.ToString(desc.Error), aws.ToString(desc.Cause))
			}
			got := normalizeResult(t, aws.ToString(desc.Output), tc.body)
			raw, err := os.ReadFile(filepath.Join("testdata", "task_results", tc.golden))
			if err != nil {
				t.Fatal(err)
			}
			var want map[string]any
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("task result differs from %s (-want +got):\n%s", tc.golden, diff)
			}
		})
	}
}

func TestNullMessageBodyIsCaughtAsAmazonSQSException(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newEndpoint(t)
	q, err := c.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("nobody")})
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"null": `,"MessageBody":null`, "missing": ``, "empty": `,"MessageBody":""`} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			state := `"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"` + aws.ToString(q.QueueUrl) + `"` + body + `},
			  "Catch":[{"ErrorEquals":["SQS.AmazonSQSException"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Pass","End":true}`
			desc := runTask(t, c, "nobody-"+name, state)
			var out struct{ Error, Cause string }
			if err := json.Unmarshal([]byte(aws.ToString(desc.Output)), &out); err != nil || desc.Status != sfntypes.ExecutionStatusSucceeded {
				t.Fatalf("execution %s output %s error %s: the Catch did not match", desc.Status, aws.ToString(desc.Output), aws.ToString(desc.Error))
			}
			cause := regexp.MustCompile(`^The request must contain the parameter MessageBody\. \(Service: AmazonSQS; Status Code: 400; ` +
				`Error Code: MissingParameter; Request ID: [0-9a-f-]{36}; Proxy: null\)$`)
			if out.Error != "SQS.AmazonSQSException" || !cause.MatchString(out.Cause) {
				t.Errorf("caught %q: %q", out.Error, out.Cause)
			}
			if strings.Contains(out.Cause, "States.") {
				t.Errorf("cause names a States error: %q", out.Cause)
			}
		})
	}
}

// A refused SNS message attribute (code ParameterValueInvalid on the wire)
// fails an sns:publish task as SNS.InvalidParameterValueException, the
// exception class of that code.
func TestRefusedSNSAttributeIsInvalidParameterValueException(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newEndpoint(t)
	topic, err := c.sns.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("strict")})
	if err != nil {
		t.Fatal(err)
	}
	state := `"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"` + aws.ToString(topic.TopicArn) + `",
	  "Message":"hi","MessageAttributes":{"kind":{"DataType":"String","StringValue":""}}},"End":true}`
	desc := runTask(t, c, "empty-attribute", state)
	if desc.Status != sfntypes.ExecutionStatusFailed || aws.ToString(desc.Error) != "SNS.InvalidParameterValueException" {
		t.Errorf("execution %s with error %q, want FAILED with SNS.InvalidParameterValueException", desc.Status, aws.ToString(desc.Error))
	}
}

// A state machine in eu-west-1 sends to the eu-west-1 queue of that name,
// not to the configured region's, as Step Functions calls SQS in its own
// region.
func TestTasksReachQueuesOfTheirRegion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "eu-west-1", BaseEndpoint: aws.String(srv.URL), Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")}
	eu := clients{sqs.NewFromConfig(cfg), nil, sfn.NewFromConfig(cfg), nil}
	q, err := eu.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("regional")})
	if err != nil {
		t.Fatal(err)
	}
	desc := runTask(t, eu, "regional", `"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"`+
		aws.ToString(q.QueueUrl)+`","MessageBody":"hello"},"End":true}`)
	if desc.Status != sfntypes.ExecutionStatusSucceeded {
		t.Fatalf("execution %s: %s %s", desc.Status, aws.ToString(desc.Error), aws.ToString(desc.Cause))
	}
	if msg := receiveOne(t, eu.sqs, aws.ToString(q.QueueUrl)); aws.ToString(msg.Body) != "hello" {
		t.Errorf("eu-west-1 queue got %q", aws.ToString(msg.Body))
	}
}
