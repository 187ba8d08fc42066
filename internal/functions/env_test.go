package functions_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/logtest"
)

// build is either function's constructor, so that both are held to the
// same rules.
type build func(context.Context, functions.Deps) error

func builders() map[string]build {
	return map[string]build{
		"api": func(ctx context.Context, d functions.Deps) error {
			_, err := functions.API(ctx, d)
			return err
		},
		"callback": func(ctx context.Context, d functions.Deps) error {
			_, err := functions.Callback(ctx, d)
			return err
		},
	}
}

// apiEnv is both functions' required environment.
var apiEnv = map[string]string{
	functions.EnvStateMachineARN:      "arn:aws:states:us-east-1:123456789012:stateMachine:Payment",
	functions.EnvCardKeyID:            "alias/payflow-card",
	functions.EnvMACKeyID:             "alias/payflow-mac",
	functions.EnvVaultTable:           "CardVault",
	functions.EnvChargesTable:         "Charges",
	functions.EnvNotificationTopicARN: "arn:aws:sns:us-east-1:123456789012:Notifications",
}

func deps(env map[string]string, logs *logtest.Buffer) functions.Deps {
	return functions.Deps{
		AWS:    aws.Config{Region: "us-east-1"},
		Getenv: func(k string) string { return env[k] },
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Clock:  clock.NewFake(testNow),
	}
}

func with(extra map[string]string) map[string]string {
	m := map[string]string{}
	for k, v := range apiEnv {
		m[k] = v
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// TestBothFunctionsReadLogLevelAlike builds each function with each
// LOG_LEVEL and checks that its info-level "ready" line is logged, or not,
// the same way for both.
func TestBothFunctionsReadLogLevelAlike(t *testing.T) {
	t.Parallel()
	tests := []struct {
		level     string
		wantReady bool
		wantErr   bool
	}{
		{"", true, false},
		{"debug", true, false},
		{"info", true, false},
		{" WARN ", false, false},
		{"error", false, false},
		{"loud", false, true},
	}
	for name, b := range builders() {
		for _, tt := range tests {
			t.Run(name+"/"+tt.level, func(t *testing.T) {
				t.Parallel()
				logs := &logtest.Buffer{}
				err := b(t.Context(), deps(with(map[string]string{functions.EnvLogLevel: tt.level}), logs))
				if tt.wantErr {
					if err == nil || !strings.Contains(err.Error(), functions.EnvLogLevel) {
						t.Fatalf("error = %v, want one naming %s", err, functions.EnvLogLevel)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if got := strings.Contains(logs.String(), "ready"); got != tt.wantReady {
					t.Errorf("ready line logged = %v, want %v; logs: %s", got, tt.wantReady, logs)
				}
			})
		}
	}
}

func TestFunctionsRefuseBadEnvironment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		function string
		env      map[string]string
		want     []string // every one must be named in the error
	}{
		{"api with nothing set", "api", map[string]string{},
			[]string{functions.EnvStateMachineARN, functions.EnvCardKeyID, functions.EnvMACKeyID, functions.EnvVaultTable}},
		{"callback with nothing set", "callback", map[string]string{},
			[]string{functions.EnvVaultTable, functions.EnvChargesTable, functions.EnvNotificationTopicARN}},
		{"api with an execution ARN", "api", with(map[string]string{functions.EnvStateMachineARN: "arn:aws:states:us-east-1:1:execution:a:b"}),
			[]string{functions.EnvStateMachineARN, "state machine ARN"}},
		{"api with a bad log level too", "api", map[string]string{functions.EnvLogLevel: "loud"},
			[]string{functions.EnvStateMachineARN, functions.EnvLogLevel}},
		{"callback with an unknown mode", "callback", with(map[string]string{functions.EnvPaymentMode: "coinflip"}),
			[]string{functions.EnvPaymentMode}},
		{"callback with a zero heartbeat", "callback", with(map[string]string{functions.EnvHeartbeatSeconds: "0"}),
			[]string{functions.EnvHeartbeatSeconds}},
		{"callback with a heartbeat in minutes", "callback", with(map[string]string{functions.EnvHeartbeatSeconds: "1m"}),
			[]string{functions.EnvHeartbeatSeconds}},
		{"callback with negative latency and a bad level", "callback",
			map[string]string{functions.EnvPaymentLatencyMS: "-1", functions.EnvLogLevel: "loud"},
			[]string{functions.EnvPaymentLatencyMS, functions.EnvLogLevel}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := builders()[tt.function](t.Context(), deps(tt.env, &logtest.Buffer{}))
			if err == nil {
				t.Fatal("built with a bad environment")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %s", err, w)
				}
			}
		})
	}
}

func TestFunctionsRequireTheirDeps(t *testing.T) {
	t.Parallel()
	for name, b := range builders() {
		d := deps(apiEnv, &logtest.Buffer{})
		d.Clock = nil
		if err := b(t.Context(), d); err == nil {
			t.Errorf("%s built without a clock", name)
		}
	}
}
