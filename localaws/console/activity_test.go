package console_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/payflow-dev/payflow/localaws/console"
)

// TestOverviewShowsTasksWaitingForAnActivityWorker starts an execution
// whose task is an activity: it is listed as waiting until a worker takes
// it and answers.
func TestOverviewShowsTasksWaitingForAnActivityWorker(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	act, err := f.sfn.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("approve")})
	if err != nil {
		t.Fatal(err)
	}
	def := `{"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"` + aws.ToString(act.ActivityArn) + `","End":true}}}`
	m, err := f.sfn.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("approver"), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"), Definition: aws.String(def),
	})
	if err != nil {
		t.Fatal(err)
	}
	x, err := f.sfn.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: m.StateMachineArn, Name: aws.String("order-3")})
	if err != nil {
		t.Fatal(err)
	}
	// The worker's poll returns once the task is scheduled.
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	task, err := f.sfn.GetActivityTask(wctx, &sfn.GetActivityTaskInput{ActivityArn: act.ActivityArn, WorkerName: aws.String("w1")})
	if err != nil || aws.ToString(task.TaskToken) == "" {
		t.Fatalf("GetActivityTask = %+v, %v; want the scheduled task", task, err)
	}

	o, _ := getJSON[console.Overview](t, f.console.URL+console.Prefix+"api/overview")
	if len(o.Waiting) != 1 || o.Waiting[0].State != "Approve" || o.Waiting[0].ARN != aws.ToString(x.ExecutionArn) ||
		!strings.HasSuffix(o.Waiting[0].Resource, aws.ToString(act.ActivityArn)) {
		t.Fatalf("waiting = %+v, want the Approve activity task", o.Waiting)
	}

	if _, err := f.sfn.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: task.TaskToken, Output: aws.String(`{}`)}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		d, err := f.sfn.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: x.ExecutionArn})
		if err != nil {
			t.Fatal(err)
		}
		if d.Status == sfntypes.ExecutionStatusSucceeded {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("execution still %s after the worker's answer", d.Status)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if o, _ := getJSON[console.Overview](t, f.console.URL+console.Prefix+"api/overview"); len(o.Waiting) != 0 {
		t.Errorf("waiting after the answer = %+v, want none", o.Waiting)
	}
}
