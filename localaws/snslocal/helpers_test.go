package snslocal_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/smithy-go"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/snslocal"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 123_000_000, time.UTC)

// delivery is one message a sink received.
type delivery struct {
	Queue string
	Body  string
	Attrs map[string]snslocal.MessageAttribute
	// Group and Dedup are set for FIFO queues.
	Group, Dedup string
}

// recordingSink records deliveries; queues whose name starts with "broken"
// refuse them.
type recordingSink struct {
	mu  sync.Mutex
	got []delivery
}

func (r *recordingSink) SendToQueue(_ context.Context, queueArn, body string, attrs map[string]snslocal.MessageAttribute) error {
	if strings.HasPrefix(queueArn[strings.LastIndex(queueArn, ":")+1:], "broken") {
		return errors.New("queue does not exist")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, delivery{Queue: queueArn, Body: body, Attrs: attrs})
	return nil
}

// SendToFIFOQueue records a FIFO delivery.
func (r *recordingSink) SendToFIFOQueue(_ context.Context, queueArn, body string, attrs map[string]snslocal.MessageAttribute, group, dedup string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, delivery{Queue: queueArn, Body: body, Attrs: attrs, Group: group, Dedup: dedup})
	return nil
}

// to returns what queue received, in order.
func (r *recordingSink) to(queue string) []delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []delivery
	for _, d := range r.got {
		if d.Queue == queueARN(queue) {
			out = append(out, d)
		}
	}
	return out
}

// env is one local SNS behind an httptest server with a real SDK client.
type env struct {
	client *sns.Client
	svc    *snslocal.Service
	sink   *recordingSink
	url    string
	clock  *clock.Fake
}

func newEnv(tb testing.TB) *env {
	tb.Helper()
	sink := &recordingSink{}
	fake := clock.NewFake(t0)
	svc := snslocal.New(snslocal.Config{Clock: fake, Queues: sink})
	srv := httptest.NewServer(svc)
	tb.Cleanup(srv.Close)
	tb.Cleanup(svc.Close)
	client := sns.New(sns.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:   srv.Client(),
	})
	return &env{client: client, svc: svc, sink: sink, url: srv.URL, clock: fake}
}

func queueARN(name string) string { return "arn:aws:sqs:us-east-1:123456789012:" + name }

func (e *env) createTopic(tb testing.TB, name string) string {
	tb.Helper()
	out, err := e.client.CreateTopic(context.Background(), &sns.CreateTopicInput{Name: aws.String(name)})
	if err != nil {
		tb.Fatalf("CreateTopic %s: %v", name, err)
	}
	return *out.TopicArn
}

func (e *env) subscribe(tb testing.TB, topicArn, queue string, attrs map[string]string) string {
	tb.Helper()
	out, err := e.client.Subscribe(context.Background(), &sns.SubscribeInput{
		TopicArn: aws.String(topicArn), Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN(queue)),
		Attributes: attrs, ReturnSubscriptionArn: true,
	})
	if err != nil {
		tb.Fatalf("Subscribe %s: %v", queue, err)
	}
	return *out.SubscriptionArn
}

// errorCode returns the AWS error code of err, or "" for nil.
func errorCode(tb testing.TB, err error) string {
	tb.Helper()
	if err == nil {
		return ""
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		tb.Fatalf("error %v is not an API error", err)
	}
	return apiErr.ErrorCode()
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// errorMessageOf returns the message of an API error.
func errorMessageOf(tb testing.TB, err error) string {
	tb.Helper()
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		tb.Fatalf("error %v is not an API error", err)
	}
	return apiErr.ErrorMessage()
}

// refusal is a request SNS refuses with InvalidParameter, and the message
// AWS answers it with.
type refusal struct {
	name string
	call func() error
	want string
}

// checkRefusals runs each refusal as a parallel subtest: the code must be
// InvalidParameter and the message exactly the one wanted.
func checkRefusals(t *testing.T, tests []refusal) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.call()
			if got := errorCode(t, err); got != "InvalidParameter" {
				t.Fatalf("code %q (%v), want InvalidParameter", got, err)
			}
			if got := errorMessageOf(t, err); got != tc.want {
				t.Errorf("message %q\nwant    %q", got, tc.want)
			}
		})
	}
}
