package templatecheck_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/internal/orders"
)

// readDefinition returns the state machine definition file named by the
// template's DefinitionUri, as text.
func readDefinition(tb testing.TB, tmpl template) string {
	tb.Helper()
	p := props(tb, tmpl, "PaymentStateMachine", "AWS::Serverless::StateMachine")
	uri, _ := p["DefinitionUri"].(string)
	if uri != "statemachine/payment.asl.json" {
		tb.Fatalf("DefinitionUri = %q, want statemachine/payment.asl.json", uri)
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, uri))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// definitionStates decodes the definition's States.
func definitionStates(tb testing.TB, def string) map[string]map[string]any {
	tb.Helper()
	var sm struct {
		States map[string]map[string]any
	}
	if err := json.Unmarshal([]byte(def), &sm); err != nil {
		tb.Fatalf("definition is not JSON: %v", err)
	}
	return sm.States
}

var placeholder = regexp.MustCompile(`\$\{([A-Za-z0-9_]+)\}`)

func TestDefinitionSubstitutionsCoverEveryPlaceholder(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	def := readDefinition(t, tmpl)
	used := map[string]bool{}
	for _, m := range placeholder.FindAllStringSubmatch(def, -1) {
		used[m[1]] = true
	}
	p := props(t, tmpl, "PaymentStateMachine", "AWS::Serverless::StateMachine")
	subs, _ := p["DefinitionSubstitutions"].(map[string]any)
	var missing, unused []string
	for name := range used {
		if _, ok := subs[name]; !ok {
			missing = append(missing, name)
		}
	}
	for name := range subs {
		if !used[name] {
			unused = append(unused, name)
		}
	}
	sort.Strings(missing)
	sort.Strings(unused)
	if len(missing) > 0 || len(unused) > 0 {
		t.Errorf("placeholders without substitution: %v; substitutions never used: %v", missing, unused)
	}
	want := map[string]any{"PaymentQueueUrl": ref("PaymentQueue"), "PaymentTopicArn": ref("NotificationTopic"), "CardVaultTable": ref("CardVault")}
	if diff := cmp.Diff(want, subs); diff != "" {
		t.Errorf("DefinitionSubstitutions (-want +got):\n%s", diff)
	}
}

func TestStateMachineLoggingAndTracing(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	p := props(t, tmpl, "PaymentStateMachine", "AWS::Serverless::StateMachine")
	got := map[string]any{
		"Type":                 p["Type"],
		"IncludeExecutionData": lookup(p, "Logging", "IncludeExecutionData"),
		"Destinations":         lookup(p, "Logging", "Destinations"),
		"Tracing":              lookup(p, "Tracing", "Enabled"),
	}
	want := map[string]any{
		"Type":                 "STANDARD",
		"IncludeExecutionData": false,
		"Destinations": []any{map[string]any{"CloudWatchLogsLogGroup": map[string]any{
			"LogGroupArn": getAtt("StateMachineLogGroup", "Arn"),
		}}},
		"Tracing": true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("state machine settings (-want +got):\n%s", diff)
	}
	if level := lookup(p, "Logging", "Level"); level != "ALL" && level != "ERROR" {
		t.Errorf("Logging.Level = %v, want ALL or ERROR", level)
	}
}

// TestWaitTimingIsConsistent checks the chain documented at the top of
// template.yml: heartbeats are frequent enough, a redelivered message
// arrives before the heartbeat deadline, and the task outlives the retries.
func TestWaitTimingIsConsistent(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	task := definitionStates(t, readDefinition(t, tmpl))["ProcessPayment"]
	heartbeatSeconds := number(t, int(task["HeartbeatSeconds"].(float64)), "HeartbeatSeconds")
	timeoutSeconds := number(t, int(task["TimeoutSeconds"].(float64)), "TimeoutSeconds")
	fn := props(t, tmpl, "CallbackFunction", "AWS::Serverless::Function")
	beat, err := strconv.Atoi(lookup(fn, "Environment", "Variables", "HEARTBEAT_SECONDS").(string))
	if err != nil {
		t.Fatal(err)
	}
	q := props(t, tmpl, "PaymentQueue", "AWS::SQS::Queue")
	visibility := number(t, q["VisibilityTimeout"], "VisibilityTimeout")
	receives := number(t, lookup(q, "RedrivePolicy", "maxReceiveCount"), "maxReceiveCount")

	if 3*beat > heartbeatSeconds {
		t.Errorf("HEARTBEAT_SECONDS %d leaves fewer than three heartbeats per HeartbeatSeconds %d", beat, heartbeatSeconds)
	}
	if heartbeatSeconds <= visibility {
		t.Errorf("HeartbeatSeconds %d <= VisibilityTimeout %d: a retried message would always find its task timed out", heartbeatSeconds, visibility)
	}
	if timeoutSeconds < receives*visibility {
		t.Errorf("TimeoutSeconds %d < maxReceiveCount %d x VisibilityTimeout %d: the task gives up before the retries do", timeoutSeconds, receives, visibility)
	}
}

// jsonFields lists the JSON names of a struct's fields, nested structs as
// "parent.child".
func jsonFields(typ reflect.Type, prefix string) []string {
	var out []string
	for f := range typ.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Type.Kind() == reflect.Struct {
			out = append(out, jsonFields(f.Type, prefix+name+".")...)
			continue
		}
		out = append(out, prefix+name)
	}
	return out
}

// forwarded lists the fields a Parameters template sets, "name.$" keys
// reported as "name", nested objects as "parent.child".
func forwarded(params map[string]any, prefix string) []string {
	var out []string
	for k, v := range params {
		name := strings.TrimSuffix(k, ".$")
		if m, ok := v.(map[string]any); ok {
			out = append(out, forwarded(m, prefix+name+".")...)
			continue
		}
		out = append(out, prefix+name)
	}
	return out
}

func TestProcessPaymentForwardsEveryPaymentField(t *testing.T) {
	t.Parallel()
	task := definitionStates(t, readDefinition(t, loadTemplate(t)))["ProcessPayment"]
	if task["Resource"] != "arn:aws:states:::sqs:sendMessage.waitForTaskToken" {
		t.Fatalf("ProcessPayment Resource = %v", task["Resource"])
	}
	body, _ := lookup(task, "Parameters", "MessageBody").(map[string]any)
	if body["taskToken.$"] != "$$.Task.Token" {
		t.Errorf("MessageBody taskToken.$ = %v, want $$.Task.Token", body["taskToken.$"])
	}
	payment, _ := body["payment"].(map[string]any)
	got := forwarded(payment, "")
	want := jsonFields(reflect.TypeFor[orders.PaymentRequest](), "")
	sort.Strings(got)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("payment fields forwarded to the queue (-orders.PaymentRequest +MessageBody):\n%s", diff)
	}
	// Each field is copied from the same path of the execution input.
	for _, f := range want {
		parts := strings.Split(f, ".")
		parts[len(parts)-1] += ".$"
		if got := lookup(payment, parts...); got != "$."+f {
			t.Errorf("payment.%s comes from %v, want $.%s", f, got, f)
		}
	}
}
