package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"
)

// env is a Getenv over a map.
func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func validEnv(extra map[string]string) map[string]string {
	m := map[string]string{
		"STATE_MACHINE_ARN": "arn:aws:states:us-east-1:123456789012:stateMachine:Payment",
		"CARD_KEY_ID":       "alias/payflow-card",
		"MAC_KEY_ID":        "alias/payflow-mac",
		"VAULT_TABLE":       "CardVault",
		"ADDR":              "127.0.0.1:0",
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

func TestRunServesHTTPUntilCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := &logtest.Buffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, env(validEnv(map[string]string{"LOG_LEVEL": "debug"})), stdout, &logtest.Buffer{})
	}()

	addr := waitForAddr(t, stdout, done)
	for _, tt := range []struct {
		path string
		want int
	}{
		{"/healthz", http.StatusOK},
		{"/orders/unknown/nope", http.StatusNotFound},
	} {
		resp, err := http.Get("http://" + addr + tt.path)
		if err != nil {
			t.Fatalf("GET %s: %v", tt.path, err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("GET %s = %d, want %d", tt.path, resp.StatusCode, tt.want)
		}
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not return after cancel")
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

func TestRunRefusesBadConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string
	}{
		{"no environment", map[string]string{}, "STATE_MACHINE_ARN"},
		{"no MAC key", validEnv(map[string]string{"MAC_KEY_ID": ""}), "MAC_KEY_ID"},
		{"bad log level", validEnv(map[string]string{"LOG_LEVEL": "chatty"}), "LOG_LEVEL"},
		{"bad state machine ARN", validEnv(map[string]string{"STATE_MACHINE_ARN": "Payment"}), "state machine ARN"},
		{"unusable address", validEnv(map[string]string{"ADDR": "256.0.0.1:80"}), "listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := run(context.Background(), env(tt.env), &logtest.Buffer{}, &logtest.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("run() error = %v, want one mentioning %q", err, tt.wantErr)
			}
		})
	}
}

// waitForAddr reads the server's address from its "serving HTTP" log line.
func waitForAddr(tb testing.TB, logs *logtest.Buffer, done <-chan error) string {
	tb.Helper()
	deadline := time.After(10 * time.Second)
	for {
		for _, line := range strings.Split(logs.String(), "\n") {
			var entry struct {
				Msg  string `json:"msg"`
				Addr string `json:"addr"`
			}
			if json.Unmarshal([]byte(line), &entry) == nil && entry.Msg == "serving HTTP" {
				return entry.Addr
			}
		}
		select {
		case err := <-done:
			tb.Fatalf("run returned before serving: %v", err)
		case <-deadline:
			tb.Fatalf("no serving HTTP log line; logs: %s", logs)
		case <-time.After(10 * time.Millisecond):
		}
	}
}
