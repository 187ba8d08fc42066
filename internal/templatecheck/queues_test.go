package templatecheck_test

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPaymentQueueRedrivesToADeadLetterQueue(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	q := props(t, tmpl, "PaymentQueue", "AWS::SQS::Queue")
	props(t, tmpl, "PaymentDeadLetterQueue", "AWS::SQS::Queue")
	if diff := cmp.Diff(getAtt("PaymentDeadLetterQueue", "Arn"), lookup(q, "RedrivePolicy", "deadLetterTargetArn")); diff != "" {
		t.Errorf("deadLetterTargetArn (-want +got):\n%s", diff)
	}
	if n := number(t, lookup(q, "RedrivePolicy", "maxReceiveCount"), "maxReceiveCount"); n < 2 || n > 10 {
		t.Errorf("maxReceiveCount = %d, want 2-10: enough retries for transient errors, not a retry storm", n)
	}
}

func TestVisibilityTimeoutIsSixTimesTheCallbackTimeout(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	q := props(t, tmpl, "PaymentQueue", "AWS::SQS::Queue")
	fn := props(t, tmpl, "CallbackFunction", "AWS::Serverless::Function")
	visibility := number(t, q["VisibilityTimeout"], "VisibilityTimeout")
	timeout := number(t, fn["Timeout"], "CallbackFunction Timeout")
	if visibility < 6*timeout {
		t.Errorf("VisibilityTimeout %d < 6 x callback Timeout %d", visibility, timeout)
	}
}

func TestDeadLetterAlarm(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	a := props(t, tmpl, "PaymentDeadLetterAlarm", "AWS::CloudWatch::Alarm")
	got := map[string]any{
		"Namespace": a["Namespace"], "MetricName": a["MetricName"], "Threshold": a["Threshold"],
		"ComparisonOperator": a["ComparisonOperator"], "Dimensions": a["Dimensions"],
	}
	want := map[string]any{
		"Namespace": "AWS/SQS", "MetricName": "ApproximateNumberOfMessagesVisible", "Threshold": 0,
		"ComparisonOperator": "GreaterThanThreshold",
		"Dimensions":         []any{map[string]any{"Name": "QueueName", "Value": getAtt("PaymentDeadLetterQueue", "QueueName")}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("alarm (-want +got):\n%s", diff)
	}
}

func TestNotificationTestQueueIsSubscribedAndOnlyTheTopicMaySend(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	props(t, tmpl, "NotificationTopic", "AWS::SNS::Topic")
	sub := props(t, tmpl, "NotificationTestSubscription", "AWS::SNS::Subscription")
	wantSub := map[string]any{
		"Protocol": "sqs", "TopicArn": ref("NotificationTopic"), "Endpoint": getAtt("NotificationTestQueue", "Arn"),
	}
	if diff := cmp.Diff(wantSub, sub); diff != "" {
		t.Errorf("subscription (-want +got):\n%s", diff)
	}
	pol := props(t, tmpl, "NotificationTestQueuePolicy", "AWS::SQS::QueuePolicy")
	if diff := cmp.Diff([]any{ref("NotificationTestQueue")}, pol["Queues"]); diff != "" {
		t.Errorf("policy queues (-want +got):\n%s", diff)
	}
	stmts, _ := lookup(pol, "PolicyDocument", "Statement").([]any)
	if len(stmts) != 1 {
		t.Fatalf("queue policy has %d statements, want 1", len(stmts))
	}
	want := map[string]any{
		"Sid": "OnlyTheNotificationTopicMaySend", "Effect": "Allow",
		"Principal": map[string]any{"Service": "sns.amazonaws.com"},
		"Action":    "sqs:SendMessage", "Resource": getAtt("NotificationTestQueue", "Arn"),
		"Condition": map[string]any{"ArnEquals": map[string]any{"aws:SourceArn": ref("NotificationTopic")}},
	}
	if diff := cmp.Diff(want, stmts[0]); diff != "" {
		t.Errorf("queue policy statement (-want +got):\n%s", diff)
	}
}

func TestOutputs(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	outputs, _ := tmpl["Outputs"].(map[string]any)
	var names []string
	for name := range outputs {
		names = append(names, name)
	}
	sort.Strings(names)
	want := []string{
		"ApiUrl", "NotificationTestQueueUrl", "NotificationTopicArn", "PaymentDeadLetterQueueUrl",
		"PaymentQueueUrl", "StateMachineArn", "StateMachineWaitForCallbackArn", "StripeSecretArn",
		"WaitForCallbackDemoNotificationTestQueueUrl",
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("outputs (-want +got):\n%s", diff)
	}
	values := map[string]any{}
	for _, name := range names {
		values[name] = lookup(outputs, name, "Value")
	}
	wantValues := map[string]any{
		"ApiUrl":                                      map[string]any{"Fn::Sub": "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"},
		"StateMachineArn":                             ref("PaymentStateMachine"),
		"StateMachineWaitForCallbackArn":              ref("PaymentStateMachine"),
		"PaymentQueueUrl":                             ref("PaymentQueue"),
		"PaymentDeadLetterQueueUrl":                   ref("PaymentDeadLetterQueue"),
		"NotificationTopicArn":                        ref("NotificationTopic"),
		"NotificationTestQueueUrl":                    ref("NotificationTestQueue"),
		"WaitForCallbackDemoNotificationTestQueueUrl": ref("NotificationTestQueue"),
		"StripeSecretArn":                             ref("StripeSecretKey"),
	}
	if diff := cmp.Diff(wantValues, values); diff != "" {
		t.Errorf("output values (-want +got):\n%s", diff)
	}
}
