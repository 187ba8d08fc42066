package templatecheck_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestApiFunctionIsLeastPrivilege(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	stmts, templates := policies(t, props(t, tmpl, "ApiFunction", "AWS::Serverless::Function"))
	if len(templates) != 0 {
		t.Errorf("ApiFunction uses policy templates %v; it needs none", templates)
	}
	// kms:Encrypt and kms:GenerateMac come from the keys' policies, which
	// name this role (TestKeyPoliciesGrantUseToOneRoleEach).
	want := []string{"dynamodb:DeleteItem", "dynamodb:PutItem", "states:DescribeExecution", "states:StartExecution"}
	if diff := cmp.Diff(want, allActions(stmts)); diff != "" {
		t.Errorf("ApiFunction actions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(ref("PaymentStateMachine"), resourceOf(t, stmts, "states:StartExecution")); diff != "" {
		t.Errorf("StartExecution resource (-want +got):\n%s", diff)
	}
	describe, _ := resourceOf(t, stmts, "states:DescribeExecution").(map[string]any)
	if sub, _ := describe["Fn::Sub"].(string); !strings.HasSuffix(sub, ":execution:${PaymentStateMachine.Name}:*") {
		t.Errorf("DescribeExecution resource = %v, want the executions of PaymentStateMachine only", describe)
	}
	for _, action := range want[:2] {
		if diff := cmp.Diff(getAtt("CardVault", "Arn"), resourceOf(t, stmts, action)); diff != "" {
			t.Errorf("%s resource (-want +got):\n%s", action, diff)
		}
	}
}

func TestCallbackFunctionIsLeastPrivilege(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	stmts, templates := policies(t, props(t, tmpl, "CallbackFunction", "AWS::Serverless::Function"))
	wantTemplates := map[string]any{"SQSPollerPolicy": map[string]any{"QueueName": getAtt("PaymentQueue", "QueueName")}}
	if diff := cmp.Diff(wantTemplates, templates); diff != "" {
		t.Errorf("CallbackFunction policy templates (-want +got):\n%s", diff)
	}
	// kms:Decrypt comes from the card key's policy, which names this role.
	want := []string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
		"secretsmanager:GetSecretValue", "sns:Publish",
		"states:DescribeExecution", "states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"}
	if diff := cmp.Diff(want, allActions(stmts)); diff != "" {
		t.Errorf("CallbackFunction actions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(ref("StripeSecretKey"), resourceOf(t, stmts, "secretsmanager:GetSecretValue")); diff != "" {
		t.Errorf("secretsmanager:GetSecretValue resource (-want +got):\n%s", diff)
	}
	for _, action := range want[7:] {
		if diff := cmp.Diff(ref("PaymentStateMachine"), resourceOf(t, stmts, action)); diff != "" {
			t.Errorf("%s resource (-want +got):\n%s", action, diff)
		}
	}
	for action, want := range map[string]any{
		"dynamodb:GetItem": getAtt("CardVault", "Arn"), "dynamodb:UpdateItem": getAtt("ChargeRecords", "Arn"),
		"sns:Publish": ref("NotificationTopic"),
	} {
		if diff := cmp.Diff(want, resourceOf(t, stmts, action)); diff != "" {
			t.Errorf("%s resource (-want +got):\n%s", action, diff)
		}
	}
}

// TestKeyPoliciesGrantUseToOneRoleEach holds the keys to "the account
// administers, one role uses": no statement gives the account kms:* or any
// use of a key, the card key lets only the API's role encrypt and only the
// callback's role decrypt, each with the orderId encryption context, and
// the MAC key lets only the API's role generate MACs.
func TestKeyPoliciesGrantUseToOneRoleEach(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	uses := map[string]bool{"kms:Encrypt": true, "kms:Decrypt": true, "kms:GenerateMac": true, "kms:*": true, "kms:ReEncrypt*": true, "kms:GenerateDataKey*": true}
	tests := []struct {
		key  string
		want map[string]string // use action -> the role allowed it
	}{
		{"CardKey", map[string]string{"kms:Encrypt": "ApiFunctionRole", "kms:Decrypt": "CallbackFunctionRole"}},
		{"MacKey", map[string]string{"kms:GenerateMac": "ApiFunctionRole"}},
	}
	for _, tt := range tests {
		p := props(t, tmpl, tt.key, "AWS::KMS::Key")
		stmts, _ := lookup(p, "KeyPolicy", "Statement").([]any)
		got := map[string]string{}
		for _, raw := range stmts {
			st, _ := raw.(map[string]any)
			principal := lookup(st, "Principal", "AWS")
			for _, a := range actionsOf(st) {
				if !uses[a] {
					continue
				}
				att, _ := principal.(map[string]any)["Fn::GetAtt"].([]any)
				if len(att) != 2 {
					t.Errorf("%s: %s is allowed to %v, not to one function role", tt.key, a, principal)
					continue
				}
				got[a] = att[0].(string)
				if a != "kms:GenerateMac" && lookup(st, "Condition", "ForAllValues:StringEquals", "kms:EncryptionContextKeys") == nil {
					t.Errorf("%s: %s without the orderId encryption context condition", tt.key, a)
				}
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s key policy uses (-want +got):\n%s", tt.key, diff)
		}
	}
}

func actionsOf(st map[string]any) []string {
	switch a := st["Action"].(type) {
	case string:
		return []string{a}
	case []any:
		var out []string
		for _, x := range a {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

func TestStateMachineIsLeastPrivilege(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	stmts, templates := policies(t, props(t, tmpl, "PaymentStateMachine", "AWS::Serverless::StateMachine"))
	wantTemplates := map[string]any{
		"SQSSendMessagePolicy":    map[string]any{"QueueName": getAtt("PaymentQueue", "QueueName")},
		"SNSPublishMessagePolicy": map[string]any{"TopicName": getAtt("NotificationTopic", "TopicName")},
	}
	if diff := cmp.Diff(wantTemplates, templates); diff != "" {
		t.Errorf("state machine policy templates (-want +got):\n%s", diff)
	}
	// Beyond the two templates, deleting vault entries nobody will charge,
	// then only log delivery and X-Ray, which AWS does not let one scope to
	// a resource.
	for _, a := range allActions(stmts) {
		if a == "dynamodb:DeleteItem" {
			if diff := cmp.Diff(getAtt("CardVault", "Arn"), resourceOf(t, stmts, a)); diff != "" {
				t.Errorf("%s resource (-want +got):\n%s", a, diff)
			}
			continue
		}
		if !strings.HasPrefix(a, "logs:") && !strings.HasPrefix(a, "xray:") {
			t.Errorf("state machine is granted %s", a)
		}
	}
}

func TestNoWildcardActions(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	for _, id := range []string{"ApiFunction", "CallbackFunction", "PaymentStateMachine"} {
		res := tmpl.Resource(id)
		stmts, _ := policies(t, res["Properties"].(map[string]any))
		for _, a := range allActions(stmts) {
			if strings.Contains(a, "*") {
				t.Errorf("%s is granted the wildcard action %s", id, a)
			}
		}
	}
}
