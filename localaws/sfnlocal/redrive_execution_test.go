package sfnlocal_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

// What these tests expect comes from the RedriveExecution API reference
// and the developer guide's "Redriving executions": only FAILED,
// TIMED_OUT and ABORTED Standard executions are redrivable, within 14
// days of ending and a year of starting, with fewer than 24,999 history
// events; a redrive continues from the unsuccessful state with the same
// input, does not rerun the states that succeeded (nor, in a Parallel or
// inline Map, the branches and iterations that did), and appends an
// ExecutionRedriven event to the same history. The NOT_REDRIVABLE reasons
// are the ones DescribeExecution's reference lists.

const lambdaARN = "arn:aws:states:::lambda:invoke"

// chargeMachine prepares an order, charges it through a Lambda and
// notifies: the charge is what fails.
const chargeMachine = `{"StartAt":"Prepare","States":{
	"Prepare":{"Type":"Pass","Parameters":{"order.$":"$.order","amount":100},"Next":"Charge"},
	"Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge","Payload.$":"$"},
		"ResultSelector":{"charged.$":"$.Payload.by"},"ResultPath":"$.charge","Next":"Notify"},
	"Notify":{"Type":"Pass","End":true}}}`

// patientMachine waits for a callback as long as it takes.
const patientMachine = `{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
	"Parameters":{"QueueUrl":"http://queue","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}`

// functions is a fake Lambda: each function fails its first calls, as
// many as told, and every call is counted.
type functions struct {
	mu    sync.Mutex
	fails map[string]int
	calls map[string]int
}

func (f *functions) invoke(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
	var p struct {
		FunctionName string `json:"FunctionName"`
	}
	if err := json.Unmarshal(c.Parameters, &p); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls[p.FunctionName]++
	if f.fails[p.FunctionName] > 0 {
		f.fails[p.FunctionName]--
		return nil, &asl.TaskFailure{Name: "Lambda.ServiceException", Cause: p.FunctionName + " is unavailable"}
	}
	return json.RawMessage(fmt.Sprintf(`{"StatusCode":200,"Payload":{"by":%q}}`, p.FunctionName)), nil
}

func (f *functions) counts() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int{}
	for k, v := range f.calls {
		out[k] = v
	}
	return out
}

// newRedriveHarness is newHarness plus a fake Lambda whose functions fail
// as fails says.
func newRedriveHarness(tb testing.TB, fails map[string]int) (*harness, *functions) {
	tb.Helper()
	fn := &functions{fails: fails, calls: map[string]int{}}
	h := &harness{clock: clock.NewFake(epoch0), tasks: make(chan asl.TaskCall, 1024)}
	svc := sfnlocal.New(sfnlocal.Config{Region: testRegion, Account: testAccount, Clock: h.clock, Resources: asl.Resources{
		lambdaARN: fn.invoke,
		queueARN: func(_ context.Context, call asl.TaskCall) (json.RawMessage, error) {
			h.tasks <- call
			return json.RawMessage(`{"MessageId":"m-1"}`), nil
		},
	}})
	srv := httptest.NewServer(svc)
	tb.Cleanup(srv.Close)
	h.url, h.httpClient = srv.URL, srv.Client()
	h.client = h.clientIn(testRegion)
	return h, fn
}

// redrive redrives an execution with a client token and returns the date
// it answers.
func (h *harness) redrive(tb testing.TB, executionArn, token string) time.Time {
	tb.Helper()
	out, err := h.client.RedriveExecution(context.Background(), &sfn.RedriveExecutionInput{
		ExecutionArn: aws.String(executionArn), ClientToken: aws.String(token)})
	if err != nil {
		tb.Fatalf("RedriveExecution: %v", err)
	}
	if out.RedriveDate == nil {
		tb.Fatal("RedriveExecution answered no redriveDate")
	}
	return *out.RedriveDate
}

// describe returns DescribeExecution's answer.
func (h *harness) describe(tb testing.TB, executionArn string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	out, err := h.client.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: aws.String(executionArn)})
	if err != nil {
		tb.Fatalf("DescribeExecution: %v", err)
	}
	return out
}

// enteredCount counts the *StateEntered events of a state in a history.
func enteredCount(events []types.HistoryEvent, name string) int {
	n := 0
	for _, e := range events {
		if d := e.StateEnteredEventDetails; d != nil && aws.ToString(d.Name) == name {
			n++
		}
	}
	return n
}

func TestRedriveContinuesFromTheFailedTask(t *testing.T) {
	t.Parallel()
	h, fn := newRedriveHarness(t, map[string]int{"charge": 1})
	x := h.start(t, h.createMachine(t, "pay", chargeMachine), "order-1", `{"order":"o-1"}`)
	d := h.waitDone(t, x)
	if d.Status != types.ExecutionStatusFailed || aws.ToString(d.Error) != "Lambda.ServiceException" {
		t.Fatalf("first attempt = %s %s, want FAILED with the Lambda's error", d.Status, aws.ToString(d.Error))
	}
	if d.RedriveStatus != types.ExecutionRedriveStatusRedrivable || d.RedriveStatusReason != nil ||
		aws.ToInt32(d.RedriveCount) != 0 || d.RedriveDate != nil {
		t.Errorf("failed execution: redriveStatus %s reason %q count %d date %v, want REDRIVABLE, no reason, 0, none",
			d.RedriveStatus, aws.ToString(d.RedriveStatusReason), aws.ToInt32(d.RedriveCount), d.RedriveDate)
	}
	failedEvents := len(readHistory(t, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x)}))

	h.clock.Advance(time.Hour)
	date := h.redrive(t, x, "retry-1")
	if !date.Equal(epoch0.Add(time.Hour)) {
		t.Errorf("redriveDate = %v, want the clock's %v", date, epoch0.Add(time.Hour))
	}
	d = h.waitDone(t, x)
	if d.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("redriven execution = %s (%s), want SUCCEEDED", d.Status, aws.ToString(d.Cause))
	}
	if diff := cmp.Diff(`{"amount":100,"charge":{"charged":"charge"},"order":"o-1"}`, aws.ToString(d.Output)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if aws.ToInt32(d.RedriveCount) != 1 || d.RedriveDate == nil || !d.RedriveDate.Equal(date) {
		t.Errorf("redriveCount %d, redriveDate %v; want 1 and %v", aws.ToInt32(d.RedriveCount), d.RedriveDate, date)
	}
	if d.RedriveStatus != types.ExecutionRedriveStatusNotRedrivable || aws.ToString(d.RedriveStatusReason) != "Execution is SUCCEEDED and cannot be redriven" {
		t.Errorf("after success: %s %q", d.RedriveStatus, aws.ToString(d.RedriveStatusReason))
	}
	if d.Error != nil || d.Cause != nil {
		t.Errorf("the succeeded execution still reports the old failure %q: %q", aws.ToString(d.Error), aws.ToString(d.Cause))
	}

	events := readHistory(t, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x)})
	for i, e := range events {
		if e.Id != int64(i+1) {
			t.Fatalf("event %d has id %d: the redriven history must continue the numbering", i, e.Id)
		}
	}
	redriven := events[failedEvents]
	if redriven.Type != types.HistoryEventTypeExecutionRedriven || redriven.PreviousEventId != int64(failedEvents) ||
		redriven.ExecutionRedrivenEventDetails == nil || aws.ToInt32(redriven.ExecutionRedrivenEventDetails.RedriveCount) != 1 {
		t.Errorf("event %d = %s (previous %d, details %+v), want ExecutionRedriven after the ExecutionFailed, redriveCount 1",
			redriven.Id, redriven.Type, redriven.PreviousEventId, redriven.ExecutionRedrivenEventDetails)
	}
	if n := enteredCount(events, "Prepare"); n != 1 {
		t.Errorf("Prepare entered %d times, want once: states that succeeded are not rerun", n)
	}
	if n := enteredCount(events, "Charge"); n != 2 {
		t.Errorf("Charge entered %d times, want twice", n)
	}
	if got := fn.counts()["charge"]; got != 2 {
		t.Errorf("the Lambda was called %d times, want 2", got)
	}
}

func TestRedriveGivesTheCallbackANewToken(t *testing.T) {
	t.Parallel()
	h, _ := newRedriveHarness(t, nil)
	x := h.start(t, h.createMachine(t, "ask", tokenMachine), "ask-1", `{"order":"o-1"}`)
	first := h.nextTask(t)
	if _, err := h.client.SendTaskFailure(context.Background(), &sfn.SendTaskFailureInput{
		TaskToken: aws.String(first.TaskToken), Error: aws.String("Processor.Down"), Cause: aws.String("try later")}); err != nil {
		t.Fatal(err)
	}
	if d := h.waitDone(t, x); d.Status != types.ExecutionStatusFailed {
		t.Fatalf("after SendTaskFailure: %s", d.Status)
	}
	h.redrive(t, x, "again")
	second := h.nextTask(t)
	if second.TaskToken == first.TaskToken {
		t.Fatal("the redriven task was given the failed task's token")
	}
	if d := h.describe(t, x); d.Status != types.ExecutionStatusRunning || d.StopDate != nil {
		t.Errorf("while the redriven task waits: status %s, stopDate %v; want RUNNING and none", d.Status, d.StopDate)
	}
	_, err := h.client.SendTaskSuccess(context.Background(), &sfn.SendTaskSuccessInput{TaskToken: aws.String(first.TaskToken), Output: aws.String(`{}`)})
	wantAPIError[*types.TaskTimedOut](t, err)
	if _, err := h.client.SendTaskSuccess(context.Background(), &sfn.SendTaskSuccessInput{
		TaskToken: aws.String(second.TaskToken), Output: aws.String(`{"approved":true}`)}); err != nil {
		t.Fatal(err)
	}
	if d := h.waitDone(t, x); d.Status != types.ExecutionStatusSucceeded || aws.ToString(d.Output) != `{"approved":true}` {
		t.Fatalf("redriven execution = %s %s, want SUCCEEDED with the callback's output", d.Status, aws.ToString(d.Output))
	}
}

func TestRedriveRerunsOnlyTheFailedBranch(t *testing.T) {
	t.Parallel()
	h, fn := newRedriveHarness(t, map[string]int{"risk": 1})
	// The risk branch waits, so the fraud branch has succeeded before
	// the risk check fails.
	def := `{"StartAt":"Checks","States":{"Checks":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"Fraud","States":{"Fraud":{"Type":"Task","Resource":"` + lambdaARN + `","Parameters":{"FunctionName":"fraud"},"OutputPath":"$.Payload","End":true}}},
		{"StartAt":"Settle","States":{"Settle":{"Type":"Wait","Seconds":30,"Next":"Risk"},
			"Risk":{"Type":"Task","Resource":"` + lambdaARN + `","Parameters":{"FunctionName":"risk"},"OutputPath":"$.Payload","End":true}}}]}}}`
	x := h.start(t, h.createMachine(t, "checks", def), "c-1", `{}`)
	h.waitEvent(t, x, func(e types.HistoryEvent) bool {
		return e.StateExitedEventDetails != nil && aws.ToString(e.StateExitedEventDetails.Name) == "Fraud"
	})
	h.waitTimers(t, 1)
	h.clock.Advance(30 * time.Second)
	if d := h.waitDone(t, x); d.Status != types.ExecutionStatusFailed {
		t.Fatalf("first attempt: %s", d.Status)
	}
	h.redrive(t, x, "r")
	d := h.waitDone(t, x)
	if d.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("redriven: %s %s", d.Status, aws.ToString(d.Cause))
	}
	if diff := cmp.Diff(`[{"by":"fraud"},{"by":"risk"}]`, aws.ToString(d.Output)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"fraud": 1, "risk": 2}, fn.counts()); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	if n := enteredCount(readHistory(t, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(x)}), "Settle"); n != 1 {
		t.Errorf("Settle entered %d times, want once: it had succeeded in the failed branch", n)
	}
}

func TestRedriveRerunsOnlyTheFailedIterations(t *testing.T) {
	t.Parallel()
	h, fn := newRedriveHarness(t, map[string]int{"c": 1})
	def := `{"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"End":true,
		"ItemProcessor":{"StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"` + lambdaARN + `",
			"Parameters":{"FunctionName.$":"$"},"OutputPath":"$.Payload","End":true}}}}}}`
	x := h.start(t, h.createMachine(t, "ship", def), "s-1", `["a","b","c","d"]`)
	if d := h.waitDone(t, x); d.Status != types.ExecutionStatusFailed {
		t.Fatalf("first attempt: %s", d.Status)
	}
	h.redrive(t, x, "r")
	d := h.waitDone(t, x)
	if d.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("redriven: %s %s", d.Status, aws.ToString(d.Cause))
	}
	if diff := cmp.Diff(`[{"by":"a"},{"by":"b"},{"by":"c"},{"by":"d"}]`, aws.ToString(d.Output)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	// a and b succeeded; c failed; d had not started (one at a time).
	if diff := cmp.Diff(map[string]int{"a": 1, "b": 1, "c": 2, "d": 1}, fn.counts()); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

func TestRedriveRefusals(t *testing.T) {
	t.Parallel()
	type verdict struct {
		status types.ExecutionRedriveStatus
		reason string
	}
	tests := []struct {
		name string
		// setup returns an execution in the state under test.
		setup func(t *testing.T, h *harness) string
		want  verdict
	}{
		{"running", func(t *testing.T, h *harness) string {
			return h.start(t, h.createMachine(t, "m", waitMachine), "x", `{}`)
		}, verdict{types.ExecutionRedriveStatusNotRedrivable, "Execution is RUNNING and cannot be redriven"}},
		{"succeeded", func(t *testing.T, h *harness) string {
			x := h.start(t, h.createMachine(t, "m", passMachine), "x", `{}`)
			h.waitDone(t, x)
			return x
		}, verdict{types.ExecutionRedriveStatusNotRedrivable, "Execution is SUCCEEDED and cannot be redriven"}},
		{"failed 14 days ago is still redrivable", func(t *testing.T, h *harness) string {
			x := h.start(t, h.createMachine(t, "m", failMachine), "x", `{}`)
			h.waitDone(t, x)
			h.clock.Advance(14 * 24 * time.Hour)
			return x
		}, verdict{types.ExecutionRedriveStatusRedrivable, ""}},
		{"failed more than 14 days ago", func(t *testing.T, h *harness) string {
			x := h.start(t, h.createMachine(t, "m", failMachine), "x", `{}`)
			h.waitDone(t, x)
			h.clock.Advance(14*24*time.Hour + time.Second)
			return x
		}, verdict{types.ExecutionRedriveStatusNotRedrivable, "Execution redrivable period exceeded"}},
		{"aborted a year after it started", func(t *testing.T, h *harness) string {
			long := `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":40000000,"End":true}}}`
			x := h.start(t, h.createMachine(t, "m", long), "x", `{}`)
			h.waitTimers(t, 1)
			h.clock.Advance(366 * 24 * time.Hour)
			if _, err := h.client.StopExecution(context.Background(), &sfn.StopExecutionInput{ExecutionArn: aws.String(x)}); err != nil {
				t.Fatal(err)
			}
			return x
		}, verdict{types.ExecutionRedriveStatusNotRedrivable, "Execution has exceeded the max execution time"}},
		{"history full", func(t *testing.T, h *harness) string {
			loop := `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"C"}],"Default":"A"},"C":{"Type":"Succeed"}}}`
			x := h.start(t, h.createMachine(t, "m", loop), "x", `{}`)
			h.waitDone(t, x)
			return x
		}, verdict{types.ExecutionRedriveStatusNotRedrivable, "Execution history event limit exceeded"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t)
			x := tc.setup(t, h)
			d := h.describe(t, x)
			if got := (verdict{d.RedriveStatus, aws.ToString(d.RedriveStatusReason)}); got != tc.want {
				t.Errorf("DescribeExecution says %+v, want %+v", got, tc.want)
			}
			_, err := h.client.RedriveExecution(context.Background(), &sfn.RedriveExecutionInput{ExecutionArn: aws.String(x)})
			if tc.want.status == types.ExecutionRedriveStatusRedrivable {
				if err != nil {
					t.Errorf("RedriveExecution: %v", err)
				}
				return
			}
			e := wantAPIError[*types.ExecutionNotRedrivable](t, err)
			if !strings.Contains(e.ErrorMessage(), tc.want.reason) {
				t.Errorf("message %q does not give the reason %q", e.ErrorMessage(), tc.want.reason)
			}
		})
	}
}

func TestRedriveUnknownExecution(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	arn := "arn:aws:states:us-east-1:123456789012:execution:none:x"
	_, err := h.client.RedriveExecution(context.Background(), &sfn.RedriveExecutionInput{ExecutionArn: aws.String(arn)})
	wantAPIError[*types.ExecutionDoesNotExist](t, err)
	_, err = h.client.RedriveExecution(context.Background(), &sfn.RedriveExecutionInput{ExecutionArn: aws.String("not-an-arn")})
	wantAPIError[*types.InvalidArn](t, err)
}

func TestRedriveClientTokenIsIdempotent(t *testing.T) {
	t.Parallel()
	h, _ := newRedriveHarness(t, nil)
	x := h.start(t, h.createMachine(t, "ask", patientMachine), "ask-1", `{"order":"o-1"}`)
	h.nextTask(t)
	if _, err := h.client.StopExecution(context.Background(), &sfn.StopExecutionInput{ExecutionArn: aws.String(x)}); err != nil {
		t.Fatal(err)
	}
	first := h.redrive(t, x, "token-1")
	h.nextTask(t)

	h.clock.Advance(10 * time.Minute)
	if again := h.redrive(t, x, "token-1"); !again.Equal(first) {
		t.Errorf("retry with the same token answered %v, want the first redrive's %v", again, first)
	}
	_, err := h.client.RedriveExecution(context.Background(), &sfn.RedriveExecutionInput{ExecutionArn: aws.String(x), ClientToken: aws.String("token-2")})
	wantAPIError[*types.ExecutionNotRedrivable](t, err)
	if d := h.describe(t, x); aws.ToInt32(d.RedriveCount) != 1 {
		t.Errorf("redriveCount = %d after one redrive and a retry, want 1", aws.ToInt32(d.RedriveCount))
	}
	select {
	case call := <-h.tasks:
		t.Errorf("the retry ran the task again (%s)", call.StateName)
	default:
	}

	// Past 15 minutes the token no longer names that redrive.
	if _, err := h.client.StopExecution(context.Background(), &sfn.StopExecutionInput{ExecutionArn: aws.String(x)}); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(6 * time.Minute)
	if later := h.redrive(t, x, "token-1"); later.Equal(first) {
		t.Error("a token 16 minutes old still answered its old redrive")
	}
	if d := h.describe(t, x); aws.ToInt32(d.RedriveCount) != 2 || d.Status != types.ExecutionStatusRunning {
		t.Errorf("after a second redrive: count %d status %s, want 2 RUNNING", aws.ToInt32(d.RedriveCount), d.Status)
	}
}

func TestListExecutionsRedriveFilter(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	m := h.createMachine(t, "m", failMachine)
	kept := h.start(t, m, "kept", `{}`)
	again := h.start(t, m, "again", `{}`)
	h.waitDone(t, kept)
	h.waitDone(t, again)
	date := h.redrive(t, again, "r")
	h.waitDone(t, again)

	list := func(filter types.ExecutionRedriveFilter) []types.ExecutionListItem {
		t.Helper()
		out, err := h.client.ListExecutions(context.Background(), &sfn.ListExecutionsInput{StateMachineArn: aws.String(m), RedriveFilter: filter})
		if err != nil {
			t.Fatalf("ListExecutions(%s): %v", filter, err)
		}
		return out.Executions
	}
	names := func(items []types.ExecutionListItem) []string {
		var out []string
		for _, e := range items {
			out = append(out, aws.ToString(e.Name))
		}
		return out
	}
	if diff := cmp.Diff([]string{"again"}, names(list(types.ExecutionRedriveFilterRedriven))); diff != "" {
		t.Errorf("REDRIVEN (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"kept"}, names(list(types.ExecutionRedriveFilterNotRedriven))); diff != "" {
		t.Errorf("NOT_REDRIVEN (-want +got):\n%s", diff)
	}
	all := list("")
	if diff := cmp.Diff([]string{"again", "kept"}, names(all)); diff != "" {
		t.Errorf("no filter (-want +got):\n%s", diff)
	}
	if aws.ToInt32(all[0].RedriveCount) != 1 || all[0].RedriveDate == nil || !all[0].RedriveDate.Equal(date) || all[1].RedriveDate != nil {
		t.Errorf("items: %d %v / %v, want the redriven one with count 1 and date %v", aws.ToInt32(all[0].RedriveCount), all[0].RedriveDate, all[1].RedriveDate, date)
	}
	_, err := h.client.ListExecutions(context.Background(), &sfn.ListExecutionsInput{StateMachineArn: aws.String(m), RedriveFilter: "SOMETIMES"})
	isValidationError(t, err)
}

// waitEvent polls the history until an event satisfies ok.
func (h *harness) waitEvent(tb testing.TB, executionArn string, ok func(types.HistoryEvent) bool) {
	tb.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		for _, e := range readHistory(tb, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(executionArn)}) {
			if ok(e) {
				return
			}
		}
	}
	tb.Fatalf("the awaited event never came; history: %v", historyTypes(tb, h, executionArn))
}

func TestConcurrentRedrivesRedriveOnce(t *testing.T) {
	t.Parallel()
	h, _ := newRedriveHarness(t, nil)
	x := h.start(t, h.createMachine(t, "ask", patientMachine), "ask-1", `{}`)
	h.nextTask(t)
	if _, err := h.client.StopExecution(context.Background(), &sfn.StopExecutionInput{ExecutionArn: aws.String(x)}); err != nil {
		t.Fatal(err)
	}
	const n = 8
	errs := make(chan error, n)
	for i := range n {
		go func() {
			_, err := h.client.RedriveExecution(context.Background(), &sfn.RedriveExecutionInput{
				ExecutionArn: aws.String(x), ClientToken: aws.String(fmt.Sprintf("caller-%d", i))})
			errs <- err
		}()
	}
	won := 0
	for range n {
		err := <-errs
		if err == nil {
			won++
			continue
		}
		wantAPIError[*types.ExecutionNotRedrivable](t, err)
	}
	if won != 1 {
		t.Errorf("%d of %d concurrent redrives succeeded, want 1", won, n)
	}
	h.nextTask(t)
	if d := h.describe(t, x); aws.ToInt32(d.RedriveCount) != 1 || d.Status != types.ExecutionStatusRunning {
		t.Errorf("count %d status %s, want 1 RUNNING", aws.ToInt32(d.RedriveCount), d.Status)
	}
}

func TestRedriveTimedOutExecution(t *testing.T) {
	t.Parallel()
	h, _ := newRedriveHarness(t, nil)
	def := `{"TimeoutSeconds":10,"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
		"Parameters":{"QueueUrl":"http://queue","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}`
	x := h.start(t, h.createMachine(t, "slow", def), "slow-1", `{}`)
	h.nextTask(t)
	h.waitTimers(t, 1)
	h.clock.Advance(10 * time.Second)
	d := h.waitDone(t, x)
	if d.Status != types.ExecutionStatusTimedOut || d.RedriveStatus != types.ExecutionRedriveStatusRedrivable {
		t.Fatalf("after the machine's timeout: %s, %s; want TIMED_OUT and REDRIVABLE", d.Status, d.RedriveStatus)
	}
	// AWS describes it without an error or cause (LocalStack's
	// AWS-validated test_timeouts.py::test_global_timeout).
	if d.Error != nil || d.Cause != nil {
		t.Errorf("a timed-out execution describes error %q cause %q, want neither", aws.ToString(d.Error), aws.ToString(d.Cause))
	}
	h.redrive(t, x, "r")
	call := h.nextTask(t)
	if _, err := h.client.SendTaskSuccess(context.Background(), &sfn.SendTaskSuccessInput{
		TaskToken: aws.String(call.TaskToken), Output: aws.String(`{"late":true}`)}); err != nil {
		t.Fatal(err)
	}
	if d := h.waitDone(t, x); d.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("redriven: %s", d.Status)
	}
	events := historyTypes(t, h, x)
	if got := events[len(events)-1]; got != "ExecutionSucceeded" || !slices.Contains(events, "ExecutionTimedOut") ||
		!slices.Contains(events, "ExecutionRedriven") {
		t.Errorf("history %v, want the timeout, the redrive and the success", events)
	}
}
