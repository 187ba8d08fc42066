package eventsource_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/eventsource"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

var epoch = time.Date(2026, 11, 26, 5, 0, 0, 0, time.UTC)

// env is a local SQS behind an httptest server, with a work queue whose
// dead-letter queue takes messages after two receives.
type env struct {
	clock    *clock.Fake
	client   *sqs.Client
	queueURL string
	dlqURL   string
}

func newEnv(tb testing.TB) *env {
	tb.Helper()
	fake := clock.NewFake(epoch)
	srv := httptest.NewServer(sqslocal.New(sqslocal.Config{Region: "us-east-1", Account: "123456789012", Clock: fake}))
	tb.Cleanup(srv.Close)
	client := sqs.New(sqs.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
	})
	e := &env{clock: fake, client: client}
	e.dlqURL = e.create(tb, "work-dlq", nil)
	e.queueURL = e.create(tb, "work", map[string]string{
		"VisibilityTimeout": "30",
		"RedrivePolicy":     `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:work-dlq","maxReceiveCount":"2"}`,
	})
	return e
}

func (e *env) create(tb testing.TB, name string, attrs map[string]string) string {
	tb.Helper()
	out, err := e.client.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	if err != nil {
		tb.Fatalf("CreateQueue: %v", err)
	}
	return aws.ToString(out.QueueUrl)
}

func (e *env) send(tb testing.TB, bodies ...string) {
	tb.Helper()
	for _, b := range bodies {
		_, err := e.client.SendMessage(context.Background(), &sqs.SendMessageInput{
			QueueUrl: aws.String(e.queueURL), MessageBody: aws.String(b),
			MessageAttributes: map[string]types.MessageAttributeValue{
				"kind": {DataType: aws.String("String"), StringValue: aws.String("test")},
			},
		})
		if err != nil {
			tb.Fatalf("SendMessage: %v", err)
		}
	}
}

// depth returns the visible plus in-flight messages of a queue.
func (e *env) depth(tb testing.TB, url string) int {
	tb.Helper()
	out, err := e.client.GetQueueAttributes(context.Background(), &sqs.GetQueueAttributesInput{
		QueueUrl: aws.String(url),
		AttributeNames: []types.QueueAttributeName{
			types.QueueAttributeNameApproximateNumberOfMessages, types.QueueAttributeNameApproximateNumberOfMessagesNotVisible,
		},
	})
	if err != nil {
		tb.Fatalf("GetQueueAttributes: %v", err)
	}
	n := 0
	for _, k := range []string{"ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"} {
		var v int
		for _, c := range out.Attributes[k] {
			v = v*10 + int(c-'0')
		}
		n += v
	}
	return n
}

// start runs a mapping until the test ends, handing each batch to h and
// the batch's bodies to the returned channel.
func (e *env) start(tb testing.TB, report bool, h func(events.SQSEvent) (events.SQSEventResponse, error)) <-chan []string {
	tb.Helper()
	return e.startWith(tb, eventsource.Config{BatchSize: 10, ReportBatchItemFailures: report}, h)
}

// startWith is start with the batch settings of cfg.
func (e *env) startWith(tb testing.TB, cfg eventsource.Config, h func(events.SQSEvent) (events.SQSEventResponse, error)) <-chan []string {
	tb.Helper()
	batches := make(chan []string, 100)
	m, err := eventsource.New(eventsource.Config{
		Queue: e.client, QueueURL: e.queueURL, QueueARN: "arn:aws:sqs:us-east-1:123456789012:work", Region: "us-east-1",
		BatchSize: cfg.BatchSize, BatchingWindow: cfg.BatchingWindow, ReportBatchItemFailures: cfg.ReportBatchItemFailures,
		Timeout: cfg.Timeout, Pollers: 1, Clock: e.clock,
		Handler: func(_ context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
			var bodies []string
			for _, r := range ev.Records {
				bodies = append(bodies, r.Body)
			}
			sort.Strings(bodies)
			defer func() { batches <- bodies }()
			return h(ev)
		},
	})
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := m.Run(ctx); err != nil {
			tb.Errorf("Run: %v", err)
		}
	}()
	tb.Cleanup(func() { cancel(); wg.Wait() })
	return batches
}

// next waits for the next batch, gathering records until want are seen
// (one receive may return fewer than were sent).
func next(tb testing.TB, batches <-chan []string, want int) []string {
	tb.Helper()
	var got []string
	for len(got) < want {
		select {
		case b := <-batches:
			got = append(got, b...)
		case <-time.After(5 * time.Second):
			tb.Fatalf("got %v, still waiting for %d records", got, want)
		}
	}
	sort.Strings(got)
	return got
}

// waitDepth polls until a queue holds n messages.
func waitDepth(tb testing.TB, e *env, url string, n int) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for e.depth(tb, url) != n {
		if time.Now().After(deadline) {
			tb.Fatalf("queue %s holds %d messages, want %d", url, e.depth(tb, url), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPartialBatchFailureRedrivesOnlyTheFailedMessage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.send(t, "a", "poison", "b")
	batches := e.start(t, true, func(ev events.SQSEvent) (events.SQSEventResponse, error) {
		var resp events.SQSEventResponse
		for _, r := range ev.Records {
			if r.Body == "poison" {
				resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: r.MessageId})
			}
		}
		return resp, nil
	})
	if diff := cmp.Diff([]string{"a", "b", "poison"}, next(t, batches, 3)); diff != "" {
		t.Fatalf("first delivery (-want +got):\n%s", diff)
	}
	waitDepth(t, e, e.queueURL, 1) // a and b deleted, poison in flight
	e.clock.Advance(31 * time.Second)
	if diff := cmp.Diff([]string{"poison"}, next(t, batches, 1)); diff != "" {
		t.Fatalf("redelivery (-want +got):\n%s", diff)
	}
	e.clock.Advance(31 * time.Second)
	waitDepth(t, e, e.dlqURL, 1)
	waitDepth(t, e, e.queueURL, 0)
}

func TestFailedInvocationKeepsTheWholeBatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		report  bool
		handler func(events.SQSEvent) (events.SQSEventResponse, error)
	}{
		{"error", true, func(events.SQSEvent) (events.SQSEventResponse, error) {
			return events.SQSEventResponse{}, errors.New("boom")
		}},
		{"panic", false, func(events.SQSEvent) (events.SQSEventResponse, error) { panic("boom") }},
		{"unknown item identifier", true, func(events.SQSEvent) (events.SQSEventResponse, error) {
			return events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{{ItemIdentifier: "nope"}}}, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t)
			e.send(t, "a", "b")
			batches := e.start(t, tt.report, tt.handler)
			next(t, batches, 2)
			e.clock.Advance(31 * time.Second)
			if diff := cmp.Diff([]string{"a", "b"}, next(t, batches, 2)); diff != "" {
				t.Fatalf("redelivery (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSuccessWithoutReportingDeletesAll(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.send(t, "a", "b")
	batches := e.start(t, false, func(ev events.SQSEvent) (events.SQSEventResponse, error) {
		// Without ReportBatchItemFailures a response's failures mean nothing.
		return events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{{ItemIdentifier: ev.Records[0].MessageId}}}, nil
	})
	next(t, batches, 2)
	waitDepth(t, e, e.queueURL, 0)
}

func TestRecordShape(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.send(t, "hello")
	records := make(chan events.SQSMessage, 1)
	e.start(t, true, func(ev events.SQSEvent) (events.SQSEventResponse, error) {
		records <- ev.Records[0]
		return events.SQSEventResponse{}, nil
	})
	var r events.SQSMessage
	select {
	case r = <-records:
	case <-time.After(5 * time.Second):
		t.Fatal("no invocation")
	}
	if r.MessageId == "" || r.ReceiptHandle == "" || r.Md5OfBody != "5d41402abc4b2a76b9719d911017c592" {
		t.Errorf("ids/md5 = %q %q %q", r.MessageId, r.ReceiptHandle, r.Md5OfBody)
	}
	got := []string{r.EventSource, r.EventSourceARN, r.AWSRegion, r.Attributes["ApproximateReceiveCount"], r.MessageAttributes["kind"].DataType, aws.ToString(r.MessageAttributes["kind"].StringValue)}
	want := []string{"aws:sqs", "arn:aws:sqs:us-east-1:123456789012:work", "us-east-1", "1", "String", "test"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("record (-want +got):\n%s", diff)
	}
	if r.Attributes["SentTimestamp"] == "" {
		t.Errorf("SentTimestamp missing from %v", r.Attributes)
	}
}

func TestBatchingWindowGathersPastTenMessages(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var bodies []string
	for i := range 25 {
		bodies = append(bodies, fmt.Sprintf("m%02d", i))
	}
	e.send(t, bodies...)
	batches := e.startWith(t, eventsource.Config{BatchSize: 25, BatchingWindow: time.Second}, func(events.SQSEvent) (events.SQSEventResponse, error) {
		return events.SQSEventResponse{}, nil
	})
	select {
	case b := <-batches:
		if len(b) != 25 {
			t.Fatalf("first batch has %d records, want all 25 gathered within the window", len(b))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no batch")
	}
}

func TestFunctionTimeoutKeepsTheBatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.send(t, "slow")
	release := make(chan struct{})
	defer close(release)
	var calls atomic.Int32
	batches := e.startWith(t, eventsource.Config{Timeout: 20 * time.Millisecond}, func(events.SQSEvent) (events.SQSEventResponse, error) {
		if calls.Add(1) == 1 {
			<-release // the first invocation outlives its timeout
		}
		return events.SQSEventResponse{}, nil
	})
	e.clock.WaitForTimers(1, nil)
	waitDepth(t, e, e.queueURL, 1)
	e.clock.Advance(31 * time.Second)
	if diff := cmp.Diff([]string{"slow"}, next(t, batches, 1)); diff != "" {
		t.Fatalf("redelivery after the timed-out invocation (-want +got):\n%s", diff)
	}
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	h := func(context.Context, events.SQSEvent) (events.SQSEventResponse, error) {
		return events.SQSEventResponse{}, nil
	}
	client := sqs.New(sqs.Options{Region: "us-east-1"})
	tests := []struct {
		name string
		cfg  eventsource.Config
	}{
		{"no queue", eventsource.Config{QueueURL: "u", Handler: h}},
		{"no handler", eventsource.Config{Queue: client, QueueURL: "u"}},
		{"big batch without window", eventsource.Config{Queue: client, QueueURL: "u", Handler: h, BatchSize: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := eventsource.New(tt.cfg); err == nil {
				t.Fatal("New accepted an invalid config")
			}
		})
	}
}
