package orders_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
)

func tokenizedOrder() orders.Order {
	o := validOrder()
	o.NameOnCard, o.CreditCardNumber, o.Expiry, o.CVV = "", "", "", ""
	o.PaymentMethod = "pm_card_visa"
	return o
}

func TestValidateCardOrToken(t *testing.T) {
	t.Parallel()
	v := orders.NewValidator(clock.NewFake(testNow))
	tests := []struct {
		name       string
		edit       func(*orders.Order)
		wantFields []string
		wantText   string
	}{
		{name: "token only", edit: func(*orders.Order) {}},
		{name: "a real-looking token", edit: func(o *orders.Order) { o.PaymentMethod = "pm_1QabcDEFghiJKLmn0123" }},
		{
			name:       "token and card",
			edit:       func(o *orders.Order) { o.CreditCardNumber, o.CVV = "4242 4242 4242 4242", "123" },
			wantFields: []string{"creditCardNumber", "cvv"}, wantText: "either the card fields or paymentMethod",
		},
		{
			name:       "neither",
			edit:       func(o *orders.Order) { o.PaymentMethod = "" },
			wantFields: []string{"creditCardNumber", "cvv", "expiry", "nameOnCard"}, wantText: "unless paymentMethod is given",
		},
		{name: "not a PaymentMethod id", edit: func(o *orders.Order) { o.PaymentMethod = "tok_visa" }, wantFields: []string{"paymentMethod"}, wantText: "pm_"},
		{name: "a card number as token", edit: func(o *orders.Order) { o.PaymentMethod = "pm_4242 4242" }, wantFields: []string{"paymentMethod"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := tokenizedOrder()
			tt.edit(&o)
			err := v.Validate(o)
			got := brokenFields(t, err)
			if diff := cmp.Diff(tt.wantFields, sorted(got)); diff != "" {
				t.Errorf("broken fields (-want +got):\n%s\nerror: %v", diff, err)
			}
			if tt.wantText != "" && !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not say %q", err, tt.wantText)
			}
		})
	}
}

// TestTokenizedOrderNeverTouchesKMSOrTheVault places a tokenized order
// while every key operation and the vault fail: it must start anyway,
// carrying the token and no card.
func TestTokenizedOrderNeverTouchesKMSOrTheVault(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.keys.FailWith(errors.New("KMS must not be called for a tokenized order"))
	f.vault.FailWith(errors.New("the vault must not be used for a tokenized order"))
	if _, err := f.svc.Place(context.Background(), tokenizedOrder()); err != nil {
		t.Fatalf("Place: %v", err)
	}
	inputs := f.execs.Inputs()
	if len(inputs) != 1 {
		t.Fatalf("executions started = %d, want 1", len(inputs))
	}
	var req orders.PaymentRequest
	if err := json.Unmarshal([]byte(inputs[0]), &req); err != nil {
		t.Fatal(err)
	}
	if req.PaymentMethod != "pm_card_visa" || req.Card != (orders.CardRef{}) || req.VaultRef == "" || !strings.HasPrefix(req.RequestDigest, "sha256:") {
		t.Errorf("execution input = %+v, want the token, no card, a vaultRef of its own and a plain digest", req)
	}
	if err := req.Check(); err != nil {
		t.Errorf("the callback would refuse the input: %v", err)
	}
	if n := len(f.vault.Entries()); n != 0 {
		t.Errorf("vault entries = %d, want none", n)
	}
}

func TestTokenizedReplayAndConflict(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	o := tokenizedOrder()
	first, err := f.svc.Place(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	again, err := f.svc.Place(context.Background(), o)
	if err != nil || again.ExecutionARN != first.ExecutionARN {
		t.Fatalf("replay = %+v, %v; want the first placement", again, err)
	}
	o.PaymentMethod = "pm_card_mastercard"
	if _, err := f.svc.Place(context.Background(), o); !errors.Is(err, orders.ErrConflict) {
		t.Errorf("same orderId with another token = %v, want ErrConflict", err)
	}
}

func sorted(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
