package sqslocal_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func arnOf(name string) string { return "arn:aws:sqs:us-east-1:" + account + ":" + name }

// deadLetter sends n (at most 10) messages to a queue that dead-letters
// after one receive, and receives them twice so that they move to its DLQ.
func (e *env) deadLetter(tb testing.TB, url string, n int) {
	tb.Helper()
	for i := range n {
		e.send(tb, url, "poison "+strconv.Itoa(i))
	}
	for range 2 {
		if _, err := e.sqs.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10}); err != nil {
			tb.Fatalf("ReceiveMessage: %v", err)
		}
		e.clock.Advance(30 * time.Second) // the default visibility timeout
	}
}

// redrivePair creates name and its dead-letter queue name-dlq.
func (e *env) redrivePair(tb testing.TB, name string) (src, dlq string) {
	tb.Helper()
	dlq = e.createQueue(tb, name+"-dlq", nil)
	src = e.createQueue(tb, name, map[string]string{
		"RedrivePolicy": `{"deadLetterTargetArn":"` + arnOf(name+"-dlq") + `","maxReceiveCount":1}`,
	})
	return src, dlq
}

func (e *env) listTasks(tb testing.TB, source string) []types.ListMessageMoveTasksResultEntry {
	tb.Helper()
	out, err := e.sqs.ListMessageMoveTasks(context.Background(), &sqs.ListMessageMoveTasksInput{SourceArn: aws.String(source), MaxResults: aws.Int32(10)})
	if err != nil {
		tb.Fatalf("ListMessageMoveTasks: %v", err)
	}
	return out.Results
}

func TestMoveTaskRedrivesToOriginalSources(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	dlq := e.createQueue(t, "shared-dlq", nil)
	policy := map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"` + arnOf("shared-dlq") + `","maxReceiveCount":1}`}
	a, b := e.createQueue(t, "a", policy), e.createQueue(t, "b", policy)
	e.deadLetter(t, a, 2)
	e.deadLetter(t, b, 1)
	if got := e.counts(t, dlq)[0]; got != "3" {
		t.Fatalf("DLQ holds %s messages, want 3", got)
	}
	if _, err := e.sqs.StartMessageMoveTask(ctx, &sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("shared-dlq"))}); err != nil {
		t.Fatalf("StartMessageMoveTask: %v", err)
	}
	want := []types.ListMessageMoveTasksResultEntry{{
		Status: aws.String("COMPLETED"), SourceArn: aws.String(arnOf("shared-dlq")),
		ApproximateNumberOfMessagesMoved: 3, ApproximateNumberOfMessagesToMove: aws.Int64(3),
		StartedTimestamp: e.clock.Now().UnixMilli(),
	}}
	if diff := cmp.Diff(want, e.listTasks(t, arnOf("shared-dlq")), cmpopts.IgnoreUnexported(types.ListMessageMoveTasksResultEntry{})); diff != "" {
		t.Errorf("ListMessageMoveTasks (-want +got):\n%s", diff)
	}
	for url, n := range map[string]string{a: "2", b: "1", dlq: "0"} {
		if got := e.counts(t, url)[0]; got != n {
			t.Errorf("%s holds %s messages, want %s", url, got, n)
		}
	}
	m := e.receiveOne(t, b)
	if got := m.Attributes["ApproximateReceiveCount"]; got != "1" {
		t.Errorf("a redriven message's receive count starts again: got %s, want 1", got)
	}
	if got, ok := m.Attributes["DeadLetterQueueSourceArn"]; ok {
		t.Errorf("a redriven message still says it came from %s", got)
	}
}

func TestMoveTaskRateAndCancel(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	src, dlq := e.redrivePair(t, "jobs")
	replay := e.createQueue(t, "replay", nil)
	e.deadLetter(t, src, 7)
	started, err := e.sqs.StartMessageMoveTask(ctx, &sqs.StartMessageMoveTaskInput{
		SourceArn: aws.String(arnOf("jobs-dlq")), DestinationArn: aws.String(arnOf("replay")), MaxNumberOfMessagesPerSecond: aws.Int32(2),
	})
	if err != nil {
		t.Fatalf("StartMessageMoveTask: %v", err)
	}
	running := types.ListMessageMoveTasksResultEntry{
		Status: aws.String("RUNNING"), SourceArn: aws.String(arnOf("jobs-dlq")), DestinationArn: aws.String(arnOf("replay")),
		MaxNumberOfMessagesPerSecond: aws.Int32(2), ApproximateNumberOfMessagesMoved: 2,
		ApproximateNumberOfMessagesToMove: aws.Int64(7), StartedTimestamp: e.clock.Now().UnixMilli(), TaskHandle: started.TaskHandle,
	}
	opts := cmpopts.IgnoreUnexported(types.ListMessageMoveTasksResultEntry{})
	if diff := cmp.Diff([]types.ListMessageMoveTasksResultEntry{running}, e.listTasks(t, arnOf("jobs-dlq")), opts); diff != "" {
		t.Fatalf("right after the start (-want +got):\n%s", diff)
	}
	e.waitTimers(t, 1)
	e.clock.Advance(time.Second)
	e.waitTimers(t, 1) // the task armed its next second
	if got := e.counts(t, replay)[0]; got != "4" {
		t.Fatalf("after one second at 2/s the destination holds %s messages, want 4", got)
	}
	_, err = e.sqs.StartMessageMoveTask(ctx, &sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("jobs-dlq"))})
	if got := apiCode(err); got != "InvalidParameterValue" {
		t.Errorf("second task while one runs: code %q (%v), want InvalidParameterValue", got, err)
	}
	cancelled, err := e.sqs.CancelMessageMoveTask(ctx, &sqs.CancelMessageMoveTaskInput{TaskHandle: started.TaskHandle})
	if err != nil {
		t.Fatalf("CancelMessageMoveTask: %v", err)
	}
	if cancelled.ApproximateNumberOfMessagesMoved != 4 {
		t.Errorf("CancelMessageMoveTask moved = %d, want 4", cancelled.ApproximateNumberOfMessagesMoved)
	}
	cancelling := running
	cancelling.Status, cancelling.ApproximateNumberOfMessagesMoved, cancelling.TaskHandle = aws.String("CANCELLING"), 4, nil
	if diff := cmp.Diff([]types.ListMessageMoveTasksResultEntry{cancelling}, e.listTasks(t, arnOf("jobs-dlq")), opts); diff != "" {
		t.Errorf("right after the cancel, before the task's next second (-want +got):\n%s", diff)
	}
	_, err = e.sqs.StartMessageMoveTask(ctx, &sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("jobs-dlq"))})
	if got := apiCode(err); got != "InvalidParameterValue" {
		t.Errorf("a new task while one is cancelling: code %q (%v), want InvalidParameterValue", got, err)
	}
	e.clock.Advance(10 * time.Second)
	// The task's next second runs on the clock's timer goroutine, after
	// Advance returns: wait (at most 5 s) for it to end the cancel.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if aws.ToString(e.listTasks(t, arnOf("jobs-dlq"))[0].Status) != "CANCELLING" {
			break
		}
	}
	if got := [2]string{e.counts(t, replay)[0], e.counts(t, dlq)[0]}; got != [2]string{"4", "3"} {
		t.Errorf("after the cancel, destination and DLQ hold %v, want [4 3]", got)
	}
	done := running
	done.Status, done.ApproximateNumberOfMessagesMoved, done.TaskHandle = aws.String("CANCELLED"), 4, nil
	if diff := cmp.Diff([]types.ListMessageMoveTasksResultEntry{done}, e.listTasks(t, arnOf("jobs-dlq")), opts); diff != "" {
		t.Errorf("after the cancel (-want +got):\n%s", diff)
	}
	if _, err := e.sqs.StartMessageMoveTask(ctx, &sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("jobs-dlq"))}); err != nil {
		t.Fatalf("a new task after the cancel: %v", err)
	}
	tasks := e.listTasks(t, arnOf("jobs-dlq"))
	if len(tasks) != 2 || aws.ToString(tasks[0].Status) != "COMPLETED" || tasks[0].ApproximateNumberOfMessagesMoved != 3 {
		t.Errorf("tasks after the second start = %+v, want the completed one first", tasks)
	}
	if got := e.counts(t, src)[0]; got != "3" {
		t.Errorf("the source holds %s messages after the redrive, want 3", got)
	}
}

func TestMoveTaskFailsWhenTheDestinationGoes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	src, _ := e.redrivePair(t, "jobs")
	dest := e.createQueue(t, "replay", nil)
	e.deadLetter(t, src, 3)
	if _, err := e.sqs.StartMessageMoveTask(ctx, &sqs.StartMessageMoveTaskInput{
		SourceArn: aws.String(arnOf("jobs-dlq")), DestinationArn: aws.String(arnOf("replay")), MaxNumberOfMessagesPerSecond: aws.Int32(1),
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sqs.DeleteQueue(ctx, &sqs.DeleteQueueInput{QueueUrl: &dest}); err != nil {
		t.Fatal(err)
	}
	e.waitTimers(t, 1)
	e.clock.Advance(time.Second)
	var got types.ListMessageMoveTasksResultEntry
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if got = e.listTasks(t, arnOf("jobs-dlq"))[0]; aws.ToString(got.Status) != "RUNNING" {
			break
		}
	}
	if aws.ToString(got.Status) != "FAILED" || aws.ToString(got.FailureReason) != "AWS.SimpleQueueService.NonExistentQueue" || got.ApproximateNumberOfMessagesMoved != 1 {
		t.Errorf("task = %s %s moved %d, want FAILED AWS.SimpleQueueService.NonExistentQueue moved 1",
			aws.ToString(got.Status), aws.ToString(got.FailureReason), got.ApproximateNumberOfMessagesMoved)
	}
}

// TestMoveTaskErrors checks the codes and messages AWS answers with, as
// recorded from AWS in LocalStack's test_sqs_move_task snapshots.
func TestMoveTaskErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	src, _ := e.redrivePair(t, "jobs")
	e.createQueue(t, "plain", nil)
	e.deadLetter(t, src, 2)
	// A slow task keeps running for the "already running" case.
	if _, err := e.sqs.StartMessageMoveTask(ctx, &sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("jobs-dlq")), MaxNumberOfMessagesPerSecond: aws.Int32(1)}); err != nil {
		t.Fatal(err)
	}
	start := func(in sqs.StartMessageMoveTaskInput) func() error {
		return func() error { _, err := e.sqs.StartMessageMoveTask(ctx, &in); return err }
	}
	cancel := func(handle string) func() error {
		return func() error {
			_, err := e.sqs.CancelMessageMoveTask(ctx, &sqs.CancelMessageMoveTaskInput{TaskHandle: &handle})
			return err
		}
	}
	tests := []struct {
		name       string
		call       func() error
		code, text string
		status     int
	}{
		{"missing source", start(sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("nope"))}),
			"ResourceNotFoundException", "The resource that you specified for the SourceArn parameter doesn't exist.", 404},
		{"not a dead-letter queue", start(sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("plain"))}),
			"InvalidParameterValue", "Source queue must be configured as a Dead Letter Queue.", 400},
		{"missing destination", start(sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("jobs-dlq")), DestinationArn: aws.String(arnOf("nope"))}),
			"ResourceNotFoundException", "The resource that you specified for the DestinationArn parameter doesn't exist.", 404},
		{"already running", start(sqs.StartMessageMoveTaskInput{SourceArn: aws.String(arnOf("jobs-dlq"))}),
			"InvalidParameterValue", "There is already a task running. Only one active task is allowed for a source queue arn at a given time.", 400},
		{"garbage handle", cancel("not a handle"), "InvalidParameterValue", "Value for parameter TaskHandle is invalid.", 400},
		{"handle of a missing queue", cancel("eyJ0YXNrSWQiOiJ4Iiwic291cmNlQXJuIjoiYXJuOmF3czpzcXM6dXMtZWFzdC0xOjEyMzQ1Njc4OTAxMjpub3BlIn0="),
			"ResourceNotFoundException", "The resource that you specified for the SourceArn parameter doesn't exist.", 404},
		{"handle of a missing task", cancel("eyJ0YXNrSWQiOiJ4Iiwic291cmNlQXJuIjoiYXJuOmF3czpzcXM6dXMtZWFzdC0xOjEyMzQ1Njc4OTAxMjpqb2JzLWRscSJ9"),
			"ResourceNotFoundException", "Task does not exist.", 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.call()
			var apiErr smithy.APIError
			var httpErr interface{ HTTPStatusCode() int }
			if !errorsAs(err, &apiErr) || apiErr.ErrorCode() != tc.code || apiErr.ErrorMessage() != tc.text {
				t.Fatalf("error = %v, want %s %q", err, tc.code, tc.text)
			}
			if !errorsAs(err, &httpErr) || httpErr.HTTPStatusCode() != tc.status {
				t.Errorf("status = %v, want %d", err, tc.status)
			}
		})
	}
}

// TestQueryProtocolMoveTasks checks the XML shape of ListMessageMoveTasks:
// one flattened ListMessageMoveTasksResultEntry per task, as the SQS
// service model names it.
func TestQueryProtocolMoveTasks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	src, _ := e.redrivePair(t, "jobs")
	e.deadLetter(t, src, 1)
	var started struct {
		TaskHandle string `xml:"StartMessageMoveTaskResult>TaskHandle"`
	}
	e.queryOK(t, "/", values("Action", "StartMessageMoveTask", "SourceArn", arnOf("jobs-dlq")), &started)
	if started.TaskHandle == "" {
		t.Fatal("StartMessageMoveTask answered no TaskHandle")
	}
	var listed struct {
		Entries []struct {
			Status    string `xml:"Status"`
			SourceArn string `xml:"SourceArn"`
			Moved     int    `xml:"ApproximateNumberOfMessagesMoved"`
		} `xml:"ListMessageMoveTasksResult>ListMessageMoveTasksResultEntry"`
	}
	e.queryOK(t, "/", values("Action", "ListMessageMoveTasks", "SourceArn", arnOf("jobs-dlq")), &listed)
	if len(listed.Entries) != 1 || listed.Entries[0].Status != "COMPLETED" || listed.Entries[0].Moved != 1 {
		t.Errorf("ListMessageMoveTasks entries = %+v, want one COMPLETED task that moved 1", listed.Entries)
	}
	status, body := e.query(t, "/", values("Action", "CancelMessageMoveTask", "TaskHandle", started.TaskHandle))
	var qe queryError
	if err := xml.Unmarshal(body, &qe); err != nil || status != http.StatusBadRequest || qe.Error.Code != "InvalidParameterValue" {
		t.Errorf("cancelling a finished task: %d %s, want InvalidParameterValue", status, body)
	}
}
