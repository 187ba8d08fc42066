package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"
)

// TestRunWithStripe is `make run PROCESSOR=stripe`: stripe-mock starts,
// the banner says payments go through it, and Ctrl-C stops both.
func TestRunWithStripe(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr logtest.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{
			"-template", "../../template.yml", "-addr", "127.0.0.1:0", "-api-addr", "127.0.0.1:0", "-stack-name", "stripe",
		}, func(k string) string { return map[string]string{"PAYFLOW_PROCESSOR": "stripe"}[k] }, &stdout, &stderr)
	}()
	deadline := time.Now().Add(2 * time.Minute) // stripe-mock's first build included
	for !strings.Contains(stdout.String(), "Ctrl-C stops") {
		select {
		case err := <-done:
			t.Fatalf("run returned early: %v\nstderr: %s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no banner; stdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
	}
	if !strings.Contains(stdout.String(), "Stripe adapter against stripe-mock at http://127.0.0.1:") {
		t.Errorf("banner does not say payments go to stripe-mock:\n%s", stdout.String())
	}
	if !strings.Contains(stdout.String(), `"paymentMethod":"pm_card_visa"`) {
		t.Errorf("banner has no tokenized example:\n%s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "payment processor is Stripe") {
		t.Errorf("the callback did not start with Stripe:\n%s", stderr.String())
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

func TestRunRejectsAnUnknownProcessor(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-processor", "paypal", "-addr", "127.0.0.1:0", "-api-addr", "127.0.0.1:0"},
		func(string) string { return "" }, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), `"paypal" is neither`) {
		t.Errorf("run -processor paypal = %v, want the choice refused", err)
	}
}
