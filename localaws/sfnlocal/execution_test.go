package sfnlocal_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

func TestExecutionsEndAsTheirMachinesSay(t *testing.T) {
	t.Parallel()
	choice := `{"StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[{"Variable":"$.amount","NumericGreaterThan":100,"Next":"Big"}],"Default":"Small"},
		"Big":{"Type":"Pass","Result":"big","ResultPath":"$.size","End":true},
		"Small":{"Type":"Pass","Result":"small","ResultPath":"$.size","End":true}}}`
	cases := []struct {
		name, definition, input string
		wantStatus              types.ExecutionStatus
		wantOutput              string
		wantError, wantCause    string
	}{
		{"pass", passMachine, `{"a":1}`, types.ExecutionStatusSucceeded, `{"a":1,"result":{"done":true}}`, "", ""},
		{"choice big", choice, `{"amount":250}`, types.ExecutionStatusSucceeded, `{"amount":250,"size":"big"}`, "", ""},
		{"choice small", choice, `{"amount":5}`, types.ExecutionStatusSucceeded, `{"amount":5,"size":"small"}`, "", ""},
		{"fail", failMachine, `{}`, types.ExecutionStatusFailed, "", "Payment.Declined", "card declined"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t)
			m := h.createMachine(t, "m", tc.definition)
			x := h.start(t, m, "run-1", tc.input)
			got := h.waitDone(t, x)
			if got.Status != tc.wantStatus || aws.ToString(got.Error) != tc.wantError || aws.ToString(got.Cause) != tc.wantCause {
				t.Fatalf("status %s error %q cause %q, want %s %q %q", got.Status, aws.ToString(got.Error), aws.ToString(got.Cause), tc.wantStatus, tc.wantError, tc.wantCause)
			}
			if tc.wantOutput != "" {
				assertJSONEqual(t, aws.ToString(got.Output), tc.wantOutput)
			} else if got.Output != nil {
				t.Fatalf("output %q on a %s execution", aws.ToString(got.Output), got.Status)
			}
			if aws.ToString(got.Input) != tc.input || aws.ToString(got.Name) != "run-1" ||
				aws.ToString(got.StateMachineArn) != m || aws.ToString(got.ExecutionArn) != x ||
				!got.StartDate.Equal(epoch0) || got.StopDate == nil {
				t.Fatalf("DescribeExecution = %+v", got)
			}
			if want := "arn:aws:states:us-east-1:123456789012:execution:m:run-1"; x != want {
				t.Fatalf("execution ARN %q, want %q", x, want)
			}
		})
	}
}

func TestWaitStateFollowsTheClock(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	x := h.start(t, h.createMachine(t, "waiter", waitMachine), "w", `{}`)
	h.waitTimers(t, 1)
	h.clock.Advance(299 * time.Second)
	// The fake clock fires due timers inside Advance, so a Wait timer still
	// pending has not fired: no sleep is needed to see that.
	if n := h.clock.Pending(); n != 1 {
		t.Fatalf("%d timers pending after 299 of 300 seconds, want the Wait state's", n)
	}
	if got := describe(t, h, x); got.Status != types.ExecutionStatusRunning {
		t.Fatalf("status %s after 299 of 300 seconds, want RUNNING", got.Status)
	}
	h.clock.Advance(time.Second)
	got := h.waitDone(t, x)
	if got.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("status %s, want SUCCEEDED", got.Status)
	}
	assertJSONEqual(t, aws.ToString(got.Output), `{"ok":true}`)
	if !got.StopDate.Equal(epoch0.Add(300 * time.Second)) {
		t.Fatalf("stopDate %v, want start + 300s", got.StopDate)
	}
}

func TestStartExecutionIdempotency(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	m := h.createMachine(t, "waiter", waitMachine)
	first, err := h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m), Name: aws.String("order-1"), Input: aws.String(`{"n":1}`)})
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Second) // a retry comes later; it must still get the first start date
	again, err := h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m), Name: aws.String("order-1"), Input: aws.String(`{"n":1}`)})
	if err != nil {
		t.Fatalf("same name and input while running: %v, want the same execution", err)
	}
	if aws.ToString(again.ExecutionArn) != aws.ToString(first.ExecutionArn) || !again.StartDate.Equal(*first.StartDate) {
		t.Fatalf("retry = %s@%v, want %s@%v", aws.ToString(again.ExecutionArn), again.StartDate, aws.ToString(first.ExecutionArn), first.StartDate)
	}
	_, err = h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m), Name: aws.String("order-1"), Input: aws.String(`{"n":2}`)})
	wantAPIError[*types.ExecutionAlreadyExists](t, err)

	h.waitTimers(t, 1)
	h.clock.Advance(10 * time.Minute)
	h.waitDone(t, aws.ToString(first.ExecutionArn))
	_, err = h.client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m), Name: aws.String("order-1"), Input: aws.String(`{"n":1}`)})
	wantAPIError[*types.ExecutionAlreadyExists](t, err)
}

func TestStartExecutionValidation(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	m := h.createMachine(t, "m", passMachine)
	bigInput := `{"pad":"` + strings.Repeat("x", 256<<10) + `"}`
	cases := []struct {
		name, machine, exec, input string
		check                      func(testing.TB, error)
	}{
		{"space", m, "has space", "{}", isErr[*types.InvalidName]},
		{"slash", m, "a/b", "{}", isErr[*types.InvalidName]},
		{"colon", m, "a:b", "{}", isErr[*types.InvalidName]},
		{"brace", m, "a{b", "{}", isErr[*types.InvalidName]},
		{"wildcard", m, "a*", "{}", isErr[*types.InvalidName]},
		{"dollar", m, "a$", "{}", isErr[*types.InvalidName]},
		{"control", m, "a\x01b", "{}", isErr[*types.InvalidName]},
		{"too long", m, strings.Repeat("x", 81), "{}", isValidationError},
		{"not JSON", m, "ok", "{nope", isErr[*types.InvalidExecutionInput]},
		{"too big", m, "big", bigInput, isValidationError},
		{"bad machine ARN", "arn:aws:states:us-east-1:123456789012:nope:m", "ok", "{}", isErr[*types.InvalidArn]},
		{"no such machine", "arn:aws:states:us-east-1:123456789012:stateMachine:ghost", "ok", "{}", isErr[*types.StateMachineDoesNotExist]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.client.StartExecution(context.Background(), &sfn.StartExecutionInput{
				StateMachineArn: aws.String(tc.machine), Name: aws.String(tc.exec), Input: aws.String(tc.input),
			})
			tc.check(t, err)
		})
	}
	ok := h.start(t, m, strings.Repeat("x", 80), "{}")
	if h.waitDone(t, ok).Status != types.ExecutionStatusSucceeded {
		t.Fatal("an 80-character name must be accepted")
	}
}

func TestDefaultExecutionNameIsAUUID(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	x := h.start(t, h.createMachine(t, "m", passMachine), "", `{}`)
	name := aws.ToString(h.waitDone(t, x).Name)
	if len(name) != 36 || strings.Count(name, "-") != 4 {
		t.Fatalf("default name %q is not a UUID", name)
	}
}

func TestStopExecution(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	x := h.start(t, h.createMachine(t, "waiter", waitMachine), "to-stop", `{}`)
	h.waitTimers(t, 1)
	h.clock.Advance(time.Minute)
	out, err := h.client.StopExecution(ctx, &sfn.StopExecutionInput{ExecutionArn: aws.String(x), Error: aws.String("User.Cancelled"), Cause: aws.String("changed my mind")})
	if err != nil {
		t.Fatal(err)
	}
	if !out.StopDate.Equal(epoch0.Add(time.Minute)) {
		t.Fatalf("stopDate %v, want start + 1m", out.StopDate)
	}
	got := describe(t, h, x)
	if got.Status != types.ExecutionStatusAborted || aws.ToString(got.Error) != "User.Cancelled" || aws.ToString(got.Cause) != "changed my mind" {
		t.Fatalf("after stop: %s %q %q", got.Status, aws.ToString(got.Error), aws.ToString(got.Cause))
	}
	events := historyTypes(t, h, x)
	if events[len(events)-1] != "ExecutionAborted" {
		t.Fatalf("history ends with %s, want ExecutionAborted", events[len(events)-1])
	}
	// AWS chains the abort to no earlier event (LocalStack's AWS-validated
	// test_sfn_api.py::TestSnfApi::test_stop_execution).
	hist, err := h.client.GetExecutionHistory(ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x), ReverseOrder: true, MaxResults: 1})
	if err != nil || len(hist.Events) != 1 || hist.Events[0].PreviousEventId != 0 {
		t.Errorf("ExecutionAborted = %+v (%v), want previousEventId 0", hist.Events, err)
	}
	h.clock.Advance(time.Hour)
	again, err := h.client.StopExecution(ctx, &sfn.StopExecutionInput{ExecutionArn: aws.String(x)})
	if err != nil {
		t.Fatalf("stopping a stopped execution: %v", err)
	}
	if !again.StopDate.Equal(*out.StopDate) {
		t.Fatalf("second stop moved stopDate to %v", again.StopDate)
	}
	_, err = h.client.StopExecution(ctx, &sfn.StopExecutionInput{ExecutionArn: aws.String(x + "-ghost")})
	wantAPIError[*types.ExecutionDoesNotExist](t, err)
}

// isErr adapts wantAPIError to a table's check function.
func isErr[T error](tb testing.TB, err error) { tb.Helper(); wantAPIError[T](tb, err) }

// describe returns an execution's description.
func describe(tb testing.TB, h *harness, executionArn string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	out, err := h.client.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: aws.String(executionArn)})
	if err != nil {
		tb.Fatalf("DescribeExecution: %v", err)
	}
	return out
}

// assertJSONEqual compares two JSON texts as values.
func assertJSONEqual(tb testing.TB, got, want string) {
	tb.Helper()
	var g, w any
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		tb.Fatalf("got %q: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		tb.Fatalf("want %q: %v", want, err)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		tb.Fatalf("JSON differs (-want +got):\n%s", diff)
	}
}
