package stripeprocessor_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/stripeprocessor"
)

const createIntent = "POST /v1/payment_intents"

func TestStripeOutcomes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		replies     func(tb testing.TB) []reply
		wantCode    string // a *orders.Decline's code; "" for an approval or a transient error
		wantReason  string // part of the reason
		wantRetry   bool   // errors.Is(err, orders.ErrUnavailable)
		wantAttempt int    // PaymentIntent requests made, stripe-go's retries included
		// maxAttempt, when set, allows more: net/http also replays a
		// request carrying an Idempotency-Key once on a reused connection
		// that dropped, so a dropped connection costs one or two requests
		// per stripe-go attempt.
		maxAttempt int
		wantCancel bool // the PaymentIntent was cancelled
	}{
		{
			name:     "generic decline",
			replies:  func(tb testing.TB) []reply { return []reply{{402, stripeError(tb, "generic_decline"), false, false}} },
			wantCode: orders.ErrorDeclined, wantReason: "card_declined, decline code generic_decline", wantAttempt: 1,
		},
		{
			name:     "lost card",
			replies:  func(tb testing.TB) []reply { return []reply{{402, stripeError(tb, "lost_card"), false, false}} },
			wantCode: orders.ErrorDeclined, wantReason: "decline code lost_card", wantAttempt: 1,
		},
		{
			name: "insufficient funds",
			replies: func(tb testing.TB) []reply {
				return []reply{{402, stripeError(tb, "insufficient_funds"), false, false}}
			},
			wantCode: orders.ErrorInsufficientFunds, wantReason: "insufficient_funds", wantAttempt: 1,
		},
		{
			name:     "expired card",
			replies:  func(tb testing.TB) []reply { return []reply{{402, stripeError(tb, "expired_card"), false, false}} },
			wantCode: orders.ErrorCardExpired, wantReason: "expired_card", wantAttempt: 1,
		},
		{
			name:     "incorrect cvc",
			replies:  func(tb testing.TB) []reply { return []reply{{402, stripeError(tb, "incorrect_cvc"), false, false}} },
			wantCode: orders.ErrorDeclined, wantReason: "incorrect_cvc", wantAttempt: 1,
		},
		{
			name: "3-D Secure as an error",
			replies: func(tb testing.TB) []reply {
				return []reply{{402, stripeError(tb, "authentication_required"), false, false}}
			},
			wantCode: orders.ErrorAuthenticationRequired, wantReason: "3-D Secure", wantAttempt: 1,
		},
		{
			name:     "3-D Secure as requires_action",
			replies:  func(testing.TB) []reply { return []reply{{200, intent("pi_3ds", "requires_action"), false, false}} },
			wantCode: orders.ErrorAuthenticationRequired, wantReason: "3-D Secure", wantAttempt: 1, wantCancel: true,
		},
		{
			name:      "processing error",
			replies:   func(tb testing.TB) []reply { return []reply{{402, stripeError(tb, "processing_error"), false, false}} },
			wantRetry: true, wantAttempt: 1,
		},
		{
			name:      "rate limited",
			replies:   func(tb testing.TB) []reply { return []reply{{429, stripeError(tb, "rate_limit"), false, false}} },
			wantRetry: true, wantAttempt: 1,
		},
		{
			name:      "still processing",
			replies:   func(testing.TB) []reply { return []reply{{200, intent("pi_slow", "processing"), false, false}} },
			wantRetry: true, wantAttempt: 1,
		},
		{
			name:      "5xx",
			replies:   func(tb testing.TB) []reply { return []reply{{503, stripeError(tb, "api_error"), false, false}} },
			wantRetry: true, wantAttempt: 1,
		},
		{
			name: "same key in flight (409)",
			replies: func(tb testing.TB) []reply {
				return []reply{{409, stripeError(tb, "idempotency_key_in_use"), false, false}}
			},
			wantRetry: true, wantAttempt: 1,
		},
		{
			name: "lock timeout, then approved on stripe-go's retry",
			replies: func(tb testing.TB) []reply {
				return []reply{{429, stripeError(tb, "lock_timeout"), false, false}, {200, intent("pi_ok", "succeeded"), false, false}}
			},
			wantAttempt: 2,
		},
		{
			name: "connection dropped, then approved on stripe-go's retry",
			replies: func(testing.TB) []reply {
				return []reply{{drop: true}, {status: 200, body: intent("pi_ok", "succeeded")}}
			},
			wantAttempt: 2,
		},
		{
			name:      "connection dropped every time",
			replies:   func(testing.TB) []reply { return []reply{{drop: true}} },
			wantRetry: true, wantAttempt: 3, maxAttempt: 6,
		},
		{
			name:     "idempotency key reused with other parameters",
			replies:  func(tb testing.TB) []reply { return []reply{{400, stripeError(tb, "idempotency_error"), false, false}} },
			wantCode: orders.ErrorFailed, wantReason: "idempotency key", wantAttempt: 1,
		},
		{
			name: "invalid request",
			replies: func(tb testing.TB) []reply {
				return []reply{{400, stripeError(tb, "parameter_invalid_integer"), false, false}}
			},
			wantCode: orders.ErrorInvalidRequest, wantReason: "parameter_invalid_integer", wantAttempt: 1,
		},
		{
			name:        "approved with manual capture",
			replies:     func(testing.TB) []reply { return []reply{{200, intent("pi_held", "requires_capture"), false, false}} },
			wantAttempt: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeStripe(t, map[string][]reply{createIntent: tt.replies(t)})
			p := newProcessor(t, f.srv.URL, &keys{key: "sk_test_fake"}, nil)
			a, err := p.Authorize(context.Background(), charge("order-"+strings.ReplaceAll(tt.name, " ", "-"), "10.00", "USD"))
			code, reason := declineCode(err)
			if code != tt.wantCode || !strings.Contains(reason, tt.wantReason) {
				t.Errorf("decline = %q %q (err %v), want %q containing %q", code, reason, err, tt.wantCode, tt.wantReason)
			}
			if got := errors.Is(err, orders.ErrUnavailable); got != tt.wantRetry {
				t.Errorf("transient = %v (err %v), want %v", got, err, tt.wantRetry)
			}
			if err == nil && !strings.HasPrefix(a.AuthorizationID, "pi_") {
				t.Errorf("approval = %+v, want the PaymentIntent id", a)
			}
			calls := f.callsTo(createIntent)
			if len(calls) < tt.wantAttempt || len(calls) > max(tt.wantAttempt, tt.maxAttempt) {
				t.Errorf("payment intent requests = %v, want %d to %d", calls, tt.wantAttempt, max(tt.wantAttempt, tt.maxAttempt))
			}
			for _, c := range calls {
				if !strings.HasSuffix(c, " order-"+strings.ReplaceAll(tt.name, " ", "-")) {
					t.Errorf("request %q does not carry the orderId as Idempotency-Key", c)
				}
			}
			if cancelled := len(f.callsTo("POST /v1/payment_intents/pi_3ds/cancel")) == 1; cancelled != tt.wantCancel {
				t.Errorf("cancelled = %v, want %v", cancelled, tt.wantCancel)
			}
		})
	}
}

func TestRefusedKeyIsReadAgain(t *testing.T) {
	t.Parallel()
	f := newFakeStripe(t, map[string][]reply{"POST /v1/payment_methods": {{401, stripeError(t, "invalid_api_key"), false, false}}})
	k := &keys{key: "sk_test_revoked"}
	p := newProcessor(t, f.srv.URL, k, nil)
	_, err := p.Authorize(context.Background(), charge("order-401", "10.00", "USD"))
	if !errors.Is(err, orders.ErrUnavailable) {
		t.Fatalf("Authorize with a refused key = %v, want a transient error", err)
	}
	if strings.Contains(err.Error(), "sk_test_revoked") {
		t.Errorf("error %q shows the key", err)
	}
	if n := k.invalidated.Load(); n != 1 {
		t.Errorf("key invalidated %d times, want 1", n)
	}
}

func TestDeadlines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                      string
		attempt, call             time.Duration
		wantAttempts, maxAttempts int
	}{
		{name: "call deadline", attempt: 10 * time.Second, call: 300 * time.Millisecond, wantAttempts: 1, maxAttempts: 1},
		{name: "attempt deadline, retried", attempt: 200 * time.Millisecond, call: 5 * time.Second, wantAttempts: 3, maxAttempts: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeStripe(t, map[string][]reply{createIntent: {{hang: true}}})
			p := newProcessor(t, f.srv.URL, &keys{key: "sk_test_fake"}, func(c *stripeprocessor.Config) {
				c.AttemptTimeout, c.CallTimeout = tt.attempt, tt.call
			})
			start := time.Now()
			_, err := p.Authorize(context.Background(), charge("order-slow", "10.00", "USD"))
			took := time.Since(start)
			if !errors.Is(err, orders.ErrUnavailable) {
				t.Fatalf("Authorize against a silent Stripe = %v, want a transient error", err)
			}
			limit := min(tt.call, time.Duration(tt.maxAttempts)*tt.attempt) + 2*time.Second
			if took > limit {
				t.Errorf("Authorize took %v, want it given up within %v", took, limit)
			}
			if n := len(f.callsTo(createIntent)); n != tt.wantAttempts {
				t.Errorf("attempts = %d, want %d", n, tt.wantAttempts)
			}
		})
	}
}

func TestDefaultDeadlinesFitTheCallback(t *testing.T) {
	t.Parallel()
	// template.yml: the callback function times out after 60 s and
	// heartbeats every 20 s. A whole call must end well before the
	// function does, whatever Stripe does.
	if stripeprocessor.DefaultCallTimeout > 30*time.Second || stripeprocessor.DefaultAttemptTimeout >= stripeprocessor.DefaultCallTimeout {
		t.Errorf("deadlines %v per attempt, %v per call; want attempt < call <= 30 s", stripeprocessor.DefaultAttemptTimeout, stripeprocessor.DefaultCallTimeout)
	}
}

func TestVoid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		script map[string][]reply
		want   []string
	}{
		{
			name:   "captured: refunded",
			script: map[string][]reply{"GET /v1/payment_intents/pi_1": {{200, intent("pi_1", "succeeded"), false, false}}, "POST /v1/refunds": {{200, `{"id":"re_1","object":"refund"}`, false, false}}},
			want:   []string{"GET /v1/payment_intents/pi_1 ", "POST /v1/refunds order-v/void"},
		},
		{
			name:   "captured and already refunded",
			script: map[string][]reply{"GET /v1/payment_intents/pi_1": {{200, intent("pi_1", "succeeded"), false, false}}, "POST /v1/refunds": {{400, stripeError(t, "charge_already_refunded"), false, false}}},
			want:   []string{"GET /v1/payment_intents/pi_1 ", "POST /v1/refunds order-v/void"},
		},
		{
			name:   "uncaptured: cancelled",
			script: map[string][]reply{"GET /v1/payment_intents/pi_1": {{200, intent("pi_1", "requires_capture"), false, false}}, "POST /v1/payment_intents/pi_1/cancel": {{200, intent("pi_1", "canceled"), false, false}}},
			want:   []string{"GET /v1/payment_intents/pi_1 ", "POST /v1/payment_intents/pi_1/cancel order-v/void"},
		},
		{
			name:   "already cancelled",
			script: map[string][]reply{"GET /v1/payment_intents/pi_1": {{200, intent("pi_1", "canceled"), false, false}}},
			want:   []string{"GET /v1/payment_intents/pi_1 "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeStripe(t, tt.script)
			p := newProcessor(t, f.srv.URL, &keys{key: "sk_test_fake"}, nil)
			if err := p.Void(context.Background(), orders.VoidRequest{OrderID: "order-v", AuthorizationID: "pi_1"}); err != nil {
				t.Fatalf("Void: %v", err)
			}
			f.mu.Lock()
			got := append([]string(nil), f.calls...)
			f.mu.Unlock()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVoidWhileStripeIsDown(t *testing.T) {
	t.Parallel()
	f := newFakeStripe(t, map[string][]reply{"GET /v1/payment_intents/pi_1": {{503, stripeError(t, "api_error"), false, false}}})
	p := newProcessor(t, f.srv.URL, &keys{key: "sk_test_fake"}, nil)
	if err := p.Void(context.Background(), orders.VoidRequest{OrderID: "order-v", AuthorizationID: "pi_1"}); !errors.Is(err, orders.ErrUnavailable) {
		t.Errorf("Void while Stripe answers 503 = %v, want a transient error to retry", err)
	}
}

// TestTransientThenRedelivered follows a 5xx through the workflow's retry:
// the message comes back and the same order is authorized again, with the
// same Idempotency-Key, so Stripe charges it once.
func TestTransientThenRedelivered(t *testing.T) {
	t.Parallel()
	f := newFakeStripe(t, map[string][]reply{createIntent: {{status: 500, body: stripeError(t, "api_error")}, {status: 200, body: intent("pi_once", "succeeded")}}})
	p := newProcessor(t, f.srv.URL, &keys{key: "sk_test_fake"}, nil)
	if _, err := p.Authorize(context.Background(), charge("order-redelivered", "10.00", "USD")); !errors.Is(err, orders.ErrUnavailable) {
		t.Fatalf("first delivery = %v, want a transient error", err)
	}
	a, err := p.Authorize(context.Background(), charge("order-redelivered", "10.00", "USD"))
	if err != nil || a.AuthorizationID != "pi_once" {
		t.Fatalf("redelivery = %+v, %v; want pi_once", a, err)
	}
	want := []string{createIntent + " order-redelivered", createIntent + " order-redelivered"}
	if diff := cmp.Diff(want, f.callsTo(createIntent)); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}
