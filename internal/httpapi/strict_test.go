package httpapi_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStrictInput covers each rule that refuses a body encoding/json
// would have accepted, repaired or read differently from other parsers.
// None of the answers may quote the offending value.
func TestStrictInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		contentType string
		body        string
		wantStatus  int
		wantFields  []string
		secret      string // must not appear in the response or the logs
	}{
		{name: "duplicate amount", body: strings.Replace(validBody, `"amount":100,`, `"amount":100.00,"amount":987654.31,`, 1),
			// A marker no log line carries by chance: "999" once matched the
			// wall-clock timestamp slog writes.
			wantStatus: 400, wantFields: []string{"amount"}, secret: "987654.31"},
		{name: "duplicate orderId", body: strings.Replace(validBody, `{`, `{"orderId":"shadow-order",`, 1),
			wantStatus: 400, wantFields: []string{"orderId"}, secret: "shadow-order"},
		{name: "duplicate key in a nested object", body: strings.Replace(validBody, `{`, `{"meta":{"k":1,"k":2},`, 1),
			wantStatus: 400, wantFields: []string{"meta.k"}},
		{name: "same key in two objects is no duplicate", body: strings.Replace(validBody, `{`, `{"meta":[{"k":1},{"k":2}],`, 1),
			wantStatus: 400, wantFields: []string{"meta"}}, // refused only as an unknown field
		{name: "invalid UTF-8", body: strings.Replace(validBody, "FIRSTNAME", "FIRST\xffNAME", 1), wantStatus: 400},
		{name: "truncated UTF-8", body: strings.Replace(validBody, "FIRSTNAME", "FIRST\xc3", 1), wantStatus: 400},
		{name: "lone high surrogate escape", body: strings.Replace(validBody, "FIRSTNAME", `FIRST\ud800NAME`, 1), wantStatus: 400},
		{name: "lone low surrogate escape", body: strings.Replace(validBody, "FIRSTNAME", `\udc00`, 1), wantStatus: 400},
		{name: "reversed surrogate pair", body: strings.Replace(validBody, "FIRSTNAME", `\ude00\ud83d`, 1), wantStatus: 400},
		{name: "surrogate pair is a character", body: strings.Replace(validBody, "FIRSTNAME", `FIRST\ud83d\ude00`, 1), wantStatus: 202},
		{name: "escaped backslash before u", body: strings.Replace(validBody, "FIRSTNAME", `FIRST\\ud800`, 1), wantStatus: 202},
		{name: "UTF-8 name", body: strings.Replace(validBody, "FIRSTNAME", "JOSÉ", 1), wantStatus: 202},
		{name: "charset utf-16", contentType: "application/json; charset=utf-16", body: validBody, wantStatus: 415},
		{name: "charset latin1", contentType: "application/json; charset=ISO-8859-1", body: validBody, wantStatus: 415},
		{name: "charset UTF-8", contentType: "application/json; charset=UTF-8", body: validBody, wantStatus: 202},
		{name: "charset utf-8 quoted", contentType: `application/json; charset="utf-8"`, body: validBody, wantStatus: 202},
		{name: "orderId a card number", body: strings.Replace(validBody, `"order-1"`, `"4111111111111111"`, 1),
			wantStatus: 422, wantFields: []string{"orderId"}, secret: "4111111111111111"},
		{name: "customerId a card number", body: strings.Replace(validBody, `"98766"`, `"5555555555554444"`, 1),
			wantStatus: 422, wantFields: []string{"customerId"}, secret: "5555555555554444"},
		{name: "orderId digits failing Luhn", body: strings.Replace(validBody, `"order-1"`, `"4111111111111112"`, 1), wantStatus: 202},
		{name: "orderDate year 0000", body: strings.Replace(validBody, `"2026-11-25"`, `"0000-01-01"`, 1),
			wantStatus: 422, wantFields: []string{"orderDate"}, secret: "0000-01-01"},
		{name: "orderDate year 9999", body: strings.Replace(validBody, `"2026-11-25"`, `"9999-12-31"`, 1),
			wantStatus: 422, wantFields: []string{"orderDate"}, secret: "9999-12-31"},
		{name: "orderDate tomorrow", body: strings.Replace(validBody, `"2026-11-25"`, `"2026-11-27"`, 1), wantStatus: 202},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := newAPI(t)
			ct := tt.contentType
			if ct == "" {
				ct = "application/json"
			}
			rec := do(t, a.handler, http.MethodPost, "/orders", ct, tt.body)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.wantStatus, rec.Body)
			}
			if tt.wantStatus >= 400 {
				p := checkProblem(t, rec.Header(), rec.Body.Bytes(), tt.wantStatus)
				var fields []string
				for _, f := range p.Errors {
					fields = append(fields, f.Field)
				}
				if diff := cmp.Diff(tt.wantFields, fields); diff != "" {
					t.Errorf("errors fields (-want +got):\n%s", diff)
				}
				if n := len(a.execs.Inputs()); n != 0 {
					t.Errorf("%d executions started for a refused body", n)
				}
			}
			if tt.secret != "" {
				for where, text := range map[string]string{"response": rec.Body.String(), "Location": rec.Header().Get("Location"), "logs": a.logs.String()} {
					if strings.Contains(text, tt.secret) {
						t.Errorf("%s quotes %q: %s", where, tt.secret, text)
					}
				}
			}
		})
	}
}

// TestCardNumberInPathIsNotRepeated asks for the status of an "order"
// whose id is a card number: the 404 and the access log name the path
// without it.
func TestCardNumberInPathIsNotRepeated(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	const card = "4111111111111111"
	rec := do(t, a.handler, http.MethodGet, "/orders/"+card+"/status", "", "")
	if rec.Code != http.StatusNotFound {
		t.Fatalf("status = %d, want 404; body %s", rec.Code, rec.Body)
	}
	p := checkProblem(t, rec.Header(), rec.Body.Bytes(), http.StatusNotFound)
	if p.Instance != "/orders/{redacted}/status" {
		t.Errorf("instance = %q, want the path with the card redacted", p.Instance)
	}
	logs := a.logs.String()
	if !strings.Contains(logs, "/orders/{redacted}/status") {
		t.Fatalf("the access log does not show the request, so the search below proves nothing: %s", logs)
	}
	if strings.Contains(logs+rec.Body.String(), card) {
		t.Errorf("the card number appears in the response or logs:\n%s\n%s", rec.Body, logs)
	}
}
