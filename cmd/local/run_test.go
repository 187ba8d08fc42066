package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"
)

func TestRunPrintsOutputsAndStopsCleanly(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr logtest.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{
			"-template", "../../template.yml", "-addr", "127.0.0.1:0", "-api-addr", "127.0.0.1:0", "-stack-name", "cli",
		}, func(string) string { return "" }, &stdout, &stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "Ctrl-C stops") {
		select {
		case err := <-done:
			t.Fatalf("run returned early: %v\nstderr: %s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no banner; stdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	banner := stdout.String()
	for _, want := range []string{
		"StateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:cli-PaymentStateMachine",
		"/123456789012/cli-NotificationTestQueue", "curl -i -X POST http://127.0.0.1:", "4242 4242 4242 4242",
		"aws sns subscribe --endpoint-url http://localhost:", "--topic-arn arn:aws:sns:us-east-1:123456789012:cli-NotificationTopic",
		"--protocol http --notification-endpoint http://127.0.0.1:8080/payflow",
	} {
		if !strings.Contains(banner, want) {
			t.Errorf("banner lacks %q:\n%s", want, banner)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after cancel")
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
	}{
		{"unknown flag", []string{"-nope"}},
		{"stray argument", []string{"extra"}},
		{"bad log level", []string{"-log-level", "loud"}},
		{"bad param", []string{"-param", "novalue"}},
		{"missing template", []string{"-template", "does-not-exist.yml", "-addr", "127.0.0.1:0", "-api-addr", "127.0.0.1:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			if err := run(context.Background(), tt.args, func(string) string { return "" }, &out, &errOut); err == nil {
				t.Fatal("run succeeded, want an error")
			}
		})
	}
}
