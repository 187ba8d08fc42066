package httpapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/httpapi"
	"github.com/payflow-dev/payflow/internal/orders"
)

// placement is the body of POST /orders as a client reads it.
type placement struct {
	OrderID       string    `json:"orderId"`
	ExecutionARN  string    `json:"executionArn"`
	Status        string    `json:"status"`
	PaymentStatus string    `json:"paymentStatus"`
	StartDate     time.Time `json:"startDate"`
	StatusURL     string    `json:"statusUrl"`
}

func TestPlaceOrderAccepted(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	rec := do(t, a.handler, http.MethodPost, "/orders", "application/json; charset=utf-8", validBody)
	if rec.Code != http.StatusAccepted {
		t.Fatalf("status = %d, want 202; body %s", rec.Code, rec.Body)
	}
	if got := rec.Header().Get("Location"); got != "/orders/order-1/status" {
		t.Errorf("Location = %q, want /orders/order-1/status", got)
	}
	if got := rec.Header().Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", got)
	}
	want := placement{
		OrderID:       "order-1",
		ExecutionARN:  "arn:aws:states:us-east-1:123456789012:execution:Payment:order-1",
		Status:        "RUNNING",
		PaymentStatus: "PENDING",
		StartDate:     testNow,
		StatusURL:     "/orders/order-1/status",
	}
	if diff := cmp.Diff(want, decodeJSON[placement](t, rec.Body.Bytes())); diff != "" {
		t.Errorf("body mismatch (-want +got):\n%s", diff)
	}
}

func TestPlaceOrderTwice(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	first := do(t, a.handler, http.MethodPost, "/orders", "application/json", validBody)
	if first.Code != http.StatusAccepted {
		t.Fatalf("first POST status = %d, want 202; body %s", first.Code, first.Body)
	}

	// The same order, typed differently, replays the first placement.
	sameOrder := strings.Replace(validBody, `"4242 4242 4242 4242"`, `"4242-4242-4242-4242"`, 1)
	sameOrder = strings.Replace(sameOrder, `"amount":100,`, `"amount":"100.00",`, 1)
	replay := do(t, a.handler, http.MethodPost, "/orders", "application/json", sameOrder)
	if replay.Code != http.StatusOK {
		t.Fatalf("replay status = %d, want 200; body %s", replay.Code, replay.Body)
	}
	if diff := cmp.Diff(decodeJSON[placement](t, first.Body.Bytes()), decodeJSON[placement](t, replay.Body.Bytes())); diff != "" {
		t.Errorf("replay body differs from the first (-first +replay):\n%s", diff)
	}
	if got := replay.Header().Get("Location"); got != "/orders/order-1/status" {
		t.Errorf("replay Location = %q", got)
	}

	// Another order under the same id conflicts.
	other := strings.Replace(validBody, `"amount":100,`, `"amount":250,`, 1)
	conflict := do(t, a.handler, http.MethodPost, "/orders", "application/json", other)
	if conflict.Code != http.StatusConflict {
		t.Fatalf("conflicting POST status = %d, want 409; body %s", conflict.Code, conflict.Body)
	}
	if n := len(a.execs.Inputs()); n != 3 {
		t.Errorf("StartExecution called %d times, want 3 (one started, two refused)", n)
	}
}

func TestOrderStatus(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	if rec := do(t, a.handler, http.MethodPost, "/orders", "application/json", validBody); rec.Code != http.StatusAccepted {
		t.Fatalf("POST status = %d; body %s", rec.Code, rec.Body)
	}
	if err := a.execs.Finish("order-1", orders.ExecutionFailed, orders.ErrorDeclined, "The card was declined."); err != nil {
		t.Fatal(err)
	}
	rec := do(t, a.handler, http.MethodGet, "/orders/order-1/status", "", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET status = %d, want 200; body %s", rec.Code, rec.Body)
	}
	type status struct {
		OrderID       string     `json:"orderId"`
		ExecutionARN  string     `json:"executionArn"`
		Status        string     `json:"status"`
		PaymentStatus string     `json:"paymentStatus"`
		StartDate     time.Time  `json:"startDate"`
		StopDate      *time.Time `json:"stopDate"`
		Error         string     `json:"error"`
		Reason        string     `json:"reason"`
	}
	want := status{
		OrderID: "order-1", ExecutionARN: "arn:aws:states:us-east-1:123456789012:execution:Payment:order-1",
		Status: "FAILED", PaymentStatus: "DECLINED", StartDate: testNow, StopDate: &testNow,
		Error: orders.ErrorDeclined, Reason: "The card was declined.",
	}
	if diff := cmp.Diff(want, decodeJSON[status](t, rec.Body.Bytes())); diff != "" {
		t.Errorf("body mismatch (-want +got):\n%s", diff)
	}
}

func TestProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        string
		wantStatus  int
		wantFields  []string // fields listed in "errors"
		wantAllow   string
	}{
		{name: "no content type", method: "POST", path: "/orders", body: validBody, wantStatus: 415},
		{name: "text content type", method: "POST", path: "/orders", contentType: "text/plain", body: validBody, wantStatus: 415},
		{name: "form content type", method: "POST", path: "/orders", contentType: "application/x-www-form-urlencoded", body: "orderId=1", wantStatus: 415},
		{name: "body too large", method: "POST", path: "/orders", contentType: "application/json",
			body: `{"orderId":"` + strings.Repeat("a", 17<<10) + `"}`, wantStatus: 413},
		{name: "empty body", method: "POST", path: "/orders", contentType: "application/json", wantStatus: 400},
		{name: "malformed JSON", method: "POST", path: "/orders", contentType: "application/json", body: `{"orderId":`, wantStatus: 400},
		{name: "syntax error", method: "POST", path: "/orders", contentType: "application/json", body: `{"orderId" "x"}`, wantStatus: 400},
		{name: "array body", method: "POST", path: "/orders", contentType: "application/json", body: `[]`, wantStatus: 400},
		{name: "two JSON values", method: "POST", path: "/orders", contentType: "application/json", body: validBody + validBody, wantStatus: 400},
		{name: "unknown fields", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `{`, `{"tip":5,"coupon":"X",`, 1), wantStatus: 400, wantFields: []string{"coupon", "tip"}},
		{name: "field name in the wrong case", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `"orderId"`, `"OrderID"`, 1), wantStatus: 400, wantFields: []string{"OrderID"}},
		{name: "amount as boolean", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `"amount":100`, `"amount":true`, 1), wantStatus: 400, wantFields: []string{"amount"}},
		{name: "amount as object", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `"amount":100`, `"amount":{"value":100}`, 1), wantStatus: 400, wantFields: []string{"amount"}},
		{name: "amount string with exponent", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `"amount":100`, `"amount":"1e2"`, 1), wantStatus: 422, wantFields: []string{"amount"}},
		{name: "amount string with three decimals", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `"amount":100`, `"amount":"100.001"`, 1), wantStatus: 422, wantFields: []string{"amount"}},
		{name: "amount string with spaces", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `"amount":100`, `"amount":" 100"`, 1), wantStatus: 422, wantFields: []string{"amount"}},
		{name: "amount empty string", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `"amount":100`, `"amount":""`, 1), wantStatus: 422, wantFields: []string{"amount"}},
		{name: "orderId as number", method: "POST", path: "/orders", contentType: "application/json",
			body: strings.Replace(validBody, `"orderId":"order-1"`, `"orderId":1`, 1), wantStatus: 400, wantFields: []string{"orderId"}},
		{name: "validation failures", method: "POST", path: "/orders", contentType: "application/json",
			body:       strings.NewReplacer(`"amount":100`, `"amount":0`, `"cvv":"123"`, `"cvv":"12"`).Replace(validBody),
			wantStatus: 422, wantFields: []string{"amount", "cvv"}},
		{name: "empty object", method: "POST", path: "/orders", contentType: "application/json", body: `{}`, wantStatus: 422,
			wantFields: []string{"orderId", "customerId", "orderDate", "amount", "nameOnCard", "creditCardNumber", "expiry", "cvv"}},
		{name: "unknown order", method: "GET", path: "/orders/nobody/status", wantStatus: 404},
		{name: "unknown route", method: "GET", path: "/payments", wantStatus: 404},
		{name: "trailing slash", method: "GET", path: "/orders/", wantStatus: 404},
		{name: "delete orders", method: "DELETE", path: "/orders", wantStatus: 405, wantAllow: "POST"},
		{name: "get orders", method: "GET", path: "/orders", wantStatus: 405, wantAllow: "POST"},
		{name: "post status", method: "POST", path: "/orders/order-1/status", contentType: "application/json", body: `{}`, wantStatus: 405, wantAllow: "GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := newAPI(t)
			rec := do(t, a.handler, tt.method, tt.path, tt.contentType, tt.body)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.wantStatus, rec.Body)
			}
			p := checkProblem(t, rec.Header(), rec.Body.Bytes(), tt.wantStatus)
			if got := p.Instance; got != tt.path {
				t.Errorf("instance = %q, want %q", got, tt.path)
			}
			var fields []string
			for _, f := range p.Errors {
				fields = append(fields, f.Field)
			}
			if diff := cmp.Diff(tt.wantFields, fields); diff != "" {
				t.Errorf("errors fields mismatch (-want +got):\n%s", diff)
			}
			if got := rec.Header().Get("Allow"); got != tt.wantAllow {
				t.Errorf("Allow = %q, want %q", got, tt.wantAllow)
			}
			if n := len(a.execs.Inputs()); n != 0 {
				t.Errorf("StartExecution called %d times for a refused request", n)
			}
		})
	}
}

func TestUpstreamFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		code       string
		kind       error // what internal/awsadapter classifies the code as
		wantStatus int
	}{
		{"throttled", "ThrottlingException", orders.ErrUnavailable, 503},
		{"access denied", "AccessDeniedException", orders.ErrUpstream, 502},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := newAPI(t)
			a.execs.FailWith(fmt.Errorf("%s: refused for arn:secret: %w", tt.code, tt.kind))
			for _, req := range []struct{ method, path, body string }{
				{http.MethodPost, "/orders", validBody},
				{http.MethodGet, "/orders/order-1/status", ""},
			} {
				rec := do(t, a.handler, req.method, req.path, "application/json", req.body)
				if rec.Code != tt.wantStatus {
					t.Fatalf("%s %s status = %d, want %d; body %s", req.method, req.path, rec.Code, tt.wantStatus, rec.Body)
				}
				checkProblem(t, rec.Header(), rec.Body.Bytes(), tt.wantStatus)
				if strings.Contains(rec.Body.String(), "arn:secret") || strings.Contains(rec.Body.String(), tt.code) {
					t.Errorf("response reveals upstream internals: %s", rec.Body)
				}
				if tt.wantStatus == 503 && rec.Header().Get("Retry-After") == "" {
					t.Error("503 without Retry-After")
				}
			}
			if !strings.Contains(a.logs.String(), "arn:secret") {
				t.Errorf("the full upstream error was not logged: %s", a.logs)
			}
		})
	}
}

// brokenService fails in ways the domain never should.
type brokenService struct{ panicking bool }

func (b brokenService) Place(context.Context, orders.Order) (orders.Placement, error) {
	if b.panicking {
		panic("boom: nil map")
	}
	return orders.Placement{}, errors.New("disk on fire at /var/secret")
}

func (b brokenService) Status(context.Context, string) (orders.OrderStatus, error) {
	if b.panicking {
		panic("boom: nil map")
	}
	return orders.OrderStatus{}, errors.New("disk on fire at /var/secret")
}

func TestInternalErrorsAreGeneric(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		svc     brokenService
		logWant string
	}{
		{"unknown error", brokenService{}, "disk on fire at /var/secret"},
		{"panic", brokenService{panicking: true}, "boom: nil map"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			logs := &logtest.Buffer{}
			h := httpapi.NewHandler(httpapi.Config{Orders: tt.svc, Validator: noValidation{}, Logger: newLogger(logs), Clock: clock.NewFake(testNow)})
			for _, req := range []struct{ method, path, body string }{
				{http.MethodPost, "/orders", validBody},
				{http.MethodGet, "/orders/order-1/status", ""},
			} {
				rec := do(t, h, req.method, req.path, "application/json", req.body)
				p := checkProblem(t, rec.Header(), rec.Body.Bytes(), 500)
				if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "boom") {
					t.Errorf("%s %s: 500 body reveals the error: %s", req.method, req.path, rec.Body)
				}
				if p.Detail == "" {
					t.Errorf("%s %s: 500 without detail", req.method, req.path)
				}
			}
			if got := strings.Count(logs.String(), tt.logWant); got != 2 {
				t.Errorf("log names %q %d times, want 2: %s", tt.logWant, got, logs)
			}
		})
	}
}

// noValidation accepts anything, to reach a broken service.
type noValidation struct{}

func (noValidation) Validate(any) error { return nil }

// checkProblem asserts an RFC 9457 response with the given status.
func checkProblem(tb testing.TB, h http.Header, body []byte, status int) problemBody {
	tb.Helper()
	if got := h.Get("Content-Type"); got != "application/problem+json" {
		tb.Errorf("Content-Type = %q, want application/problem+json", got)
	}
	p := decodeJSON[problemBody](tb, body)
	if p.Status != status || p.Type != "about:blank" || p.Title != http.StatusText(status) {
		tb.Errorf("problem = %+v, want status %d, type about:blank, title %q", p, status, http.StatusText(status))
	}
	return p
}
