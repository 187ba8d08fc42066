package sfnlocal_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

// TestActivityWorker runs a state machine whose Task is an activity: a
// worker takes the task with GetActivityTask, sees the state's input, and
// its SendTaskSuccess becomes the execution's output.
func TestActivityWorker(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	act, err := h.client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("charge-card")})
	if err != nil {
		t.Fatalf("CreateActivity: %v", err)
	}
	arn := aws.ToString(act.ActivityArn)
	if want := "arn:aws:states:us-east-1:123456789012:activity:charge-card"; arn != want {
		t.Errorf("activityArn = %s, want %s", arn, want)
	}
	def := `{"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"` + arn + `","Parameters":{"order.$":"$.order"},"TimeoutSeconds":300,"End":true}}}`
	exec := h.start(t, h.createMachine(t, "with-activity", def), "o-1", `{"order":"o-1"}`)

	task, err := h.client.GetActivityTask(ctx, &sfn.GetActivityTaskInput{ActivityArn: act.ActivityArn, WorkerName: aws.String("w1")})
	if err != nil {
		t.Fatalf("GetActivityTask: %v", err)
	}
	if aws.ToString(task.TaskToken) == "" {
		t.Fatal("GetActivityTask handed out no task while an execution waits on the activity")
	}
	var input map[string]any
	if err := json.Unmarshal([]byte(aws.ToString(task.Input)), &input); err != nil || input["order"] != "o-1" {
		t.Errorf("task input = %s (%v), want the state's parameters", aws.ToString(task.Input), err)
	}
	if _, err := h.client.SendTaskHeartbeat(ctx, &sfn.SendTaskHeartbeatInput{TaskToken: task.TaskToken}); err != nil {
		t.Errorf("SendTaskHeartbeat: %v", err)
	}
	if _, err := h.client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: task.TaskToken, Output: aws.String(`{"charged":true}`)}); err != nil {
		t.Fatalf("SendTaskSuccess: %v", err)
	}
	done := h.waitDone(t, exec)
	if done.Status != types.ExecutionStatusSucceeded || aws.ToString(done.Output) != `{"charged":true}` {
		t.Errorf("execution ended %s with %s, want SUCCEEDED with the worker's output", done.Status, aws.ToString(done.Output))
	}
}

// TestActivityPollTimesOut checks that a worker polling an idle activity
// gets no task after AWS's 60 seconds, on the service's clock.
func TestActivityPollTimesOut(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	act, err := h.client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("idle")})
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		out *sfn.GetActivityTaskOutput
		err error
	}
	got := make(chan result, 1)
	go func() {
		out, err := h.client.GetActivityTask(ctx, &sfn.GetActivityTaskInput{ActivityArn: act.ActivityArn})
		got <- result{out, err}
	}()
	h.waitTimers(t, 1)
	h.clock.Advance(59 * time.Second)
	select {
	case r := <-got:
		t.Fatalf("GetActivityTask answered after 59 s: %+v, %v", r.out, r.err)
	default:
	}
	h.clock.Advance(time.Second)
	select {
	case r := <-got:
		if r.err != nil || r.out.TaskToken != nil {
			t.Errorf("GetActivityTask after 60 s = %+v, %v; want no task", r.out, r.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("GetActivityTask did not answer once its 60 s had passed")
	}
}

// TestActivityLifecycle covers the management actions: idempotent
// creation, describe, list in creation order with paging, tags, delete.
func TestActivityLifecycle(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	var arns []string
	for _, name := range []string{"b-second", "a-first", "c-third"} {
		out, err := h.client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String(name), Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("pay")}}})
		if err != nil {
			t.Fatalf("CreateActivity %s: %v", name, err)
		}
		arns = append(arns, aws.ToString(out.ActivityArn))
	}
	again, err := h.client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("b-second")})
	if err != nil || aws.ToString(again.ActivityArn) != arns[0] {
		t.Errorf("CreateActivity of an existing name = %v, %v; want the existing activity (AWS documents it as idempotent)", again, err)
	}
	_, err = h.client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("b-second"),
		EncryptionConfiguration: &types.EncryptionConfiguration{Type: types.EncryptionTypeCustomerManagedKmsKey, KmsKeyId: aws.String("k")}})
	wantAPIError[*types.ActivityAlreadyExists](t, err)
	_, err = h.client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("x"),
		EncryptionConfiguration: &types.EncryptionConfiguration{Type: types.EncryptionTypeCustomerManagedKmsKey}})
	wantAPIError[*types.InvalidEncryptionConfiguration](t, err)
	_, err = h.client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("with space")})
	wantAPIError[*types.InvalidName](t, err)

	desc, err := h.client.DescribeActivity(ctx, &sfn.DescribeActivityInput{ActivityArn: &arns[1]})
	if err != nil || aws.ToString(desc.Name) != "a-first" || desc.EncryptionConfiguration == nil || desc.EncryptionConfiguration.Type != types.EncryptionTypeAwsOwnedKey {
		t.Errorf("DescribeActivity = %+v, %v", desc, err)
	}
	var listed []string
	p := sfn.NewListActivitiesPaginator(h.client, &sfn.ListActivitiesInput{MaxResults: 2})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListActivities: %v", err)
		}
		for _, a := range page.Activities {
			listed = append(listed, aws.ToString(a.ActivityArn))
		}
	}
	if diff := cmp.Diff(arns, listed); diff != "" {
		t.Errorf("ListActivities pages (-want +got):\n%s", diff)
	}

	if _, err := h.client.TagResource(ctx, &sfn.TagResourceInput{ResourceArn: &arns[1], Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("dev")}}}); err != nil {
		t.Fatalf("TagResource: %v", err)
	}
	if _, err := h.client.UntagResource(ctx, &sfn.UntagResourceInput{ResourceArn: &arns[1], TagKeys: []string{"team"}}); err != nil {
		t.Fatalf("UntagResource: %v", err)
	}
	tags, err := h.client.ListTagsForResource(ctx, &sfn.ListTagsForResourceInput{ResourceArn: &arns[1]})
	if err != nil || len(tags.Tags) != 1 || aws.ToString(tags.Tags[0].Key) != "env" {
		t.Errorf("ListTagsForResource = %+v, %v; want only env", tags, err)
	}

	if _, err := h.client.DeleteActivity(ctx, &sfn.DeleteActivityInput{ActivityArn: &arns[1]}); err != nil {
		t.Fatalf("DeleteActivity: %v", err)
	}
	_, err = h.client.DescribeActivity(ctx, &sfn.DescribeActivityInput{ActivityArn: &arns[1]})
	wantAPIError[*types.ActivityDoesNotExist](t, err)
}
