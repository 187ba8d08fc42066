package asl

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const callbackDefinition = `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
  "TimeoutSeconds":900,"HeartbeatSeconds":60,
  "Parameters":{"QueueUrl":"q","MessageBody":{"taskToken.$":"$$.Task.Token","orderId.$":"$.orderId"}},"End":true}}}`

// tokenSink is a sqs:sendMessage resource that hands out the task
// tokens it receives.
func tokenSink(tokens chan<- TaskCall) Resources {
	return Resources{"arn:aws:states:::sqs:sendMessage": func(_ context.Context, c TaskCall) (json.RawMessage, error) {
		tokens <- c
		return json.RawMessage(`{"MessageId":"m-1"}`), nil
	}}
}

func TestSendTaskErrors(t *testing.T) {
	t.Parallel()
	calls := make(chan TaskCall, 1)
	e, _ := newFakeEngine(tokenSink(calls))
	other, _ := newFakeEngine(nil)
	m := mustParse(t, callbackDefinition)
	r := start(t, e, m, `{"orderId":"o-1"}`)
	call := recvCall(t, calls)
	otherToken := other.tokens.issue(1)

	tests := []struct {
		name  string
		token string
		want  error
	}{
		{"garbage", "not-a-token", ErrInvalidToken},
		{"empty", "", ErrInvalidToken},
		{"truncated", call.TaskToken[:len(call.TaskToken)-4], ErrInvalidToken},
		{"issued by another engine", otherToken, ErrTaskDoesNotExist},
		{"tampered", tamper(call.TaskToken), ErrTaskDoesNotExist},
	}
	for _, tc := range tests {
		if err := e.SendTaskSuccess(tc.token, json.RawMessage(`{}`)); !errors.Is(err, tc.want) {
			t.Errorf("%s: SendTaskSuccess error = %v, want %v", tc.name, err, tc.want)
		}
		if err := e.SendTaskHeartbeat(tc.token); !errors.Is(err, tc.want) {
			t.Errorf("%s: SendTaskHeartbeat error = %v, want %v", tc.name, err, tc.want)
		}
	}
	if err := e.SendTaskSuccess(call.TaskToken, json.RawMessage(`{"ok":`)); !errors.Is(err, ErrInvalidOutput) {
		t.Errorf("invalid output: error = %v, want ErrInvalidOutput", err)
	}
	if err := e.SendTaskSuccess(call.TaskToken, json.RawMessage(`{"ok":true}`)); err != nil {
		t.Fatalf("SendTaskSuccess: %v", err)
	}
	if err := e.SendTaskFailure(call.TaskToken, "E", "late"); !errors.Is(err, ErrTaskTimedOut) {
		t.Errorf("answer after close: error = %v, want ErrTaskTimedOut", err)
	}
	if o := r.wait(t); o.Status != StatusSucceeded || string(o.Output) != `{"ok":true}` {
		t.Errorf("outcome = %+v, output %s", o, o.Output)
	}
	if call.ExecutionArn == "" || call.StateName != "T" || !strings.HasSuffix(call.Resource, ".waitForTaskToken") {
		t.Errorf("task call = %+v", call)
	}
}

// recvCall returns the next task call, failing the test if none comes.
func recvCall(tb testing.TB, calls <-chan TaskCall) TaskCall {
	tb.Helper()
	select {
	case c := <-calls:
		return c
	case <-time.After(10 * time.Second):
		tb.Fatal("no task call")
		return TaskCall{}
	}
}

func tamper(token string) string {
	b := []byte(token)
	i := len(b) / 2
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	return string(b)
}

func TestConcurrentExecutionsNeverMixTokens(t *testing.T) {
	t.Parallel()
	const n = 200
	calls := make(chan TaskCall, n)
	e, _ := newFakeEngine(tokenSink(calls))
	m := mustParse(t, callbackDefinition)
	runs := map[string]*run{}
	for i := range n {
		id := "o-" + itoa(i)
		runs[id] = start(t, e, m, `{"orderId":"`+id+`"}`)
	}
	var wg sync.WaitGroup
	for range n {
		call := recvCall(t, calls)
		var body struct {
			MessageBody struct{ TaskToken, OrderID string }
		}
		if err := json.Unmarshal(call.Parameters, &body); err != nil {
			t.Fatal(err)
		}
		if body.MessageBody.TaskToken != call.TaskToken {
			t.Fatalf("message token %q differs from call token %q", body.MessageBody.TaskToken, call.TaskToken)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := e.SendTaskSuccess(call.TaskToken, json.RawMessage(`{"orderId":"`+body.MessageBody.OrderID+`"}`)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for id, r := range runs {
		o := r.wait(t)
		if o.Status != StatusSucceeded || string(o.Output) != `{"orderId":"`+id+`"}` {
			t.Errorf("%s: outcome %s output %s", id, o.Status, o.Output)
		}
	}
}

func TestHistoryDetails(t *testing.T) {
	t.Parallel()
	calls := make(chan TaskCall, 1)
	e, _ := newFakeEngine(tokenSink(calls))
	m := mustParse(t, callbackDefinition)
	r := start(t, e, m, `{"orderId":"o-1"}`)
	call := recvCall(t, calls)
	if err := e.SendTaskSuccess(call.TaskToken, json.RawMessage(`{"paid":true}`)); err != nil {
		t.Fatal(err)
	}
	r.wait(t)
	got := map[string]string{}
	for _, ev := range r.hist.snapshot() {
		raw, err := json.Marshal(ev.Details)
		if err != nil {
			t.Fatal(err)
		}
		got[ev.Type] = ev.DetailsKey + " " + string(raw)
	}
	params := `{\"MessageBody\":{\"orderId\":\"o-1\",\"taskToken\":\"` + call.TaskToken + `\"},\"QueueUrl\":\"q\"}`
	want := map[string]string{
		"ExecutionStarted":   `executionStartedEventDetails {"input":"{\"orderId\":\"o-1\"}","inputDetails":{"truncated":false},"roleArn":"arn:aws:iam::123456789012:role/sfn"}`,
		"TaskStateEntered":   `stateEnteredEventDetails {"name":"T","input":"{\"orderId\":\"o-1\"}","inputDetails":{"truncated":false}}`,
		"TaskScheduled":      `taskScheduledEventDetails {"resourceType":"sqs","resource":"sendMessage.waitForTaskToken","region":"us-east-1","parameters":"` + params + `","timeoutInSeconds":900,"heartbeatInSeconds":60}`,
		"TaskStarted":        `taskStartedEventDetails {"resourceType":"sqs","resource":"sendMessage.waitForTaskToken"}`,
		"TaskSubmitted":      `taskSubmittedEventDetails {"resourceType":"sqs","resource":"sendMessage.waitForTaskToken","output":"{\"MessageId\":\"m-1\"}","outputDetails":{"truncated":false}}`,
		"TaskSucceeded":      `taskSucceededEventDetails {"resourceType":"sqs","resource":"sendMessage.waitForTaskToken","output":"{\"paid\":true}","outputDetails":{"truncated":false}}`,
		"TaskStateExited":    `stateExitedEventDetails {"name":"T","output":"{\"paid\":true}","outputDetails":{"truncated":false}}`,
		"ExecutionSucceeded": `executionSucceededEventDetails {"output":"{\"paid\":true}","outputDetails":{"truncated":false}}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("event details (-want +got):\n%s", diff)
	}
}

func TestDataLimitExceeded(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("x", 100*1024)
	e, _ := newFakeEngine(nil)
	// 45,000 two-byte characters: 90,000 bytes of UTF-8, three times over
	// 256 KiB, though fewer than 256 Ki characters.
	wide := strings.Repeat("é", 45*1000)
	// AWS's cause as users quote it from real executions says "bytes".
	bytesCause := "The state/task 'P' returned a result with a size exceeding the maximum number of bytes service limit."
	tests := []struct {
		name, def, input, cause string
	}{
		{"state output", `{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s","c.$":"$.s"},"End":true}}}`, `{"s":"` + big + `"}`, bytesCause},
		{"utf-8 bytes count", `{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s","c.$":"$.s"},"End":true}}}`, `{"s":"` + wide + `"}`, bytesCause},
		{"execution input", `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`, `{"s":"` + big + big + big + `"}`, ""},
		{"not caught by States.ALL", `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"Q","States":{"Q":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s","c.$":"$.s"},"End":true}}}],
			"Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},"C":{"Type":"Succeed"}}}`, `{"s":"` + big + `"}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			o := start(t, e, mustParse(t, tc.def), tc.input).wait(t)
			if o.Status != StatusFailed || o.Error != ErrNameDataLimitExceeded {
				t.Errorf("outcome = %s %s: %s", o.Status, o.Error, o.Cause)
			}
			if tc.cause != "" && o.Cause != tc.cause {
				t.Errorf("cause = %q, want %q", o.Cause, tc.cause)
			}
		})
	}
}

func TestStopCallsDoneOnce(t *testing.T) {
	t.Parallel()
	calls := make(chan TaskCall, 1)
	e, _ := newFakeEngine(tokenSink(calls))
	m := mustParse(t, callbackDefinition)
	var mu sync.Mutex
	count := 0
	done := make(chan struct{}, 2)
	x := e.Start(m, StartParams{ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:sm:x", Input: json.RawMessage(`{"orderId":"o-1"}`)}, nil,
		func(Outcome) {
			mu.Lock()
			count++
			mu.Unlock()
			done <- struct{}{}
		})
	call := recvCall(t, calls)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(2)
		go func() { defer wg.Done(); _ = x.Stop("S", "") }()
		go func() { defer wg.Done(); _ = e.SendTaskSuccess(call.TaskToken, json.RawMessage(`{}`)) }()
	}
	wg.Wait()
	<-done
	if err := x.Stop("S", ""); !errors.Is(err, ErrExecutionNotRunning) {
		t.Errorf("Stop after end = %v, want ErrExecutionNotRunning", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if count != 1 {
		t.Errorf("done called %d times", count)
	}
}

func TestContextObject(t *testing.T) {
	t.Parallel()
	e, _ := newFakeEngine(nil)
	m := mustParse(t, `{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"ctx.$":"$$"},"End":true}}}`)
	o := start(t, e, m, `{"a":1}`).wait(t)
	want := `{"ctx":{"Execution":{"Id":"arn:aws:states:us-east-1:123456789012:execution:sm:exec-1","Input":{"a":1},"Name":"exec-1",` +
		`"RedriveCount":0,"RoleArn":"arn:aws:iam::123456789012:role/sfn","StartTime":"2026-01-02T03:04:05.000Z"},` +
		`"State":{"EnteredTime":"2026-01-02T03:04:05.000Z","Name":"P"},` +
		`"StateMachine":{"Id":"arn:aws:states:us-east-1:123456789012:stateMachine:sm","Name":"sm"}}}`
	assertJSONEqual(t, "context object", o.Output, []byte(want))
}
