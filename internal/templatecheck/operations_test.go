package templatecheck_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/internal/opsmetrics"
)

// payflowMetrics collects every metric an alarm reads from the service's
// own namespace, whether as a plain alarm or inside metric math.
func payflowMetrics(alarm map[string]any) []string {
	var names []string
	if alarm["Namespace"] == opsmetrics.Namespace {
		names = append(names, alarm["MetricName"].(string))
	}
	metrics, _ := alarm["Metrics"].([]any)
	for _, m := range metrics {
		metric, _ := lookup(m, "MetricStat", "Metric").(map[string]any)
		if metric != nil && metric["Namespace"] == opsmetrics.Namespace {
			names = append(names, metric["MetricName"].(string))
		}
	}
	return names
}

// alarmIDs are the alarms the README's runbook explains.
var alarmIDs = []string{"PaymentDeadLetterAlarm", "DeclineRateAlarm", "WorkflowFailureAlarm", "AuthorizationLatencyAlarm",
	"CallbackBacklogAlarm", "ApiServerErrorAlarm", "StepFunctionsThrottleAlarm"}

// TestAlarmsReadTheMetricsTheCodeEmits keeps the alarms on the names that
// internal/opsmetrics writes: an alarm on a metric nobody emits would
// never fire.
func TestAlarmsReadTheMetricsTheCodeEmits(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	emitted := []string{opsmetrics.MetricOrders, opsmetrics.MetricPayments, opsmetrics.MetricAuthorizationLatency,
		opsmetrics.MetricBatchSize, opsmetrics.MetricBatchItemFailures}
	for _, id := range alarmIDs {
		alarm := props(t, tpl, id, "AWS::CloudWatch::Alarm")
		for _, name := range payflowMetrics(alarm) {
			if !slices.Contains(emitted, name) {
				t.Errorf("%s reads %s/%s, which the functions never emit", id, opsmetrics.Namespace, name)
			}
		}
	}
}

// TestDashboardShowsEveryAlarm checks the dashboard body is JSON once
// substituted and that its alarm widget lists each alarm.
func TestDashboardShowsEveryAlarm(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	dash := props(t, tpl, "OperationsDashboard", "AWS::CloudWatch::Dashboard")
	sub, _ := dash["DashboardBody"].(map[string]any)["Fn::Sub"].([]any)
	if len(sub) != 2 {
		t.Fatalf("DashboardBody is not a two-argument Fn::Sub: %v", dash["DashboardBody"])
	}
	body := sub[0].(string)
	vars := sub[1].(map[string]any)
	for name := range vars {
		body = strings.ReplaceAll(body, "${"+name+"}", "x")
	}
	body = strings.ReplaceAll(body, "${AWS::Region}", "us-east-1")
	var parsed struct {
		Widgets []struct {
			Type string `json:"type"`
		} `json:"widgets"`
	}
	if err := json.Unmarshal([]byte(body), &parsed); err != nil {
		t.Fatalf("dashboard body is not JSON after substitution: %v", err)
	}
	if len(parsed.Widgets) < 6 {
		t.Errorf("dashboard has %d widgets, want the six metric views and the alarms", len(parsed.Widgets))
	}
	var listed []string
	for _, v := range vars {
		if ref, ok := lookup(v, "Fn::GetAtt").([]any); ok && len(ref) == 2 && ref[1] == "Arn" {
			listed = append(listed, ref[0].(string))
		}
	}
	for _, id := range alarmIDs {
		if !slices.Contains(listed, id) {
			t.Errorf("the dashboard's alarm widget lacks %s", id)
		}
	}
}
