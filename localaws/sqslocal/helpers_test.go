package sqslocal_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

var epoch = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

const account = "123456789012"

// env is one local SQS behind an httptest server, driven by a fake clock.
type env struct {
	svc   *sqslocal.Service
	srv   *httptest.Server
	clock *clock.Fake
	sqs   *sqs.Client
}

func newEnv(tb testing.TB) *env {
	tb.Helper()
	fake := clock.NewFake(epoch)
	svc := sqslocal.New(sqslocal.Config{Region: "us-east-1", Account: account, Clock: fake})
	srv := newServer(tb, svc)
	return &env{svc: svc, srv: srv, clock: fake, sqs: newClient(srv.URL)}
}

// newServer serves svc over HTTP until the test ends.
func newServer(tb testing.TB, svc *sqslocal.Service) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(svc)
	tb.Cleanup(srv.Close)
	return srv
}

// newClient is the real SDK client pointed at a local endpoint.
func newClient(endpoint string) *sqs.Client {
	return sqs.New(sqs.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDLOCAL", "secret", ""),
	})
}

func (e *env) createQueue(tb testing.TB, name string, attrs map[string]string) string {
	tb.Helper()
	out, err := e.sqs.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	if err != nil {
		tb.Fatalf("CreateQueue %s: %v", name, err)
	}
	return aws.ToString(out.QueueUrl)
}

// apiCode returns the error code the SDK reports for err, or "".
func apiCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return ""
}

// query posts a query protocol request and returns the status and body.
func (e *env) query(tb testing.TB, path string, params url.Values) (int, []byte) {
	tb.Helper()
	if params.Get("Version") == "" {
		params.Set("Version", "2012-11-05")
	}
	resp, err := http.Post(e.srv.URL+path, "application/x-www-form-urlencoded", strings.NewReader(params.Encode()))
	if err != nil {
		tb.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("read response: %v", err)
	}
	return resp.StatusCode, body
}

// queryOK posts a query request that must succeed and decodes its XML.
func (e *env) queryOK(tb testing.TB, path string, params url.Values, out any) {
	tb.Helper()
	status, body := e.query(tb, path, params)
	if status != http.StatusOK {
		tb.Fatalf("%s: status %d: %s", params.Get("Action"), status, body)
	}
	if out != nil {
		if err := xml.Unmarshal(body, out); err != nil {
			tb.Fatalf("%s: decode %s: %v", params.Get("Action"), body, err)
		}
	}
}

// queryError is the query protocol's error document.
type queryError struct {
	XMLName xml.Name `xml:"ErrorResponse"`
	Error   struct {
		Type    string `xml:"Type"`
		Code    string `xml:"Code"`
		Message string `xml:"Message"`
	} `xml:"Error"`
	RequestID string `xml:"RequestId"`
}

func values(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

// waitTimers blocks until n fake timers are pending, failing after 5 s.
func (e *env) waitTimers(tb testing.TB, n int) {
	tb.Helper()
	done := make(chan struct{})
	t := time.AfterFunc(5*time.Second, func() { close(done) })
	defer t.Stop()
	if !e.clock.WaitForTimers(n, done) {
		tb.Fatalf("timed out waiting for %d pending timers (have %d)", n, e.clock.Pending())
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// cmpSorted compares string slices regardless of order.
var cmpSorted = cmpopts.SortSlices(func(a, b string) bool { return a < b })

// send sends body with the SDK and returns the message ID.
func (e *env) send(tb testing.TB, url, body string) string {
	tb.Helper()
	out, err := e.sqs.SendMessage(context.Background(), &sqs.SendMessageInput{QueueUrl: &url, MessageBody: &body})
	if err != nil {
		tb.Fatalf("SendMessage: %v", err)
	}
	return aws.ToString(out.MessageId)
}

// receiveOne receives exactly one message, with all system attributes.
func (e *env) receiveOne(tb testing.TB, url string) types.Message {
	tb.Helper()
	out, err := e.sqs.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{
		QueueUrl: &url, MessageSystemAttributeNames: []types.MessageSystemAttributeName{"All"},
	})
	if err != nil {
		tb.Fatalf("ReceiveMessage: %v", err)
	}
	if len(out.Messages) != 1 {
		tb.Fatalf("ReceiveMessage returned %d messages, want 1", len(out.Messages))
	}
	return out.Messages[0]
}

// receiveCount receives without waiting and reports how many came.
func (e *env) receiveCount(tb testing.TB, url string) int {
	tb.Helper()
	out, err := e.sqs.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10})
	if err != nil {
		tb.Fatalf("ReceiveMessage: %v", err)
	}
	return len(out.Messages)
}

// counts returns the visible, not visible and delayed message counts.
func (e *env) counts(tb testing.TB, url string) [3]string {
	tb.Helper()
	out, err := e.sqs.GetQueueAttributes(context.Background(), &sqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: []types.QueueAttributeName{
		"ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed",
	}})
	if err != nil {
		tb.Fatalf("GetQueueAttributes: %v", err)
	}
	a := out.Attributes
	return [3]string{a["ApproximateNumberOfMessages"], a["ApproximateNumberOfMessagesNotVisible"], a["ApproximateNumberOfMessagesDelayed"]}
}

func (e *env) deleteHandle(tb testing.TB, url string, handle *string) {
	tb.Helper()
	if _, err := e.sqs.DeleteMessage(context.Background(), &sqs.DeleteMessageInput{QueueUrl: &url, ReceiptHandle: handle}); err != nil {
		tb.Fatalf("DeleteMessage: %v", err)
	}
}

func (e *env) changeVisibility(tb testing.TB, url string, handle *string, seconds int32) {
	tb.Helper()
	if _, err := e.sqs.ChangeMessageVisibility(context.Background(), &sqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: handle, VisibilityTimeout: seconds}); err != nil {
		tb.Fatalf("ChangeMessageVisibility: %v", err)
	}
}

// jsonCall posts one AWS JSON 1.0 request with extra headers (name, value
// pairs) and returns the status, the headers and the decoded JSON answer.
func (e *env) jsonCall(tb testing.TB, op, body string, header ...string) (int, http.Header, map[string]any) {
	tb.Helper()
	r, err := http.NewRequest(http.MethodPost, e.srv.URL+"/", strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	r.Header.Set("X-Amz-Target", "AmazonSQS."+op)
	r.Header.Set("Content-Type", "application/x-amz-json-1.0")
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		tb.Fatalf("POST %s: %v", op, err)
	}
	defer resp.Body.Close()
	var doc map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		tb.Fatalf("%s: decode answer: %v", op, err)
	}
	return resp.StatusCode, resp.Header, doc
}
