package stripemock_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/stripemock"
)

func TestStartServesStripeAndStops(t *testing.T) {
	t.Parallel()
	s := stripemock.ForTest(t)
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") {
		t.Fatalf("URL = %q, want a loopback address", s.URL)
	}
	req, err := http.NewRequest(http.MethodGet, s.URL+"/v1/payment_intents/pi_123", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth("sk_test_123", "")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET payment intent: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d, want 200 from stripe-mock", resp.StatusCode)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := http.Get(s.URL + "/v1/charges"); err == nil {
		t.Errorf("stripe-mock still answers after Close")
	}
}

func TestStartGivesUpWhenTheToolIsMissing(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := stripemock.Start(ctx, stripemock.Config{Dir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "go tool -n stripe-mock") {
		t.Fatalf("Start outside the module = %v, want the go tool failure", err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Start waited for its deadline instead of failing at once: %v", err)
	}
}

func TestFrontSetsTheStatusStripeWould(t *testing.T) {
	t.Parallel()
	s := stripemock.ForTest(t)
	post := func(path string, form url.Values) map[string]any {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.SetBasicAuth("sk_test_123", "")
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Idempotency-Key", "key-"+path)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var doc map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("POST %s: status %d, %v", path, resp.StatusCode, err)
		}
		return doc
	}
	base := url.Values{"amount": {"1000"}, "currency": {"usd"}, "payment_method": {"pm_card_visa"}, "metadata[orderId]": {"o-1"}}
	tests := []struct {
		name  string
		path  string
		extra url.Values
		want  string
	}{
		{name: "created without confirm", path: "/v1/payment_intents", want: "requires_payment_method"},
		{name: "confirmed, automatic capture", path: "/v1/payment_intents", extra: url.Values{"confirm": {"true"}}, want: "succeeded"},
		{name: "confirmed, manual capture", path: "/v1/payment_intents", extra: url.Values{"confirm": {"true"}, "capture_method": {"manual"}}, want: "requires_capture"},
		{name: "cancelled", path: "/v1/payment_intents/pi_123/cancel", want: "canceled"},
	}
	for _, tt := range tests {
		form := url.Values{}
		if tt.path == "/v1/payment_intents" {
			for k, v := range base {
				form[k] = v
			}
		}
		for k, v := range tt.extra {
			form[k] = v
		}
		if got := post(tt.path, form)["status"]; got != tt.want {
			t.Errorf("%s: status = %v, want %s", tt.name, got, tt.want)
		}
	}
	got := s.Requests()
	if len(got) != len(tests) || got[1].IdempotencyKey != "key-/v1/payment_intents" || got[1].Form.Get("metadata[orderId]") != "o-1" {
		t.Errorf("recorded %+v, want the %d requests with their keys and forms", got, len(tests))
	}
}
