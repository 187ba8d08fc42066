package sfnlocal_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// waitingExecution starts tokenMachine and returns the execution ARN and
// the task token its Task state handed to the queue.
func waitingExecution(tb testing.TB, h *harness, name string) (string, string) {
	tb.Helper()
	x := h.start(tb, h.createMachine(tb, "callback", tokenMachine), name, fmt.Sprintf(`{"order":%q}`, name))
	call := h.nextTask(tb)
	if call.ExecutionArn != x || call.TaskToken == "" {
		tb.Fatalf("task call for %s with token %q, want %s and a token", call.ExecutionArn, call.TaskToken, x)
	}
	var params struct {
		MessageBody struct{ Token, Order string }
	}
	if err := json.Unmarshal(call.Parameters, &params); err != nil {
		tb.Fatalf("task parameters %s: %v", call.Parameters, err)
	}
	if params.MessageBody.Token != call.TaskToken || params.MessageBody.Order != name {
		tb.Fatalf("message body %+v, want the token and order %s", params.MessageBody, name)
	}
	return x, call.TaskToken
}

func TestSendTaskSuccessCompletesTheTask(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	x, token := waitingExecution(t, h, "order-1")
	if _, err := h.client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String("not json")}); err == nil {
		t.Fatal("non-JSON output accepted")
	} else {
		wantAPIError[*types.InvalidOutput](t, err)
	}
	if _, err := h.client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{"approved":true}`)}); err != nil {
		t.Fatal(err)
	}
	got := h.waitDone(t, x)
	if got.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("status %s, want SUCCEEDED", got.Status)
	}
	assertJSONEqual(t, aws.ToString(got.Output), `{"approved":true}`)

	_, err := h.client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)})
	wantAPIError[*types.TaskTimedOut](t, err)
	_, err = h.client.SendTaskFailure(ctx, &sfn.SendTaskFailureInput{TaskToken: aws.String(token), Error: aws.String("E")})
	wantAPIError[*types.TaskTimedOut](t, err)
	_, err = h.client.SendTaskHeartbeat(ctx, &sfn.SendTaskHeartbeatInput{TaskToken: aws.String(token)})
	wantAPIError[*types.TaskTimedOut](t, err)
}

func TestSendTaskFailureFailsTheExecution(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	x, token := waitingExecution(t, h, "order-2")
	_, err := h.client.SendTaskFailure(context.Background(), &sfn.SendTaskFailureInput{
		TaskToken: aws.String(token), Error: aws.String("Payment.Declined"), Cause: aws.String("card declined"),
	})
	if err != nil {
		t.Fatal(err)
	}
	got := h.waitDone(t, x)
	if got.Status != types.ExecutionStatusFailed || aws.ToString(got.Error) != "Payment.Declined" || aws.ToString(got.Cause) != "card declined" {
		t.Fatalf("got %s %q %q", got.Status, aws.ToString(got.Error), aws.ToString(got.Cause))
	}
}

func TestHeartbeatsKeepTheTaskAlive(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	x, token := waitingExecution(t, h, "order-3")
	h.waitTimers(t, 2) // heartbeat and task timeout
	for range 3 {
		h.clock.Advance(50 * time.Second)
		if _, err := h.client.SendTaskHeartbeat(ctx, &sfn.SendTaskHeartbeatInput{TaskToken: aws.String(token)}); err != nil {
			t.Fatalf("heartbeat: %v", err)
		}
		h.waitTimers(t, 2)
	}
	// The fake clock fires due timers inside Advance: both timeouts still
	// pending means neither fired, so the task is alive by construction,
	// not because a sleep was too short to see it fail.
	if n := h.clock.Pending(); n != 2 {
		t.Fatalf("%d timers pending after 150s of heartbeats every 50s, want the heartbeat and task timeouts", n)
	}
	if got := describe(t, h, x); got.Status != types.ExecutionStatusRunning {
		t.Fatalf("status %s after 150s of heartbeats every 50s, want RUNNING", got.Status)
	}
	h.clock.Advance(61 * time.Second)
	got := h.waitDone(t, x)
	// AWS reports a heartbeat timeout as States.Timeout (LocalStack's
	// AWS-recorded timeouts/test_heartbeats.snapshot.json).
	if got.Status != types.ExecutionStatusFailed || aws.ToString(got.Error) != "States.Timeout" {
		t.Fatalf("got %s %q, want FAILED States.Timeout", got.Status, aws.ToString(got.Error))
	}
	_, err := h.client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)})
	wantAPIError[*types.TaskTimedOut](t, err)
}

func TestTaskTimeoutClosesTheToken(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	def := strings.Replace(tokenMachine, `"HeartbeatSeconds":60,`, "", 1)
	x := h.start(t, h.createMachine(t, "slow", def), "order-4", `{"order":"o"}`)
	token := h.nextTask(t).TaskToken
	h.waitTimers(t, 1)
	h.clock.Advance(900 * time.Second)
	got := h.waitDone(t, x)
	if got.Status != types.ExecutionStatusFailed || aws.ToString(got.Error) != "States.Timeout" {
		t.Fatalf("got %s %q, want FAILED States.Timeout", got.Status, aws.ToString(got.Error))
	}
	_, err := h.client.SendTaskSuccess(context.Background(), &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)})
	wantAPIError[*types.TaskTimedOut](t, err)
}

func TestMalformedTaskTokens(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cases := []struct {
		name, token string
		check       func(testing.TB, error)
	}{
		{"garbage", "not-a-token", isErr[*types.InvalidToken]},
		{"empty", "", isValidationError},
		{"too long", strings.Repeat("t", 2049), isValidationError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.client.SendTaskSuccess(context.Background(), &sfn.SendTaskSuccessInput{TaskToken: aws.String(tc.token), Output: aws.String(`{}`)})
			tc.check(t, err)
			_, err = h.client.SendTaskHeartbeat(context.Background(), &sfn.SendTaskHeartbeatInput{TaskToken: aws.String(tc.token)})
			tc.check(t, err)
		})
	}
}

func TestConcurrentExecutionsKeepTheirTokens(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	m := h.createMachine(t, "callback", tokenMachine)
	const n = 40
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { h.start(t, m, fmt.Sprintf("order-%02d", i), fmt.Sprintf(`{"order":"o-%02d"}`, i)) })
	}
	calls := make(map[string]string, n) // execution ARN -> token
	for range n {
		call := h.nextTask(t)
		calls[call.ExecutionArn] = call.TaskToken
	}
	wg.Wait()
	for arn, token := range calls {
		wg.Go(func() {
			name := arn[strings.LastIndexByte(arn, ':')+1:]
			_, err := h.client.SendTaskSuccess(context.Background(), &sfn.SendTaskSuccessInput{
				TaskToken: aws.String(token), Output: aws.String(fmt.Sprintf(`{"for":%q}`, name)),
			})
			if err != nil {
				t.Errorf("SendTaskSuccess for %s: %v", name, err)
			}
		})
	}
	wg.Wait()
	for arn := range calls {
		name := arn[strings.LastIndexByte(arn, ':')+1:]
		got := h.waitDone(t, arn)
		assertJSONEqual(t, aws.ToString(got.Output), fmt.Sprintf(`{"for":%q}`, name))
	}
}
