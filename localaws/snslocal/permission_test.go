package snslocal_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/google/go-cmp/cmp"
)

// statementSids reads the Sids of a topic's policy.
func (e *env) statementSids(tb testing.TB, topic string) []string {
	tb.Helper()
	out, err := e.client.GetTopicAttributes(context.Background(), &sns.GetTopicAttributesInput{TopicArn: &topic})
	if err != nil {
		tb.Fatalf("GetTopicAttributes: %v", err)
	}
	var doc struct{ Statement []struct{ Sid string } }
	if err := json.Unmarshal([]byte(out.Attributes["Policy"]), &doc); err != nil {
		tb.Fatalf("Policy %q: %v", out.Attributes["Policy"], err)
	}
	var sids []string
	for _, st := range doc.Statement {
		sids = append(sids, st.Sid)
	}
	return sids
}

func TestAddAndRemovePermission(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "orders")
	add := func(label string) error {
		_, err := e.client.AddPermission(ctx, &sns.AddPermissionInput{
			TopicArn: &topic, Label: aws.String(label), AWSAccountId: []string{"111122223333"}, ActionName: []string{"Publish", "Subscribe"},
		})
		return err
	}
	if err := add("partner"); err != nil {
		t.Fatalf("AddPermission: %v", err)
	}
	if diff := cmp.Diff([]string{"__default_statement_ID", "partner"}, e.statementSids(t, topic)); diff != "" {
		t.Errorf("statements after AddPermission (-want +got):\n%s", diff)
	}
	if got := errorCode(t, add("partner")); got != "InvalidParameter" {
		t.Errorf("AddPermission with a label in use: code %q, want InvalidParameter", got)
	}
	if _, err := e.client.RemovePermission(ctx, &sns.RemovePermissionInput{TopicArn: &topic, Label: aws.String("partner")}); err != nil {
		t.Fatalf("RemovePermission: %v", err)
	}
	if diff := cmp.Diff([]string{"__default_statement_ID"}, e.statementSids(t, topic)); diff != "" {
		t.Errorf("statements after RemovePermission (-want +got):\n%s", diff)
	}
	_, err := e.client.AddPermission(ctx, &sns.AddPermissionInput{
		TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:nope"), Label: aws.String("x"), AWSAccountId: []string{"111122223333"}, ActionName: []string{"Publish"},
	})
	if got := errorCode(t, err); got != "NotFound" {
		t.Errorf("AddPermission on a missing topic: code %q, want NotFound", got)
	}
}
