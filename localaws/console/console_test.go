package console_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/awsendpoint"
	"github.com/payflow-dev/payflow/localaws/console"
)

// waitingMachine sends a token to a queue nobody reads, so its executions
// wait, after a Pass state that every execution visits.
const waitingMachine = `{
  "StartAt": "Prepare",
  "States": {
    "Prepare": {"Type": "Pass", "Next": "Ask"},
    "Ask": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters": {"QueueUrl": "QUEUE_URL", "MessageBody": {"token.$": "$$.Task.Token"}},
      "Next": "Done"
    },
    "Done": {"Type": "Succeed"}
  }
}`

type fixture struct {
	clock   *clock.Fake
	sfn     *sfn.Client
	sqs     *sqs.Client
	console *httptest.Server
	feed    *console.Recorder
}

func newFixture(tb testing.TB) fixture {
	tb.Helper()
	fake := clock.NewFake(time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{Clock: fake}))
	tb.Cleanup(srv.Close)
	cfg := aws.Config{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", ""),
	}
	feed := console.NewFeed(0)
	c := httptest.NewServer(console.Mount(console.New(console.Config{AWS: cfg, Clock: fake, Feed: feed}), http.NotFoundHandler()))
	tb.Cleanup(c.Close)
	return fixture{clock: fake, sfn: sfn.NewFromConfig(cfg), sqs: sqs.NewFromConfig(cfg), console: c, feed: feed}
}

// startWaiting creates the queue, its dead-letter queue and the machine,
// and starts one execution that ends up waiting for its token.
func (f fixture) startWaiting(tb testing.TB, name string) string {
	tb.Helper()
	ctx := context.Background()
	if _, err := f.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("asks-dlq")}); err != nil {
		tb.Fatal(err)
	}
	q, err := f.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("asks"), Attributes: map[string]string{
		"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:asks-dlq","maxReceiveCount":"3"}`,
	}})
	if err != nil {
		tb.Fatal(err)
	}
	m, err := f.sfn.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("asker"), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
		Definition: aws.String(strings.ReplaceAll(waitingMachine, "QUEUE_URL", aws.ToString(q.QueueUrl))),
	})
	if err != nil {
		tb.Fatal(err)
	}
	x, err := f.sfn.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: m.StateMachineArn, Name: aws.String(name)})
	if err != nil {
		tb.Fatal(err)
	}
	// Receiving the token proves the task is waiting; the message stays
	// in flight, as a callback that has not answered yet would leave it.
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	out, err := f.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, WaitTimeSeconds: 20, VisibilityTimeout: 600})
	if err != nil || len(out.Messages) != 1 {
		tb.Fatalf("receive the token: %v, %d messages", err, len(out.Messages))
	}
	return aws.ToString(x.ExecutionArn)
}

func getJSON[T any](tb testing.TB, url string) (T, int) {
	tb.Helper()
	var v T
	res, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		tb.Fatal(err)
	}
	return v, res.StatusCode
}

func TestOverviewShowsWaitingTaskQueuesAndExecutions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	arn := f.startWaiting(t, "order-1")
	f.clock.Advance(90 * time.Second)

	o, status := getJSON[console.Overview](t, f.console.URL+console.Prefix+"api/overview")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	if len(o.Executions) != 1 || o.Executions[0].Name != "order-1" || o.Executions[0].Status != "RUNNING" {
		t.Errorf("executions = %+v, want order-1 RUNNING", o.Executions)
	}
	if len(o.Waiting) != 1 {
		t.Fatalf("waiting = %+v, want the Ask task", o.Waiting)
	}
	w := o.Waiting[0]
	if w.ARN != arn || w.State != "Ask" || w.AgeSeconds != 90 || !strings.HasSuffix(w.Resource, "sqs:sendMessage.waitForTaskToken") {
		t.Errorf("waiting task = %+v, want Ask on %s aged 90 s", w, arn)
	}
	want := []console.Queue{{Name: "asks", InFlight: 1, DeadLetter: "asks-dlq"}, {Name: "asks-dlq"}}
	if diff := cmp.Diff(want, o.Queues, cmpopts.IgnoreFields(console.Queue{}, "URL")); diff != "" {
		t.Errorf("queues (-want +got):\n%s", diff)
	}
}

func TestExecutionDetailDrawsThePathTaken(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	arn := f.startWaiting(t, "order-2")

	d, status := getJSON[console.Detail](t, f.console.URL+console.Prefix+"api/execution?arn="+arn)
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	want := []console.Step{{State: "Prepare", Outcome: "exited"}, {State: "Ask", Outcome: "entered"}}
	if diff := cmp.Diff(want, d.Path); diff != "" {
		t.Errorf("path (-want +got):\n%s", diff)
	}
	if !strings.Contains(d.Definition, `"Ask"`) || d.Execution.Status != "RUNNING" {
		t.Errorf("detail = %+v, want the definition and RUNNING", d.Execution)
	}
	for _, e := range d.Events {
		if e.Type == "" || e.At.IsZero() {
			t.Errorf("event %+v lacks its type or time", e)
		}
	}
}

func TestExecutionDetailErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	base := f.console.URL + console.Prefix + "api/execution"
	for name, tc := range map[string]struct {
		query string
		want  int
	}{
		"no arn":  {"", http.StatusBadRequest},
		"unknown": {"?arn=arn:aws:states:us-east-1:123456789012:execution:nope:x", http.StatusNotFound},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, status := getJSON[map[string]string](t, base+tc.query)
			if status != tc.want {
				t.Errorf("status %d, want %d", status, tc.want)
			}
		})
	}
}

func TestConsoleIsReadOnlyAndServesThePage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	res, err := http.Post(f.console.URL+console.Prefix+"api/overview", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d Allow %q, want 405 GET, HEAD", res.StatusCode, res.Header.Get("Allow"))
	}
	for _, path := range []string{"", "app.js", "graph.js", "app.css"} {
		res, err := http.Get(f.console.URL + console.Prefix + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %q: status %d", path, res.StatusCode)
		}
	}
}
