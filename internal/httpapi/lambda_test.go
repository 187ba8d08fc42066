package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/internal/httpapi"
)

var update = flag.Bool("update", false, "rewrite the golden responses in testdata/")

// TestLambdaHandler replays API Gateway HTTP API (payload 2.0) events from
// testdata/ through the Lambda adapter, in order against one API, and
// compares each response with its golden file.
func TestLambdaHandler(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	handle := httpapi.LambdaHandler(a.handler)
	for _, name := range []string{
		"apigw-v2-post-order",        // 202 Accepted
		"apigw-v2-post-order-base64", // 202, body base64-encoded by API Gateway
		"apigw-v2-post-order-text",   // 415, wrong content type
		"apigw-v2-get-status",        // 200 RUNNING
	} {
		var event events.APIGatewayV2HTTPRequest
		readJSON(t, filepath.Join("testdata", name+".json"), &event)
		resp, err := handle(context.Background(), event)
		if err != nil {
			t.Fatalf("%s: handler error: %v", name, err)
		}
		got := goldenResponse(t, resp)
		path := filepath.Join("testdata", name+".golden.json")
		if *update {
			writeJSON(t, path, got)
		}
		var want map[string]any
		readJSON(t, path, &want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: response mismatch (-golden +got):\n%s", name, diff)
		}
	}
}

// goldenResponse is a Lambda response as plain JSON values, with the body
// parsed so that golden files compare as JSON rather than as text.
func goldenResponse(tb testing.TB, resp events.APIGatewayV2HTTPResponse) map[string]any {
	tb.Helper()
	if resp.IsBase64Encoded {
		tb.Fatalf("response body is base64-encoded; JSON responses must be text")
	}
	var body any
	if err := json.Unmarshal([]byte(resp.Body), &body); err != nil {
		tb.Fatalf("response body is not JSON: %v: %s", err, resp.Body)
	}
	headers := map[string]any{}
	for k, v := range resp.Headers {
		headers[k] = v
	}
	return map[string]any{"statusCode": float64(resp.StatusCode), "headers": headers, "body": body}
}

func readJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read %s: %v (run go test -update to create golden files)", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(v); err != nil {
		tb.Fatalf("decode %s: %v", path, err)
	}
}

func writeJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatalf("encode %s: %v", path, err)
	}
	if err := os.WriteFile(path, append(raw, '\n'), 0o644); err != nil {
		tb.Fatalf("write %s: %v", path, err)
	}
}

// TestLambdaEventsCarryNoCardInResponses double-checks the fixtures: the
// events do carry full card numbers, and no response does.
func TestLambdaEventsCarryNoCardInResponses(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "apigw-v2-post-order.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "4242 4242 4242 4242") {
		t.Fatal("fixture no longer carries a card number; the leak checks below would prove nothing")
	}
	golden, err := filepath.Glob(filepath.Join("testdata", "*.golden.json"))
	if err != nil || len(golden) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, path := range golden {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"4242424242424242", "4242 4242", "4000-0000", "4000000000000002", `"123"`} {
			if strings.Contains(string(raw), secret) {
				t.Errorf("%s contains %q", path, secret)
			}
		}
	}
}
