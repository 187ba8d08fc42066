package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/payflow-dev/payflow/internal/logtest"
	"github.com/payflow-dev/payflow/localaws/console"
)

// chromium finds Debian's headless browser: skipped on a developer
// machine without it, a failure in CI (.ci/run installs it).
func chromium(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("chromium is needed in CI (apt-get install chromium)")
	}
	tb.Skip("chromium is not installed: apt-get install chromium to run the console's browser test")
	return ""
}

// TestConsoleInABrowser starts the local stack as `make run` does, places
// an order through the HTTP API and leaves another execution waiting for
// its token, then loads the console in headless Chromium and reads the
// page it rendered: the order is listed, its path is drawn, and the
// waiting task is listed.
func TestConsoleInABrowser(t *testing.T) {
	t.Parallel()
	browser := chromium(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	endpoint, api := startLocal(t, ctx)
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")}

	order := placeOrder(t, api, "console-1")
	waiting := startWaiting(t, cfg)
	waitFor(t, cfg, order, "SUCCEEDED")

	page := endpoint + console.Prefix + "#" + url.QueryEscape(order)
	dom := render(t, browser, page)
	if !strings.Contains(dom, "console-1") {
		t.Errorf("the order console-1 is not listed")
	}
	for _, state := range []string{"CheckOrder", "ProcessPayment"} {
		visited := regexp.MustCompile(`<g class="node visited" data-state="` + state + `"`)
		if !visited.MatchString(dom) {
			t.Errorf("state %s is not drawn as visited", state)
		}
	}
	if !strings.Contains(dom, `class="edge taken"`) {
		t.Errorf("no transition is drawn as taken")
	}
	row := regexp.MustCompile(`<td>` + regexp.QuoteMeta(waiting) + `</td><td>Ask</td><td>[0-9.]+ (s|min)</td>`)
	if !row.MatchString(dom) {
		t.Errorf("the waiting task of %s is not listed", waiting)
	}
	// The outcome published to the topic is listed.
	if !regexp.MustCompile(`<li>[^<]*NotificationTopic[^<]*console-1[^<]*PAID[^<]*</li>`).MatchString(dom) {
		t.Errorf("the PAID notification of console-1 is not listed")
	}
	// The functions' Embedded Metric Format lines reach the console.
	for _, metric := range []string{`<td>Payflow/Orders (Count)</td><td>Result=accepted</td>`, `<td>Payflow/Payments (Count)</td><td>Outcome=PAID</td>`} {
		if !strings.Contains(dom, metric) {
			t.Errorf("the metrics table lacks %s", metric)
		}
	}
	if shot := os.Getenv("CONSOLE_SCREENSHOT"); shot != "" {
		screenshot(t, browser, page, shot)
	}
	if t.Failed() {
		t.Logf("rendered page:\n%s", dom)
	}
}

// startLocal runs the local stack on free ports and returns the endpoint
// and API URLs from its banner.
func startLocal(tb testing.TB, ctx context.Context) (endpoint, api string) {
	tb.Helper()
	var stdout, stderr logtest.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-template", "../../template.yml", "-addr", "127.0.0.1:0", "-api-addr", "127.0.0.1:0",
			"-stack-name", "console", "-log-level", "warn"}, func(string) string { return "" }, &stdout, &stderr)
	}()
	tb.Cleanup(func() {
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			tb.Error("the local stack did not stop")
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stdout.String(), "Ctrl-C stops") {
		select {
		case err := <-done:
			tb.Fatalf("run returned early: %v\nstderr: %s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			tb.Fatalf("no banner; stderr: %s", stderr.String())
		}
	}
	m := regexp.MustCompile(`Console\s+(http://127\.0\.0\.1:\d+)/_console/`).FindStringSubmatch(stdout.String())
	a := regexp.MustCompile(`HTTP API\s+(http://127\.0\.0\.1:\d+)`).FindStringSubmatch(stdout.String())
	if m == nil || a == nil {
		tb.Fatalf("banner lacks the console or API URL:\n%s", stdout.String())
	}
	return m[1], a[1]
}

// placeOrder posts an order with an approved test card, signed as the
// README's curl examples sign, and returns its execution ARN.
func placeOrder(tb testing.TB, api, id string) string {
	tb.Helper()
	body := fmt.Sprintf(`{"orderId":%q,"customerId":"c-1","orderDate":%q,"amount":"12.30","currency":"EUR",`+
		`"creditCardNumber":"4242424242424242","expiry":"12/30","cvv":"123","nameOnCard":"A BUYER"}`,
		id, time.Now().UTC().Format("2006-01-02"))
	req, err := http.NewRequest(http.MethodPost, api+"/orders", strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: "local", SecretAccessKey: "local"}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "execute-api", "us-east-1", time.Now()); err != nil {
		tb.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	var out bytes.Buffer
	_, _ = out.ReadFrom(res.Body)
	if res.StatusCode != http.StatusAccepted && res.StatusCode != http.StatusOK && res.StatusCode != http.StatusCreated {
		tb.Fatalf("POST /orders: %d %s", res.StatusCode, out.String())
	}
	arn := regexp.MustCompile(`"(arn:aws:states:[^"]+:execution:[^"]+)"`).FindStringSubmatch(out.String())
	if arn == nil {
		tb.Fatalf("no execution ARN in %s", out.String())
	}
	return arn[1]
}
