package callbackfunc

import (
	"log/slog"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/internal/payments"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestReadConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		env     map[string]string
		want    config
		wantErr bool
	}{
		{
			name: "defaults",
			env:  map[string]string{},
			want: config{mode: payments.ModeSimulated, heartbeat: 60 * time.Second, logLevel: slog.LevelInfo},
		},
		{
			name: "everything set",
			env: map[string]string{
				EnvPaymentMode: "random", EnvHeartbeatSeconds: "20", EnvPaymentLatencyMS: "1500", EnvLogLevel: "debug",
			},
			want: config{mode: payments.ModeRandom, heartbeat: 20 * time.Second, latency: 1500 * time.Millisecond, logLevel: slog.LevelDebug},
		},
		{name: "unknown mode", env: map[string]string{EnvPaymentMode: "coinflip"}, wantErr: true},
		{name: "zero heartbeat", env: map[string]string{EnvHeartbeatSeconds: "0"}, wantErr: true},
		{name: "heartbeat not a number", env: map[string]string{EnvHeartbeatSeconds: "1m"}, wantErr: true},
		{name: "negative latency", env: map[string]string{EnvPaymentLatencyMS: "-1"}, wantErr: true},
		{name: "unknown log level", env: map[string]string{EnvLogLevel: "loud"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := readConfig(env(tt.env))
			if (err != nil) != tt.wantErr {
				t.Fatalf("readConfig error = %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(config{})); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}
