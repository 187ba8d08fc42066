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
	want := []string{"kms:Encrypt", "kms:GenerateMac", "states:DescribeExecution", "states:StartExecution"}
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
	if diff := cmp.Diff(getAtt("CardKey", "Arn"), resourceOf(t, stmts, "kms:Encrypt")); diff != "" {
		t.Errorf("kms:Encrypt resource (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(getAtt("MacKey", "Arn"), resourceOf(t, stmts, "kms:GenerateMac")); diff != "" {
		t.Errorf("kms:GenerateMac resource (-want +got):\n%s", diff)
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
	want := []string{"kms:Decrypt", "secretsmanager:GetSecretValue", "states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"}
	if diff := cmp.Diff(want, allActions(stmts)); diff != "" {
		t.Errorf("CallbackFunction actions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(ref("StripeSecretKey"), resourceOf(t, stmts, "secretsmanager:GetSecretValue")); diff != "" {
		t.Errorf("secretsmanager:GetSecretValue resource (-want +got):\n%s", diff)
	}
	for _, action := range want[2:] {
		if diff := cmp.Diff(ref("PaymentStateMachine"), resourceOf(t, stmts, action)); diff != "" {
			t.Errorf("%s resource (-want +got):\n%s", action, diff)
		}
	}
	if diff := cmp.Diff(getAtt("CardKey", "Arn"), resourceOf(t, stmts, "kms:Decrypt")); diff != "" {
		t.Errorf("kms:Decrypt resource (-want +got):\n%s", diff)
	}
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
	// Beyond the two templates, only log delivery and X-Ray, which AWS does
	// not let one scope to a resource.
	for _, a := range allActions(stmts) {
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
