package sfnlocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestTagsOnStateMachines(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	created, err := h.client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("tagged"), Definition: aws.String(passMachine), RoleArn: aws.String(testRole),
		Tags: []types.Tag{{Key: aws.String("k1"), Value: aws.String("v1")}, {Key: aws.String("k2"), Value: aws.String("v2")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	arn := created.StateMachineArn
	if _, err := h.client.TagResource(ctx, &sfn.TagResourceInput{ResourceArn: arn, Tags: []types.Tag{
		{Key: aws.String("k1"), Value: aws.String("new")}, {Key: aws.String("k3"), Value: aws.String("v3")},
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.client.UntagResource(ctx, &sfn.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"k2", "absent"}}); err != nil {
		t.Fatal(err)
	}
	got, err := h.client.ListTagsForResource(ctx, &sfn.ListTagsForResourceInput{ResourceArn: arn})
	if err != nil {
		t.Fatal(err)
	}
	want := []types.Tag{{Key: aws.String("k1"), Value: aws.String("new")}, {Key: aws.String("k3"), Value: aws.String("v3")}}
	if diff := cmp.Diff(want, got.Tags, cmpopts.IgnoreUnexported(types.Tag{})); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}

	// AWS refuses to tag a version: recorded as ResourceNotFound naming it.
	v, err := h.client.PublishStateMachineVersion(ctx, &sfn.PublishStateMachineVersionInput{StateMachineArn: arn})
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.client.TagResource(ctx, &sfn.TagResourceInput{ResourceArn: v.StateMachineVersionArn, Tags: want})
	e := wantAPIError[*types.ResourceNotFound](t, err)
	if msg := "Resource not found: '" + aws.ToString(v.StateMachineVersionArn) + "'"; e.ErrorMessage() != msg {
		t.Errorf("message %q, want %q", e.ErrorMessage(), msg)
	}
	_, err = h.client.ListTagsForResource(ctx, &sfn.ListTagsForResourceInput{ResourceArn: aws.String("nope")})
	wantAPIError[*types.InvalidArn](t, err)
}
