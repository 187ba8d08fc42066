package e2e_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestDocumentedAnswersThroughTheGateway asks the local HTTP API (the
// template's routes, through the API Gateway emulation) for what
// api/openapi.yaml promises besides orders: the health probe, and problem
// documents for unknown paths and wrong methods, never API Gateway's bare
// {"message":"Not Found"}.
func TestDocumentedAnswersThroughTheGateway(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true})
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
			resp, err := h.http.Do(req)
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
