package functions_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/logtest"
)

func TestCallbackRefusesABadProcessorChoice(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{name: "stripe without its secret", env: map[string]string{functions.EnvPaymentProcessor: "stripe"}, want: functions.EnvStripeSecretID + ": required"},
		{name: "unknown processor", env: map[string]string{functions.EnvPaymentProcessor: "paypal"}, want: `"paypal" is neither`},
		{name: "unknown capture", env: map[string]string{functions.EnvStripeCapture: "later"}, want: `"later" is neither`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := with(tt.env) // the tables and topic every callback needs
			_, err := functions.Callback(context.Background(), functions.Deps{
				AWS: aws.Config{Region: "us-east-1"}, Getenv: func(k string) string { return env[k] },
				Logger: slog.New(slog.DiscardHandler), Clock: clock.NewReal(),
			})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Callback = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestColdStartSaysWhichProcessor checks what an operator reads in the
// logs of every new callback environment: a warning while the simulator
// runs.
func TestColdStartSaysWhichProcessor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		env       map[string]string
		wantLevel string
		wantMsg   string
	}{
		{name: "simulated by default", env: map[string]string{}, wantLevel: "WARN", wantMsg: "no money moves"},
		{name: "simulated", env: map[string]string{functions.EnvPaymentProcessor: "simulated"}, wantLevel: "WARN", wantMsg: "no money moves"},
		{
			name:      "stripe",
			env:       map[string]string{functions.EnvPaymentProcessor: "stripe", functions.EnvStripeSecretID: "payflow-StripeSecretKey"},
			wantLevel: "INFO", wantMsg: "payment processor is Stripe",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			logs := &logtest.Buffer{}
			env := with(tt.env) // the tables and topic every callback needs
			_, err := functions.Callback(context.Background(), functions.Deps{
				AWS: aws.Config{Region: "us-east-1"}, Getenv: func(k string) string { return env[k] },
				Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})), Clock: clock.NewReal(),
			})
			if err != nil {
				t.Fatalf("Callback: %v", err)
			}
			found := false
			for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
				var rec struct{ Level, Msg string }
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("log line %q: %v", line, err)
				}
				found = found || (rec.Level == tt.wantLevel && strings.Contains(rec.Msg, tt.wantMsg))
			}
			if !found {
				t.Errorf("cold-start logs:\n%s\nwant a %s line saying %q", logs.String(), tt.wantLevel, tt.wantMsg)
			}
		})
	}
}
