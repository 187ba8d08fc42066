package sfnlocal_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

// epoch0 is where every test's fake clock starts.
var epoch0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

const (
	testRole     = "arn:aws:iam::123456789012:role/test"
	testRegion   = "us-east-1"
	testAccount  = "123456789012"
	passMachine  = `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"done":true},"ResultPath":"$.result","End":true}}}`
	failMachine  = `{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Payment.Declined","Cause":"card declined"}}}`
	waitMachine  = `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":300,"Next":"Done"},"Done":{"Type":"Pass","Result":{"ok":true},"End":true}}}`
	queueARN     = "arn:aws:states:::sqs:sendMessage"
	tokenMachine = `{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
		"Parameters":{"QueueUrl":"http://queue","MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},
		"HeartbeatSeconds":60,"TimeoutSeconds":900,"End":true}}}`
)

// harness is a Service behind an httptest server, reached with the real
// SDK client, on a fake clock.
type harness struct {
	clock      *clock.Fake
	client     *sfn.Client
	url        string
	httpClient *http.Client
	// tasks receives every call the test queue resource gets.
	tasks chan asl.TaskCall
}

// newHarness starts a service whose sqs:sendMessage resource hands each
// call, task token included, to h.tasks.
func newHarness(tb testing.TB) *harness {
	tb.Helper()
	h := &harness{clock: clock.NewFake(epoch0), tasks: make(chan asl.TaskCall, 1024)}
	svc := sfnlocal.New(sfnlocal.Config{
		Region:  testRegion,
		Account: testAccount,
		Clock:   h.clock,
		Resources: asl.Resources{
			queueARN: func(_ context.Context, call asl.TaskCall) (json.RawMessage, error) {
				h.tasks <- call
				return json.RawMessage(`{"MessageId":"m-1"}`), nil
			},
		},
	})
	srv := httptest.NewServer(svc)
	tb.Cleanup(srv.Close)
	h.url = srv.URL
	h.httpClient = srv.Client()
	h.client = h.clientIn(testRegion)
	return h
}

// clientIn returns an SDK client that signs its requests for region.
func (h *harness) clientIn(region string) *sfn.Client {
	return sfn.New(sfn.Options{
		Region:       region,
		BaseEndpoint: aws.String(h.url),
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		Retryer:      aws.NopRetryer{},
		HTTPClient:   h.httpClient,
	})
}

// createMachine registers a STANDARD machine and returns its ARN.
func (h *harness) createMachine(tb testing.TB, name, definition string) string {
	tb.Helper()
	out, err := h.client.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{
		Name: aws.String(name), Definition: aws.String(definition), RoleArn: aws.String(testRole),
	})
	if err != nil {
		tb.Fatalf("CreateStateMachine(%s): %v", name, err)
	}
	return aws.ToString(out.StateMachineArn)
}

// start starts an execution and returns its ARN.
func (h *harness) start(tb testing.TB, machineArn, name, input string) string {
	tb.Helper()
	in := &sfn.StartExecutionInput{StateMachineArn: aws.String(machineArn), Input: aws.String(input)}
	if name != "" {
		in.Name = aws.String(name)
	}
	out, err := h.client.StartExecution(context.Background(), in)
	if err != nil {
		tb.Fatalf("StartExecution(%s): %v", name, err)
	}
	return aws.ToString(out.ExecutionArn)
}

// waitDone polls until the execution has left RUNNING and returns it.
func (h *harness) waitDone(tb testing.TB, executionArn string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		out, err := h.client.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: aws.String(executionArn)})
		if err != nil {
			tb.Fatalf("DescribeExecution: %v", err)
		}
		if out.Status != types.ExecutionStatusRunning {
			return out
		}
		if time.Now().After(deadline) {
			tb.Fatalf("execution %s still RUNNING after 10s", executionArn)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// nextTask waits for the test queue resource to be called.
func (h *harness) nextTask(tb testing.TB) asl.TaskCall {
	tb.Helper()
	select {
	case call := <-h.tasks:
		return call
	case <-time.After(10 * time.Second):
		tb.Fatal("the task resource was never called")
	}
	return asl.TaskCall{}
}

// waitTimers blocks until the fake clock holds n timers.
func (h *harness) waitTimers(tb testing.TB, n int) {
	tb.Helper()
	done := make(chan struct{})
	t := time.AfterFunc(10*time.Second, func() { close(done) })
	defer t.Stop()
	if !h.clock.WaitForTimers(n, done) {
		tb.Fatalf("the clock never had %d pending timers (has %d)", n, h.clock.Pending())
	}
}

// wantAPIError checks that err is the SDK's error type T.
func wantAPIError[T error](tb testing.TB, err error) T {
	tb.Helper()
	var target T
	if !errors.As(err, &target) {
		tb.Fatalf("error = %v (%T), want %T", err, err, target)
	}
	return target
}

// isValidationError checks for a ValidationException, which the SDK models
// as a typed error only for some operations.
func isValidationError(tb testing.TB, err error) {
	tb.Helper()
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ValidationException" {
		tb.Fatalf("error = %v, want a ValidationException", err)
	}
}

// apiMessage returns the message of an API error.
func apiMessage(tb testing.TB, err error) string {
	tb.Helper()
	var api smithy.APIError
	if !errors.As(err, &api) {
		tb.Fatalf("error = %v, want an API error", err)
	}
	return api.ErrorMessage()
}
