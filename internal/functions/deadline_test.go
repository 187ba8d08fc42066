package functions_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/httpapi"
)

// blackHole listens, accepts every connection and never answers: an AWS
// endpoint that has gone silent. It returns the endpoint URL.
func blackHole(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	var (
		mu    sync.Mutex
		conns []net.Conn
	)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // held open, never read or written
			mu.Unlock()
		}
	}()
	tb.Cleanup(func() {
		ln.Close()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String()
}

// silentAPI builds the API against a black-holed AWS endpoint with a small
// request budget and attempt timeout, so the test takes a fraction of a
// second.
func silentAPI(tb testing.TB, budget, attempt string) http.Handler {
	tb.Helper()
	env := map[string]string{
		functions.EnvStateMachineARN: "arn:aws:states:us-east-1:123456789012:stateMachine:Payment",
		functions.EnvCardKeyID:       "alias/card", functions.EnvMACKeyID: "alias/mac", functions.EnvVaultTable: "vault",
		functions.EnvRequestBudget: budget, functions.EnvAttemptTimeout: attempt,
	}
	h, err := functions.API(context.Background(), functions.Deps{
		AWS: aws.Config{
			Region: "us-east-1", BaseEndpoint: aws.String(blackHole(tb)),
			Credentials: credentials.NewStaticCredentialsProvider("local", "local", ""),
		},
		Getenv: func(k string) string { return env[k] },
		Logger: slog.New(slog.DiscardHandler), Clock: clock.NewFake(testNow),
	})
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// TestSilentAWSIsA503WithinTheBudget places an order while AWS does not
// answer: the API gives up within its budget and answers 503 with
// Retry-After, as a plain server and through the Lambda adapter, whether
// the request budget, the invocation's deadline or the bounded retries
// end the wait first.
func TestSilentAWSIsA503WithinTheBudget(t *testing.T) {
	t.Parallel()
	const budget = 400 * time.Millisecond
	check := func(t *testing.T, status int, header http.Header, body string, took time.Duration) {
		t.Helper()
		if status != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503; body %s", status, body)
		}
		if header.Get("Retry-After") == "" {
			t.Error("no Retry-After header")
		}
		if ct := header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("Content-Type %q", ct)
		}
		if took > budget+time.Second {
			t.Errorf("answered after %s, budget %s", took, budget)
		}
	}
	t.Run("server, budget ends it", func(t *testing.T) {
		t.Parallel()
		srv := httptest.NewServer(silentAPI(t, budget.String(), "1h"))
		defer srv.Close()
		start := time.Now()
		resp, err := srv.Client().Post(srv.URL+"/orders", "application/json", strings.NewReader(orderBody))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		check(t, resp.StatusCode, resp.Header, string(body), time.Since(start))
	})
	t.Run("server, attempts end it", func(t *testing.T) {
		t.Parallel()
		// Three 100 ms attempts with short backoffs, long before the budget.
		srv := httptest.NewServer(silentAPI(t, "1h", "100ms"))
		defer srv.Close()
		start := time.Now()
		resp, err := srv.Client().Post(srv.URL+"/orders", "application/json", strings.NewReader(orderBody))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		check(t, resp.StatusCode, resp.Header, string(body), time.Since(start))
	})
	t.Run("lambda, invocation deadline ends it", func(t *testing.T) {
		t.Parallel()
		handle := httpapi.LambdaHandler(silentAPI(t, "1h", "1h")) // only the invocation's deadline bounds it
		// A 1.5 s function timeout: the budget leaves the margin free.
		ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
		defer cancel()
		start := time.Now()
		resp, err := handle(ctx, events.APIGatewayV2HTTPRequest{
			RouteKey: "POST /orders", RawPath: "/orders", Body: orderBody,
			Headers: map[string]string{"content-type": "application/json"},
			RequestContext: events.APIGatewayV2HTTPRequestContext{
				RouteKey: "POST /orders", HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "POST", Path: "/orders"},
			},
		})
		took := time.Since(start)
		if err != nil {
			t.Fatalf("handler error (Lambda would answer a bare 500): %v", err)
		}
		if ctx.Err() != nil {
			t.Errorf("answered after the invocation's deadline (%s)", took)
		}
		h := http.Header{}
		for k, v := range resp.Headers {
			h.Set(k, v)
		}
		check(t, resp.StatusCode, h, resp.Body, took)
	})
}

// TestUnresolvedLogicalIDIsExplained starts the API with what `sam local`
// puts in its environment (logical ids, since it creates no resources):
// it refuses to start, saying what to pass instead.
func TestUnresolvedLogicalIDIsExplained(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		functions.EnvStateMachineARN: "PaymentStateMachine",
		functions.EnvCardKeyID:       "CardKey", functions.EnvMACKeyID: "MacKey", functions.EnvVaultTable: "CardVault",
	}
	_, err := functions.API(context.Background(), functions.Deps{
		Getenv: func(k string) string { return env[k] }, Logger: slog.New(slog.DiscardHandler), Clock: clock.NewFake(testNow),
	})
	if err == nil {
		t.Fatal("API started with logical ids for ARNs")
	}
	for _, want := range []string{"STATE_MACHINE_ARN", "CARD_KEY_ID", "MAC_KEY_ID", "--env-vars env.json", "-env-json"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q: %v", want, err)
		}
	}
}
