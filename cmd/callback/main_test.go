package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRunRefusesToStartWithoutLambdaOrWithBadConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string
	}{
		{"outside Lambda", map[string]string{}, "AWS_LAMBDA_RUNTIME_API"},
		{"bad payment mode", map[string]string{"AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001", "PAYMENT_MODE": "coinflip"}, "PAYMENT_MODE"},
		{"bad heartbeat", map[string]string{"AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001", "HEARTBEAT_SECONDS": "-3"}, "HEARTBEAT_SECONDS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			err := run(t.Context(), func(k string) string { return tt.env[k] }, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("run() = %v, want an error mentioning %s", err, tt.wantErr)
			}
		})
	}
}
