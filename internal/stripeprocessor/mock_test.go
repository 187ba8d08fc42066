package stripeprocessor_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/stripemock"
	"github.com/payflow-dev/payflow/internal/stripeprocessor"
)

// TestAuthorizeAgainstStripeMock checks the requests the adapter makes
// against stripe-mock, which refuses any parameter Stripe's OpenAPI
// specification does not define: a card PaymentMethod, then one
// PaymentIntent created and confirmed with the amount in minor units, the
// lower-case currency, the orderId as Idempotency-Key and in metadata.
func TestAuthorizeAgainstStripeMock(t *testing.T) {
	t.Parallel()
	mock := stripemock.ForTest(t)
	tests := []struct {
		name, amount, currency string
		capture                stripeprocessor.Capture
		wantMinor, wantCapture string
	}{
		{name: "fifty cents", amount: "0.50", currency: "USD", wantMinor: "50", wantCapture: "automatic"},
		{name: "one cent", amount: "0.01", currency: "EUR", wantMinor: "1", wantCapture: "automatic"},
		{name: "hundred", amount: "100.00", currency: "GBP", wantMinor: "10000", wantCapture: "automatic"},
		{name: "just under the orders API's limit", amount: "999999.99", currency: "USD", wantMinor: "99999999", wantCapture: "automatic"},
		{name: "manual capture", amount: "12.34", currency: "CHF", capture: stripeprocessor.CaptureManual, wantMinor: "1234", wantCapture: "manual"},
	}
	for i, tt := range tests {
		orderID := "order-mock-" + string(rune('a'+i))
		p := newProcessor(t, mock.URL, stripeprocessor.StaticKey("sk_test_123"), func(c *stripeprocessor.Config) { c.Capture = tt.capture })
		a, err := p.Authorize(context.Background(), charge(orderID, tt.amount, tt.currency))
		if err != nil {
			t.Fatalf("%s: Authorize: %v", tt.name, err)
		}
		if !strings.HasPrefix(a.AuthorizationID, "pi_") || !a.AuthorizedAt.Equal(now) {
			t.Errorf("%s: approval = %+v, want a PaymentIntent id at %v", tt.name, a, now)
		}
		var pm, pi *stripemock.Request
		for _, r := range mock.Requests() {
			switch {
			case r.Path == "/v1/payment_methods" && r.Form.Get("metadata[orderId]") == orderID:
				pm = &r
			case r.Path == "/v1/payment_intents" && r.Form.Get("metadata[orderId]") == orderID:
				pi = &r
			}
		}
		if pm == nil || pi == nil {
			t.Fatalf("%s: requests %+v, want a payment method and a payment intent for %s", tt.name, mock.Requests(), orderID)
		}
		wantPM := map[string]string{
			"type": "card", "card[number]": "4242424242424242", "card[cvc]": "123", "card[exp_month]": "12",
			"card[exp_year]": "2030", "billing_details[name]": "JANE DOE", "metadata[orderId]": orderID,
		}
		if diff := cmp.Diff(wantPM, flat(pm.Form)); diff != "" || pm.IdempotencyKey != orderID+"/payment-method" {
			t.Errorf("%s: payment method request (-want +got):\n%s\nIdempotency-Key %q", tt.name, diff, pm.IdempotencyKey)
		}
		wantPI := map[string]string{
			"amount": tt.wantMinor, "currency": strings.ToLower(tt.currency), "confirm": "true", "capture_method": tt.wantCapture,
			"payment_method": pi.Form.Get("payment_method"), "payment_method_types[0]": "card", "metadata[orderId]": orderID,
		}
		if diff := cmp.Diff(wantPI, flat(pi.Form)); diff != "" || pi.IdempotencyKey != orderID {
			t.Errorf("%s: payment intent request (-want +got):\n%s\nIdempotency-Key %q, want the orderId", tt.name, diff, pi.IdempotencyKey)
		}
		if !strings.HasPrefix(pi.Form.Get("payment_method"), "pm_") {
			t.Errorf("%s: payment_method = %q, want the id stripe-mock gave the PaymentMethod", tt.name, pi.Form.Get("payment_method"))
		}
	}
}

func TestVoidAgainstStripeMock(t *testing.T) {
	t.Parallel()
	mock := stripemock.ForTest(t)
	p := newProcessor(t, mock.URL, stripeprocessor.StaticKey("sk_test_123"), nil)
	if err := p.Void(context.Background(), orders.VoidRequest{OrderID: "order-void", AuthorizationID: "pi_123"}); err != nil {
		t.Fatalf("Void: %v", err)
	}
	var paths []string
	for _, r := range mock.Requests() {
		paths = append(paths, r.Method+" "+r.Path+" "+r.IdempotencyKey)
	}
	// stripe-mock's fixture PaymentIntent is uncaptured, so Void cancels it.
	want := []string{"GET /v1/payment_intents/pi_123 ", "POST /v1/payment_intents/pi_123/cancel order-void/void"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

// flat keeps the first value of each form field.
func flat(form map[string][]string) map[string]string {
	out := map[string]string{}
	for k, v := range form {
		out[k] = v[0]
	}
	return out
}

// TestTokenizedChargeAgainstStripeMock charges a storefront's
// PaymentMethod as it is: no card fields, no PaymentMethod created.
func TestTokenizedChargeAgainstStripeMock(t *testing.T) {
	t.Parallel()
	mock := stripemock.ForTest(t)
	p := newProcessor(t, mock.URL, stripeprocessor.StaticKey("sk_test_123"), nil)
	a, err := p.Authorize(context.Background(), orders.Charge{OrderID: "order-token", Amount: "25.00", Currency: "EUR", PaymentMethod: "pm_card_visa"})
	if err != nil {
		t.Fatalf("Authorize: %v", err)
	}
	if !strings.HasPrefix(a.AuthorizationID, "pi_") {
		t.Errorf("approval = %+v, want a PaymentIntent id", a)
	}
	reqs := mock.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/v1/payment_intents" {
		t.Fatalf("requests = %+v, want one PaymentIntent and no PaymentMethod", reqs)
	}
	want := map[string]string{
		"amount": "2500", "currency": "eur", "confirm": "true", "capture_method": "automatic",
		"payment_method": "pm_card_visa", "payment_method_types[0]": "card", "metadata[orderId]": "order-token",
	}
	if diff := cmp.Diff(want, flat(reqs[0].Form)); diff != "" || reqs[0].IdempotencyKey != "order-token" {
		t.Errorf("payment intent request (-want +got):\n%s\nIdempotency-Key %q", diff, reqs[0].IdempotencyKey)
	}
}
