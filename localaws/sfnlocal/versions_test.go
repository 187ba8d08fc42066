package sfnlocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

// The behaviours below follow Step Functions as recorded on AWS (the
// AWS-validated versioning snapshots of LocalStack's test suite): version
// numbers count up and are never reused, publishing an unchanged revision
// returns the latest version, versions list newest first, and a version
// keeps the definition it was published with.

func TestPublishAndDescribeVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	created, err := h.client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("versioned"), Definition: aws.String(passMachine), RoleArn: aws.String(testRole),
		Publish: true, VersionDescription: aws.String("first"),
	})
	if err != nil {
		t.Fatal(err)
	}
	arn := aws.ToString(created.StateMachineArn)
	if got := aws.ToString(created.StateMachineVersionArn); got != arn+":1" {
		t.Fatalf("version ARN = %q, want %q", got, arn+":1")
	}
	upd, err := h.client.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{
		StateMachineArn: aws.String(arn), Definition: aws.String(failMachine), Publish: true, VersionDescription: aws.String("second"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(upd.StateMachineVersionArn); got != arn+":2" || aws.ToString(upd.RevisionId) == "" {
		t.Fatalf("UpdateStateMachine = %q revision %q, want version 2 and a revision", got, aws.ToString(upd.RevisionId))
	}

	v1, err := h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn + ":1")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(v1.Definition) != passMachine || aws.ToString(v1.Description) != "first" || aws.ToString(v1.StateMachineArn) != arn+":1" {
		t.Errorf("version 1 = definition %q description %q arn %q", aws.ToString(v1.Definition), aws.ToString(v1.Description), aws.ToString(v1.StateMachineArn))
	}
	latest, err := h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(latest.Definition) != failMachine || latest.Description != nil {
		t.Errorf("machine = definition %q description %v, want the update and no description", aws.ToString(latest.Definition), latest.Description)
	}

	again, err := h.client.PublishStateMachineVersion(ctx, &sfn.PublishStateMachineVersionInput{StateMachineArn: aws.String(arn)})
	if err != nil || aws.ToString(again.StateMachineVersionArn) != arn+":2" {
		t.Fatalf("publishing an unchanged revision = %v, %v; want version 2 again", again, err)
	}
	_, err = h.client.PublishStateMachineVersion(ctx, &sfn.PublishStateMachineVersionInput{StateMachineArn: aws.String(arn), RevisionId: aws.String("stale")})
	e := wantAPIError[*types.ConflictException](t, err)
	if want := "Failed to publish the State Machine version for revision stale. The current State Machine revision is " + aws.ToString(upd.RevisionId) + "."; e.ErrorMessage() != want {
		t.Errorf("conflict message %q, want %q", e.ErrorMessage(), want)
	}

	if _, err := h.client.DeleteStateMachineVersion(ctx, &sfn.DeleteStateMachineVersionInput{StateMachineVersionArn: aws.String(arn + ":2")}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.client.DeleteStateMachineVersion(ctx, &sfn.DeleteStateMachineVersionInput{StateMachineVersionArn: aws.String(arn + ":2")}); err != nil {
		t.Fatalf("deleting a deleted version: %v, want success as on AWS", err)
	}
	if _, err := h.client.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{StateMachineArn: aws.String(arn), Definition: aws.String(waitMachine)}); err != nil {
		t.Fatal(err)
	}
	third, err := h.client.PublishStateMachineVersion(ctx, &sfn.PublishStateMachineVersionInput{StateMachineArn: aws.String(arn)})
	if err != nil || aws.ToString(third.StateMachineVersionArn) != arn+":3" {
		t.Fatalf("publish after deleting version 2 = %v, %v; want version 3 (numbers are not reused)", third, err)
	}
	list, err := h.client.ListStateMachineVersions(ctx, &sfn.ListStateMachineVersionsInput{StateMachineArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range list.StateMachineVersions {
		got = append(got, aws.ToString(v.StateMachineVersionArn))
	}
	if diff := cmp.Diff([]string{arn + ":3", arn + ":1"}, got); diff != "" {
		t.Errorf("ListStateMachineVersions (-want +got):\n%s", diff)
	}
}

func TestVersionErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	arn := h.createMachine(t, "plain", passMachine)

	_, err := h.client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("described"), Definition: aws.String(passMachine), RoleArn: aws.String(testRole), VersionDescription: aws.String("v"),
	})
	isValidationError(t, err)
	if got := apiMessage(t, err); got != "Version description can only be set when publish is true" {
		t.Errorf("message %q", got)
	}
	_, err = h.client.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{StateMachineArn: aws.String(arn + ":9"), Definition: aws.String(failMachine)})
	e := wantAPIError[*types.StateMachineDoesNotExist](t, err)
	if want := "State Machine Does Not Exist: '" + arn + ":9'"; e.ErrorMessage() != want {
		t.Errorf("message %q, want %q", e.ErrorMessage(), want)
	}
	_, err = h.client.PublishStateMachineVersion(ctx, &sfn.PublishStateMachineVersionInput{StateMachineArn: aws.String("invalid_arn")})
	e2 := wantAPIError[*types.InvalidArn](t, err)
	if want := "Invalid Arn: 'Invalid ARN prefix: invalid_arn'"; e2.ErrorMessage() != want {
		t.Errorf("message %q, want %q", e2.ErrorMessage(), want)
	}
	_, err = h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn + ":1")})
	wantAPIError[*types.StateMachineDoesNotExist](t, err)
}

func TestExecutionsOfAVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	arn := h.createMachine(t, "runs", passMachine)
	v, err := h.client.PublishStateMachineVersion(ctx, &sfn.PublishStateMachineVersionInput{StateMachineArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	version := aws.ToString(v.StateMachineVersionArn)
	// The machine moves on; the version still runs what it was published with.
	if _, err := h.client.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{StateMachineArn: aws.String(arn), Definition: aws.String(failMachine)}); err != nil {
		t.Fatal(err)
	}
	onVersion := h.start(t, version, "on-version", `{}`)
	onMachine := h.start(t, arn, "on-machine", `{}`)
	if d := h.waitDone(t, onVersion); d.Status != types.ExecutionStatusSucceeded || aws.ToString(d.StateMachineVersionArn) != version ||
		aws.ToString(d.StateMachineArn) != arn {
		t.Errorf("execution of the version: %s version %q machine %q", d.Status, aws.ToString(d.StateMachineVersionArn), aws.ToString(d.StateMachineArn))
	}
	if d := h.waitDone(t, onMachine); d.Status != types.ExecutionStatusFailed || d.StateMachineVersionArn != nil {
		t.Errorf("execution of the machine: %s version %v", d.Status, d.StateMachineVersionArn)
	}
	list, err := h.client.ListExecutions(ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(version)})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Executions) != 1 || aws.ToString(list.Executions[0].ExecutionArn) != onVersion ||
		aws.ToString(list.Executions[0].StateMachineVersionArn) != version {
		t.Errorf("ListExecutions(version) = %+v, want only %s", list.Executions, onVersion)
	}
	def, err := h.client.DescribeStateMachineForExecution(ctx, &sfn.DescribeStateMachineForExecutionInput{ExecutionArn: aws.String(onVersion)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(def.Definition) != passMachine || aws.ToString(def.Name) != "runs" || aws.ToString(def.StateMachineArn) != arn {
		t.Errorf("DescribeStateMachineForExecution = %q %q %q, want the version's definition", aws.ToString(def.Definition), aws.ToString(def.Name), aws.ToString(def.StateMachineArn))
	}
}

// TestUpdatePublishesNewDescription follows moto's AWS-verified
// test_create_state_machine_with_version_description: an update that
// changes nothing but publishes with a new versionDescription answers a
// version that carries that description, and the first keeps its own.
func TestUpdatePublishesNewDescription(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	created, err := h.client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("described"), Definition: aws.String(passMachine), RoleArn: aws.String(testRole),
		Publish: true, VersionDescription: aws.String("first version"),
	})
	if err != nil {
		t.Fatal(err)
	}
	upd, err := h.client.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{
		StateMachineArn: created.StateMachineArn, Definition: aws.String(passMachine), Publish: true, VersionDescription: aws.String("second version"),
	})
	if err != nil {
		t.Fatal(err)
	}
	for arn, want := range map[string]string{aws.ToString(created.StateMachineVersionArn): "first version", aws.ToString(upd.StateMachineVersionArn): "second version"} {
		v, err := h.client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn)})
		if err != nil || aws.ToString(v.Description) != want {
			t.Errorf("DescribeStateMachine(%s) description = %q, %v; want %q", arn, aws.ToString(v.Description), err, want)
		}
	}
}
