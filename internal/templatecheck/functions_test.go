package templatecheck_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/internal/simulator"
)

func TestTemplateIsSAM(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	if got := tmpl["Transform"]; got != "AWS::Serverless-2016-10-31" {
		t.Errorf("Transform = %v, want AWS::Serverless-2016-10-31", got)
	}
}

func TestFunctionsRuntimeAndBuild(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	for id, dir := range map[string]string{"ApiFunction": "cmd/api", "CallbackFunction": "cmd/callback"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			p := props(t, tmpl, id, "AWS::Serverless::Function")
			got := map[string]any{
				"Runtime": p["Runtime"], "Architectures": p["Architectures"],
				"Handler": p["Handler"], "Tracing": p["Tracing"],
			}
			want := map[string]any{
				"Runtime": "provided.al2023", "Architectures": []any{"arm64"},
				"Handler": "bootstrap", "Tracing": "Active",
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("runtime settings (-want +got):\n%s", diff)
			}
			if bm := lookup(tmpl.Resource(id), "Metadata", "BuildMethod"); bm != "makefile" {
				t.Errorf("Metadata.BuildMethod = %v, want makefile", bm)
			}
			// SAM runs `make build-<id>` in CodeUri, which must hold go.mod
			// and the Makefile: the repository root.
			if p["CodeUri"] != "." {
				t.Errorf("CodeUri = %v, want .", p["CodeUri"])
			}
			if _, err := os.Stat(filepath.Join(repoRoot, dir, "main.go")); err != nil {
				t.Errorf("CodeUri %s has no main package: %v", dir, err)
			}
		})
	}
}

func TestFunctionEnvironment(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	tests := []struct {
		id   string
		want map[string]any
	}{
		{"ApiFunction", map[string]any{
			"STATE_MACHINE_ARN":   ref("PaymentStateMachine"),
			"CARD_KEY_ID":         getAtt("CardKey", "Arn"),
			"MAC_KEY_ID":          getAtt("MacKey", "Arn"),
			"VAULT_TABLE":         ref("CardVault"),
			"REQUEST_BUDGET":      "6s",
			"AWS_ATTEMPT_TIMEOUT": "2s",
			"LOG_LEVEL":           "info",
			"AWS_ENDPOINT_URL":    "",
		}},
		{"CallbackFunction", map[string]any{
			"PAYMENT_PROCESSOR":      ref("PaymentProcessor"),
			"PAYMENT_MODE":           "simulated",
			"STRIPE_SECRET_ID":       ref("StripeSecretKey"),
			"STRIPE_CAPTURE":         ref("StripeCapture"),
			"STRIPE_API_URL":         ref("StripeApiUrl"),
			"HEARTBEAT_SECONDS":      "20",
			"VAULT_TABLE":            ref("CardVault"),
			"CHARGES_TABLE":          ref("ChargeRecords"),
			"NOTIFICATION_TOPIC_ARN": ref("NotificationTopic"),
			"LOG_LEVEL":              "info",
			"AWS_ENDPOINT_URL":       "",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			p := props(t, tmpl, tt.id, "AWS::Serverless::Function")
			if diff := cmp.Diff(tt.want, lookup(p, "Environment", "Variables")); diff != "" {
				t.Errorf("environment (-want +got):\n%s", diff)
			}
		})
	}
	callback := props(t, tmpl, "CallbackFunction", "AWS::Serverless::Function")
	mode, _ := lookup(callback, "Environment", "Variables", "PAYMENT_MODE").(string)
	if _, err := simulator.ParseMode(mode); err != nil {
		t.Errorf("PAYMENT_MODE: %v", err)
	}
}

func TestCallbackHeartbeatFitsItsTimeout(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	p := props(t, tmpl, "CallbackFunction", "AWS::Serverless::Function")
	hb, err := strconv.Atoi(lookup(p, "Environment", "Variables", "HEARTBEAT_SECONDS").(string))
	if err != nil {
		t.Fatal(err)
	}
	timeout := number(t, p["Timeout"], "CallbackFunction Timeout")
	if hb >= timeout {
		t.Errorf("HEARTBEAT_SECONDS %d must be below the callback's Timeout %d, or no heartbeat is ever sent", hb, timeout)
	}
}

func TestCallbackConsumesThePaymentQueueWithPartialBatchResponses(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	p := props(t, tmpl, "CallbackFunction", "AWS::Serverless::Function")
	events, _ := p["Events"].(map[string]any)
	if len(events) != 1 {
		t.Fatalf("CallbackFunction has %d events, want exactly the payment queue", len(events))
	}
	for name, ev := range events {
		if got := lookup(ev, "Type"); got != "SQS" {
			t.Fatalf("event %s has Type %v, want SQS", name, got)
		}
		ep := lookup(ev, "Properties").(map[string]any)
		if diff := cmp.Diff(getAtt("PaymentQueue", "Arn"), ep["Queue"]); diff != "" {
			t.Errorf("event queue (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]any{"ReportBatchItemFailures"}, ep["FunctionResponseTypes"]); diff != "" {
			t.Errorf("FunctionResponseTypes (-want +got):\n%s", diff)
		}
		if n := number(t, ep["BatchSize"], "BatchSize"); n < 1 || n > 10 {
			t.Errorf("BatchSize = %d, want 1-10", n)
		}
		if _, ok := ep["MaximumBatchingWindowInSeconds"]; !ok {
			t.Error("MaximumBatchingWindowInSeconds is not set")
		}
	}
}

func TestKeys(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	card := props(t, tmpl, "CardKey", "AWS::KMS::Key")
	mac := props(t, tmpl, "MacKey", "AWS::KMS::Key")
	got := map[string]any{
		"card spec": card["KeySpec"], "card rotation": card["EnableKeyRotation"],
		"mac spec": mac["KeySpec"], "mac usage": mac["KeyUsage"],
	}
	want := map[string]any{
		"card spec": "SYMMETRIC_DEFAULT", "card rotation": true,
		"mac spec": "HMAC_256", "mac usage": "GENERATE_VERIFY_MAC",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	for id, p := range map[string]map[string]any{"CardKey": card, "MacKey": mac} {
		if lookup(p, "KeyPolicy", "Statement") == nil {
			t.Errorf("%s has no key policy", id)
		}
	}
}

// TestSAMBuildsWhatMakeBuilds asks make what `sam build` would run for each
// function (make -n build-<id>, as SAM calls it with ARTIFACTS_DIR set) and
// what `make build` runs, and wants the same go build but for the output.
func TestSAMBuildsWhatMakeBuilds(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("make"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("make is needed in CI")
		}
		t.Skip("make is not installed")
	}
	for id, dir := range map[string]string{"ApiFunction": "api", "CallbackFunction": "callback"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			dry := func(args ...string) string {
				cmd := exec.Command("make", append([]string{"-s", "-n", "-C", repoRoot}, args...)...)
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("make -n %v: %v", args, err)
				}
				return strings.TrimSpace(string(out))
			}
			sam := dry("build-"+id, "ARTIFACTS_DIR=/sam-out")
			mk := dry("bin/" + dir + "/bootstrap")
			if !strings.Contains(sam, "go build") || !strings.Contains(sam, "./cmd/"+dir) {
				t.Fatalf("build-%s runs %q, want go build of ./cmd/%s", id, sam, dir)
			}
			if got := strings.Replace(sam, "/sam-out/bootstrap", "bin/"+dir+"/bootstrap", 1); got != mk {
				t.Errorf("sam build runs\n  %s\nmake build runs\n  %s", sam, mk)
			}
		})
	}
}
