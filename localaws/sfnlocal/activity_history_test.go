package sfnlocal_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

// activityEvent is what a user reads of an activity's history events.
type activityEvent struct {
	Type                    string
	Resource, Input, Worker string
	Output, Error, Cause    string
	Timeout, Heartbeat      int64
}

// activityEvents keeps the Activity* events of a history, with their
// details, and the types of all events.
func activityEvents(tb testing.TB, h *harness, exec string) (types []string, acts []activityEvent) {
	tb.Helper()
	for _, e := range readHistory(tb, h, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(exec)}) {
		types = append(types, string(e.Type))
		a := activityEvent{Type: string(e.Type)}
		switch d := e; {
		case d.ActivityScheduledEventDetails != nil:
			s := d.ActivityScheduledEventDetails
			a.Resource, a.Input = aws.ToString(s.Resource), aws.ToString(s.Input)
			a.Timeout, a.Heartbeat = aws.ToInt64(s.TimeoutInSeconds), aws.ToInt64(s.HeartbeatInSeconds)
		case d.ActivityStartedEventDetails != nil:
			a.Worker = aws.ToString(d.ActivityStartedEventDetails.WorkerName)
		case d.ActivitySucceededEventDetails != nil:
			a.Output = aws.ToString(d.ActivitySucceededEventDetails.Output)
		case d.ActivityFailedEventDetails != nil:
			a.Error, a.Cause = aws.ToString(d.ActivityFailedEventDetails.Error), aws.ToString(d.ActivityFailedEventDetails.Cause)
		case d.ActivityTimedOutEventDetails != nil:
			a.Error, a.Cause = aws.ToString(d.ActivityTimedOutEventDetails.Error), aws.ToString(d.ActivityTimedOutEventDetails.Cause)
		case d.ActivityScheduleFailedEventDetails != nil:
			a.Error, a.Cause = aws.ToString(d.ActivityScheduleFailedEventDetails.Error), aws.ToString(d.ActivityScheduleFailedEventDetails.Cause)
		default:
			continue
		}
		acts = append(acts, a)
	}
	return types, acts
}

// TestActivityHistory checks that an activity task shows AWS's Activity*
// events (the HistoryEvent members of the Step Functions service model),
// not the Task* events of service integrations: ActivityScheduled with the
// activity ARN and input, ActivityStarted naming the worker when it takes
// the task, then how it ended.
func TestActivityHistory(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// work does the worker's part once the execution has started; it
		// gets the task token, or "" when no worker should get one.
		work      func(tb testing.TB, h *harness, token string)
		noWorker  bool
		deleted   bool // the activity is deleted before the execution starts
		status    types.ExecutionStatus
		wantTypes []string
		wantLast  activityEvent
	}{
		{
			name: "succeeded",
			work: func(tb testing.TB, h *harness, token string) {
				if _, err := h.client.SendTaskSuccess(context.Background(), &sfn.SendTaskSuccessInput{TaskToken: &token, Output: aws.String(`{"charged":true}`)}); err != nil {
					tb.Fatalf("SendTaskSuccess: %v", err)
				}
			},
			status: types.ExecutionStatusSucceeded,
			wantTypes: []string{"ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted",
				"ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"},
			wantLast: activityEvent{Type: "ActivitySucceeded", Output: `{"charged":true}`},
		},
		{
			name: "failed",
			work: func(tb testing.TB, h *harness, token string) {
				if _, err := h.client.SendTaskFailure(context.Background(), &sfn.SendTaskFailureInput{TaskToken: &token, Error: aws.String("CardDeclined"), Cause: aws.String("insufficient funds")}); err != nil {
					tb.Fatalf("SendTaskFailure: %v", err)
				}
			},
			status: types.ExecutionStatusFailed,
			wantTypes: []string{"ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted",
				"ActivityFailed", "ExecutionFailed"},
			wantLast: activityEvent{Type: "ActivityFailed", Error: "CardDeclined", Cause: "insufficient funds"},
		},
		{
			name: "timed out",
			work: func(tb testing.TB, h *harness, _ string) {
				h.waitTimers(tb, 2) // the state's timeout and heartbeat
				h.clock.Advance(60 * time.Second)
			},
			status: types.ExecutionStatusFailed,
			wantTypes: []string{"ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted",
				"ActivityTimedOut", "ExecutionFailed"},
			wantLast: activityEvent{Type: "ActivityTimedOut", Error: "States.Timeout"}, // as AWS reports heartbeat timeouts
		},
		{
			name:     "activity deleted",
			noWorker: true,
			deleted:  true,
			status:   types.ExecutionStatusFailed,
			wantTypes: []string{"ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
				"ActivityScheduleFailed", "ExecutionFailed"},
			wantLast: activityEvent{Type: "ActivityScheduleFailed", Error: "States.Runtime",
				Cause: "Activity Does Not Exist: 'arn:aws:states:us-east-1:123456789012:activity:charge'"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t)
			ctx := context.Background()
			act, err := h.client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("charge")})
			if err != nil {
				t.Fatalf("CreateActivity: %v", err)
			}
			arn := aws.ToString(act.ActivityArn)
			def := `{"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"` + arn +
				`","Parameters":{"order.$":"$.order"},"TimeoutSeconds":300,"HeartbeatSeconds":30,"End":true}}}`
			machine := h.createMachine(t, "activity-history", def)
			if tc.deleted {
				if _, err := h.client.DeleteActivity(ctx, &sfn.DeleteActivityInput{ActivityArn: &arn}); err != nil {
					t.Fatalf("DeleteActivity: %v", err)
				}
			}
			exec := h.start(t, machine, "o-1", `{"order":"o-1"}`)
			if !tc.noWorker {
				task, err := h.client.GetActivityTask(ctx, &sfn.GetActivityTaskInput{ActivityArn: &arn, WorkerName: aws.String("worker-7")})
				if err != nil || aws.ToString(task.TaskToken) == "" {
					t.Fatalf("GetActivityTask = %v, %v; want a task", task, err)
				}
				tc.work(t, h, aws.ToString(task.TaskToken))
			}
			if got := h.waitDone(t, exec).Status; got != tc.status {
				t.Errorf("status = %s, want %s", got, tc.status)
			}
			gotTypes, acts := activityEvents(t, h, exec)
			if diff := cmp.Diff(tc.wantTypes, gotTypes); diff != "" {
				t.Errorf("event types (-want +got):\n%s", diff)
			}
			want := []activityEvent{{Type: "ActivityScheduled", Resource: arn, Input: `{"order":"o-1"}`, Timeout: 300, Heartbeat: 30}}
			if !tc.noWorker {
				want = append(want, activityEvent{Type: "ActivityStarted", Worker: "worker-7"})
			}
			want = append(want, tc.wantLast)
			if diff := cmp.Diff(want, acts); diff != "" {
				t.Errorf("activity events (-want +got):\n%s", diff)
			}
		})
	}
}
