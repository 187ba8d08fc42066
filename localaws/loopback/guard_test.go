package loopback_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/localaws/loopback"
)

// served answers 200 "served" so a test sees whether Guard let a request
// through.
var served = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "served") })

func TestGuard(t *testing.T) {
	t.Parallel()
	const form = "application/x-www-form-urlencoded"
	const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
	tests := []struct {
		name    string
		cfg     loopback.Config
		host    string
		headers map[string]string
		want    int
		reason  string // part of the refusal message
	}{
		{"IPv4 loopback", loopback.Config{}, "127.0.0.1:4566", nil, 200, ""},
		{"any 127/8 address", loopback.Config{}, "127.3.2.1:4566", nil, 200, ""},
		{"IPv6 loopback", loopback.Config{}, "[::1]:4566", nil, 200, ""},
		{"localhost", loopback.Config{}, "localhost:4566", nil, 200, ""},
		{"a name under .localhost", loopback.Config{}, "sqs.localhost:4566", nil, 200, ""},
		{"DNS rebinding", loopback.Config{}, "attacker.rebind.example:4566", nil, 403, "loopback host"},
		{"a LAN address", loopback.Config{}, "192.168.1.20:4566", nil, 403, "loopback host"},
		{"no Host at all", loopback.Config{}, "", nil, 403, "loopback host"},
		{"allowed container name", loopback.Config{AllowHosts: []string{"localaws"}}, "LocalAWS:4566", nil, 200, ""},
		{"allow any host", loopback.Config{AllowHosts: []string{"*"}}, "anything.example", nil, 200, ""},
		{"SDK form post", loopback.Config{}, "127.0.0.1:4566",
			map[string]string{"Content-Type": form, "User-Agent": "aws-cli/1.36.0 Python/3.11"}, 200, ""},
		{"page on another origin", loopback.Config{}, "127.0.0.1:4566",
			map[string]string{"Origin": "https://evil.example", "Content-Type": form}, 403, "other origins"},
		{"opaque origin", loopback.Config{}, "127.0.0.1:4566", map[string]string{"Origin": "null"}, 403, "other origins"},
		{"page on a loopback origin", loopback.Config{}, "127.0.0.1:4566",
			map[string]string{"Origin": "http://localhost:8080", "Content-Type": form, "User-Agent": chrome}, 200, ""},
		{"local web app on another loopback name", loopback.Config{}, "127.0.0.1:4566",
			map[string]string{"Origin": "http://localhost:5173", "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-amz-json-1.0"}, 200, ""},
		{"cross-site fetch metadata", loopback.Config{}, "127.0.0.1:4566",
			map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}, 403, "cross-site"},
		{"browser form post without Origin", loopback.Config{}, "127.0.0.1:4566",
			map[string]string{"Content-Type": form, "User-Agent": chrome}, 403, "form posts"},
		{"browser text/plain post", loopback.Config{}, "127.0.0.1:4566",
			map[string]string{"Content-Type": "text/plain;charset=UTF-8", "Sec-Fetch-Mode": "no-cors"}, 403, "form posts"},
		{"browsers allowed for an HTTP API", loopback.Config{AllowBrowsers: true}, "127.0.0.1:3000",
			map[string]string{"Origin": "https://shop.example", "Sec-Fetch-Site": "cross-site"}, 200, ""},
		{"browsers allowed still checks Host", loopback.Config{AllowBrowsers: true}, "attacker.example:3000", nil, 403, "loopback host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("Action=SendMessage"))
			req.Host = tt.host
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			loopback.Guard(served, tt.cfg).ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("status = %d (%s), want %d", rec.Code, rec.Body.String(), tt.want)
			}
			if tt.want == 200 {
				if rec.Body.String() != "served" {
					t.Errorf("body = %q, want the handler's answer", rec.Body.String())
				}
				return
			}
			var body struct {
				Type    string `json:"__type"`
				Message string `json:"message"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("refusal %q is not JSON: %v", rec.Body.String(), err)
			}
			if body.Type != "AccessDeniedException" || !strings.Contains(body.Message, tt.reason) {
				t.Errorf("refusal = %+v, want AccessDeniedException mentioning %q", body, tt.reason)
			}
		})
	}
}
