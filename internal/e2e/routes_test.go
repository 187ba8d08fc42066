package e2e_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// TestDocumentedAnswersThroughTheGateway asks the local HTTP API (the
// template's routes, through the API Gateway emulation) for what
// api/openapi.yaml promises besides orders: the health probe, and problem
// documents for unknown paths and wrong methods, never API Gateway's bare
// {"message":"Not Found"}.
func TestDocumentedAnswersThroughTheGateway(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true})
	unsigned := &http.Client{Timeout: 10 * time.Second}
	tests := []struct {
		method, path    string
		wantStatus      int
		wantContentType string
		wantAllow       string
	}{
		{"GET", "/healthz", 200, "application/json", ""},
		{"GET", "/payments", 404, "application/problem+json", ""},
		{"GET", "/orders/x/status/extra", 404, "application/problem+json", ""},
		{"DELETE", "/orders", 405, "application/problem+json", "POST"},
		{"GET", "/orders", 405, "application/problem+json", "POST"},
		{"POST", "/healthz", 405, "application/problem+json", "GET"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest(tt.method, h.local.APIURL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := unsigned.Do(req) // these routes are open

			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d; body %s", resp.StatusCode, tt.wantStatus, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tt.wantContentType {
				t.Errorf("Content-Type %q, want %q", ct, tt.wantContentType)
			}
			if got := resp.Header.Get("Allow"); got != tt.wantAllow {
				t.Errorf("Allow %q, want %q", got, tt.wantAllow)
			}
			var doc map[string]any
			if err := json.Unmarshal(body, &doc); err != nil {
				t.Fatalf("body is not JSON: %s", body)
			}
			if strings.HasSuffix(tt.wantContentType, "problem+json") && doc["status"] != float64(tt.wantStatus) {
				t.Errorf("problem status %v, want %d: %s", doc["status"], tt.wantStatus, body)
			}
		})
	}
}

// TestOrderRoutesNeedASignature: with the template's default AuthMode
// (AWS_IAM) an unsigned or badly signed order request is refused by the
// gateway with API Gateway's 403 before the function runs; with
// AuthMode=NONE (make run ARGS='-param AuthMode=NONE') it is served.
func TestOrderRoutesNeedASignature(t *testing.T) {
	t.Parallel()
	body := func() *strings.Reader {
		b, err := json.Marshal(newOrder("auth-1", cardApproved))
		if err != nil {
			t.Fatal(err)
		}
		return strings.NewReader(string(b))
	}
	post := func(t *testing.T, c *http.Client, url string) (int, string) {
		t.Helper()
		req, err := http.NewRequest("POST", url+"/orders", body())
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(b)
	}
	unsigned := &http.Client{Timeout: 10 * time.Second}
	t.Run("AWS_IAM by default", func(t *testing.T) {
		t.Parallel()
		h := start(t, options{})
		if code, b := post(t, unsigned, h.local.APIURL); code != 403 || b != `{"message":"Forbidden"}` {
			t.Errorf("unsigned: %d %s, want 403 {\"message\":\"Forbidden\"}", code, b)
		}
		wrong := &http.Client{Timeout: 10 * time.Second, Transport: signing{
			next: http.DefaultTransport, region: "us-east-1", now: time.Now,
			creds: aws.Credentials{AccessKeyID: "local", SecretAccessKey: "not-the-secret"},
		}}
		if code, b := post(t, wrong, h.local.APIURL); code != 403 || !strings.Contains(b, "signature we calculated does not match") {
			t.Errorf("badly signed: %d %s, want 403 with the signature mismatch message", code, b)
		}
		if code, b := post(t, h.http, h.local.APIURL); code != 202 {
			t.Errorf("signed: %d %s, want 202", code, b)
		}
		if n := h.executions("auth-1"); n != 1 {
			t.Errorf("%d executions for auth-1, want 1 (only the signed request)", n)
		}
	})
	t.Run("NONE when asked", func(t *testing.T) {
		t.Parallel()
		h := start(t, options{params: map[string]string{"AuthMode": "NONE"}})
		if code, b := post(t, unsigned, h.local.APIURL); code != 202 {
			t.Errorf("unsigned with AuthMode=NONE: %d %s, want 202", code, b)
		}
	})
}
