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

// TestPermissionStatementShape reads the statement AddPermission writes:
// one account or action is a string, several are a list, as AWS renders
// the policies it writes.
func TestPermissionStatementShape(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	topic := e.createTopic(t, "shared")
	grants := []sns.AddPermissionInput{
		{TopicArn: &topic, Label: aws.String("one"), AWSAccountId: []string{"999999999999"}, ActionName: []string{"Publish"}},
		{TopicArn: &topic, Label: aws.String("two"), AWSAccountId: []string{"111111111111", "222222222222"}, ActionName: []string{"Publish", "Subscribe"}},
	}
	for _, g := range grants {
		if _, err := e.client.AddPermission(ctx, &g); err != nil {
			t.Fatalf("AddPermission %s: %v", aws.ToString(g.Label), err)
		}
	}
	out, err := e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: &topic})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Statement []map[string]any }
	if err := json.Unmarshal([]byte(out.Attributes["Policy"]), &doc); err != nil || len(doc.Statement) != 3 {
		t.Fatalf("Policy %s (%v), want the default statement and two grants", out.Attributes["Policy"], err)
	}
	want := []map[string]any{
		{"Sid": "one", "Effect": "Allow", "Principal": map[string]any{"AWS": "arn:aws:iam::999999999999:root"}, "Action": "SNS:Publish", "Resource": topic},
		{"Sid": "two", "Effect": "Allow", "Principal": map[string]any{"AWS": []any{"arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"}},
			"Action": []any{"SNS:Publish", "SNS:Subscribe"}, "Resource": topic},
	}
	if diff := cmp.Diff(want, doc.Statement[1:]); diff != "" {
		t.Errorf("AddPermission statements (-want +got):\n%s", diff)
	}
}
