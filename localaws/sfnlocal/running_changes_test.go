package sfnlocal_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// These tests change a machine or an execution under a running execution
// and check the outcome a user would see.

func TestUpdateKeepsRunningExecutionsOnTheirDefinition(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	m := h.createMachine(t, "evolving", waitMachine)
	x := h.start(t, m, "old", `{}`)
	h.waitTimers(t, 1)
	if _, err := h.client.UpdateStateMachine(context.Background(), &sfn.UpdateStateMachineInput{
		StateMachineArn: aws.String(m), Definition: aws.String(passMachine),
	}); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(5 * time.Minute)
	assertJSONEqual(t, aws.ToString(h.waitDone(t, x).Output), `{"ok":true}`)
	y := h.start(t, m, "new", `{}`)
	assertJSONEqual(t, aws.ToString(h.waitDone(t, y).Output), `{"result":{"done":true}}`)
}

func TestStopClosesTheTaskToken(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	x, token := waitingExecution(t, h, "order-stop")
	if _, err := h.client.StopExecution(ctx, &sfn.StopExecutionInput{ExecutionArn: aws.String(x)}); err != nil {
		t.Fatal(err)
	}
	if got := describe(t, h, x); got.Status != types.ExecutionStatusAborted {
		t.Fatalf("status %s right after StopExecution, want ABORTED", got.Status)
	}
	_, err := h.client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)})
	wantAPIError[*types.TaskTimedOut](t, err)
}

func TestDeleteLeavesRunningExecutionsToFinish(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	x, token := waitingExecution(t, h, "order-del")
	m := "arn:aws:states:us-east-1:123456789012:stateMachine:callback"
	if _, err := h.client.DeleteStateMachine(ctx, &sfn.DeleteStateMachineInput{StateMachineArn: aws.String(m)}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)}); err != nil {
		t.Fatalf("answering a task of a deleted machine: %v", err)
	}
	_, err := h.client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: aws.String(x)})
	wantAPIError[*types.ExecutionDoesNotExist](t, err)
	_, err = h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m)})
	wantAPIError[*types.StateMachineDoesNotExist](t, err)
}

func TestStopsRacingStartsAllAbort(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	m := h.createMachine(t, "racy", waitMachine)
	const n = 30
	arns := make(chan string, n)
	for i := range n {
		go func() {
			ctx := context.Background()
			out, err := h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m), Name: aws.String(fmt.Sprintf("r%d", i))})
			if err != nil {
				t.Errorf("start: %v", err)
				arns <- ""
				return
			}
			if _, err := h.client.StopExecution(ctx, &sfn.StopExecutionInput{ExecutionArn: out.ExecutionArn, Error: aws.String("Stop")}); err != nil {
				t.Errorf("stop: %v", err)
			}
			arns <- aws.ToString(out.ExecutionArn)
		}()
	}
	for range n {
		x := <-arns
		if x == "" {
			continue
		}
		if got := describe(t, h, x); got.Status != types.ExecutionStatusAborted || aws.ToString(got.Error) != "Stop" {
			t.Fatalf("%s: %s %q, want ABORTED Stop", x, got.Status, aws.ToString(got.Error))
		}
		deadline := time.Now().Add(5 * time.Second)
		for {
			events := historyTypes(t, h, x)
			if events[len(events)-1] == "ExecutionAborted" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: history %v never ended with ExecutionAborted", x, events)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}
