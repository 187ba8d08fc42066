package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"
)

// TestSampleEventsThroughTheRuntimeInterfaceEmulator does what `sam local
// invoke ApiFunction --env-vars env.json -e events/...` does, without
// Docker: the API's bootstrap, built as `make build` builds it (for this
// machine's architecture), runs under AWS's Lambda Runtime Interface
// Emulator (a Go tool dependency of the module) with the environment that
// -env-json writes, against the local stack; each sample event under
// events/ gets the answer a shop would get.
func TestSampleEventsThroughTheRuntimeInterfaceEmulator(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the bootstrap and the emulator")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build the bootstrap: %v", err)
	}
	dir := t.TempDir()
	build := func(out string, args ...string) {
		cmd := exec.Command(goBin, append([]string{"build", "-o", filepath.Join(dir, out)}, args...)...)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", out, err, b)
		}
	}
	build("bootstrap", "-tags", "lambda.norpc", "../api")
	build("rie", "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	envPath := filepath.Join(dir, "env.json")
	var stdout, stderr logtest.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-template", "../../template.yml", "-addr", "127.0.0.1:0", "-api-addr", "127.0.0.1:0",
			"-stack-name", "rie", "-log-level", "warn", "-env-json", envPath, "-container-host", "127.0.0.1"},
			func(string) string { return "" }, &stdout, &stderr)
	}()
	defer func() {
		cancel()
		<-done
	}()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stdout.String(), "Ctrl-C stops") {
		select {
		case err := <-done:
			t.Fatalf("run returned early: %v\nstderr: %s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no banner; stderr: %s", stderr.String())
		}
	}
	raw, err := os.ReadFile(envPath)
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]map[string]string
	if err := json.Unmarshal(raw, &env); err != nil {
		t.Fatal(err)
	}

	invoke := startEmulator(t, filepath.Join(dir, "rie"), filepath.Join(dir, "bootstrap"), env["ApiFunction"])
	today := time.Now().UTC().Format("2006-01-02")
	for _, tc := range []struct {
		file   string
		status int
		want   string
	}{
		{"api-healthz.json", http.StatusOK, `"status":"ok"`},
		{"api-post-order.json", http.StatusAccepted, `"orderId":"order-1234567"`},
		{"api-get-status.json", http.StatusOK, `"orderId":"order-1234567"`},
	} {
		event, err := os.ReadFile(filepath.Join("..", "..", "events", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		// The sample's orderDate is fixed; the API accepts dates near today.
		event = regexp.MustCompile(`\\"orderDate\\":\\"\d{4}-\d{2}-\d{2}\\"`).ReplaceAll(event, []byte(`\"orderDate\":\"`+today+`\"`))
		resp := invoke(event)
		if resp.StatusCode != tc.status || !strings.Contains(resp.Body, tc.want) {
			t.Errorf("%s: status %d body %s, want %d with %s", tc.file, resp.StatusCode, resp.Body, tc.status, tc.want)
		}
	}
}

// proxyResponse is the part of an API Gateway v2 proxy response the test
// reads.
type proxyResponse struct {
	StatusCode int    `json:"statusCode"`
	Body       string `json:"body"`
}

// startEmulator runs bootstrap under the Runtime Interface Emulator on
// free loopback ports with env, and returns a function that invokes it.
func startEmulator(tb testing.TB, rie, bootstrap string, env map[string]string) func([]byte) proxyResponse {
	tb.Helper()
	invokeAddr, runtimeAddr := freeAddr(tb), freeAddr(tb)
	cmd := exec.Command(rie, "--runtime-interface-emulator-address", invokeAddr, "--runtime-api-address", runtimeAddr, bootstrap)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + tb.TempDir(), "AWS_REGION=us-east-1", "AWS_DEFAULT_REGION=us-east-1",
		"AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local", "AWS_LAMBDA_FUNCTION_TIMEOUT=10"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start the emulator: %v", err)
	}
	tb.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if tb.Failed() {
			tb.Logf("emulator output:\n%s", logs.String())
		}
	})
	url := "http://" + invokeAddr + "/2015-03-31/functions/function/invocations"
	client := &http.Client{Timeout: 30 * time.Second}
	return func(event []byte) proxyResponse {
		tb.Helper()
		var res *http.Response
		var err error
		for start := time.Now(); time.Since(start) < 20*time.Second; time.Sleep(50 * time.Millisecond) {
			if res, err = client.Post(url, "application/json", bytes.NewReader(event)); err == nil {
				break
			}
		}
		if err != nil {
			tb.Fatalf("invoke through the emulator: %v", err)
		}
		defer res.Body.Close()
		var out proxyResponse
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
			tb.Fatalf("emulator answer: %v", err)
		}
		return out
	}
}

func freeAddr(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return fmt.Sprint(ln.Addr())
}
