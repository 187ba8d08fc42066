package sqslocal_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"
)

// TestPermissions grants two accounts access with AddPermission, reads the
// policy AWS would have written (one principal or action is a string), and
// takes one grant away again.
func TestPermissions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	url := e.createQueue(t, "shared", nil)
	grants := []sqs.AddPermissionInput{
		{QueueUrl: &url, Label: aws.String("everything"), AWSAccountIds: []string{"111111111111"}, Actions: []string{"*"}},
		{QueueUrl: &url, Label: aws.String("send"), AWSAccountIds: []string{"222222222222", "333333333333"}, Actions: []string{"SendMessage", "GetQueueUrl"}},
	}
	for _, g := range grants {
		if _, err := e.sqs.AddPermission(ctx, &g); err != nil {
			t.Fatalf("AddPermission %s: %v", aws.ToString(g.Label), err)
		}
	}
	arn := "arn:aws:sqs:us-east-1:123456789012:shared"
	want := map[string]any{
		"Version": "2008-10-17", // as AWS writes it; see policyLocked
		"Id":      arn + "/SQSDefaultPolicy",
		"Statement": []any{
			map[string]any{"Sid": "everything", "Effect": "Allow", "Principal": map[string]any{"AWS": "arn:aws:iam::111111111111:root"},
				"Action": "SQS:*", "Resource": arn},
			map[string]any{"Sid": "send", "Effect": "Allow",
				"Principal": map[string]any{"AWS": []any{"arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root"}},
				"Action":    []any{"SQS:SendMessage", "SQS:GetQueueUrl"}, "Resource": arn},
		},
	}
	if diff := cmp.Diff(want, policyOf(t, e, url)); diff != "" {
		t.Errorf("policy after AddPermission (-want +got):\n%s", diff)
	}
	_, err := e.sqs.AddPermission(ctx, &grants[1])
	if apiCode(err) != "InvalidParameterValue" {
		t.Errorf("AddPermission of a label already there: %v, want InvalidParameterValue", err)
	}
	eight := []string{"ChangeMessageVisibility", "DeleteMessage", "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues", "PurgeQueue", "ReceiveMessage", "SendMessage"}
	_, err = e.sqs.AddPermission(ctx, &sqs.AddPermissionInput{QueueUrl: &url, Label: aws.String("many"), AWSAccountIds: []string{"111111111111"}, Actions: eight})
	var re *awshttp.ResponseError
	if apiCode(err) != "OverLimit" || !errors.As(err, &re) || re.HTTPStatusCode() != http.StatusForbidden {
		t.Errorf("AddPermission of eight actions: %v, want 403 OverLimit", err)
	}

	if _, err := e.sqs.RemovePermission(ctx, &sqs.RemovePermissionInput{QueueUrl: &url, Label: aws.String("everything")}); err != nil {
		t.Fatalf("RemovePermission: %v", err)
	}
	want["Statement"] = want["Statement"].([]any)[1:]
	if diff := cmp.Diff(want, policyOf(t, e, url)); diff != "" {
		t.Errorf("policy after RemovePermission (-want +got):\n%s", diff)
	}
	if _, err := e.sqs.RemovePermission(ctx, &sqs.RemovePermissionInput{QueueUrl: &url, Label: aws.String("send")}); err != nil {
		t.Fatalf("RemovePermission of the last grant: %v", err)
	}
	attrs, err := e.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: []types.QueueAttributeName{types.QueueAttributeNamePolicy}})
	if err != nil || attrs.Attributes["Policy"] != "" {
		t.Errorf("after removing every grant the queue still has a policy: %v, %v", attrs.Attributes, err)
	}
}

func policyOf(tb testing.TB, e *env, url string) map[string]any {
	tb.Helper()
	out, err := e.sqs.GetQueueAttributes(context.Background(), &sqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: []types.QueueAttributeName{types.QueueAttributeNamePolicy}})
	if err != nil {
		tb.Fatalf("GetQueueAttributes: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out.Attributes["Policy"]), &doc); err != nil {
		tb.Fatalf("the Policy attribute is not JSON: %v\n%s", err, out.Attributes["Policy"])
	}
	return doc
}
