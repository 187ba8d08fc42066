package orders_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/internal/orders"
)

func validRequest() orders.PaymentRequest {
	return orders.PaymentRequest{
		OrderID: "order-1", CustomerID: "c-1", OrderDate: "2026-11-25", Amount: "100.00", Currency: "USD",
		Card: orders.CardRef{Brand: orders.BrandVisa, Last4: "4242"}, VaultRef: "ref-1", RequestDigest: "ZA==",
	}
}

func TestPaymentRequestCheck(t *testing.T) {
	t.Parallel()
	const (
		badAmount   = "amount must be a positive decimal with two fraction digits"
		badCurrency = "currency must be an ISO 4217 code"
		badLast4    = "card.last4 must be four digits"
	)
	tests := []struct {
		name   string
		mutate func(*orders.PaymentRequest)
		want   []string
	}{
		{"valid", func(*orders.PaymentRequest) {}, nil},
		{"one cent", func(p *orders.PaymentRequest) { p.Amount = "0.01" }, nil},
		{"maximum", func(p *orders.PaymentRequest) { p.Amount = "1000000.00" }, nil},
		{"zero with cents", func(p *orders.PaymentRequest) { p.Amount = "0.00" }, []string{badAmount}},
		{"zero", func(p *orders.PaymentRequest) { p.Amount = "0" }, []string{badAmount}},
		{"above maximum", func(p *orders.PaymentRequest) { p.Amount = "1000000.01" }, []string{badAmount}},
		{"one fraction digit", func(p *orders.PaymentRequest) { p.Amount = "100.5" }, []string{badAmount}},
		{"no fraction digits", func(p *orders.PaymentRequest) { p.Amount = "100" }, []string{badAmount}},
		{"negative", func(p *orders.PaymentRequest) { p.Amount = "-5.00" }, []string{badAmount}},
		{"unknown currency", func(p *orders.PaymentRequest) { p.Currency = "ABC" }, []string{badCurrency}},
		{"short last4", func(p *orders.PaymentRequest) { p.Card.Last4 = "424" }, []string{badLast4}},
		{"several", func(p *orders.PaymentRequest) { p.OrderID = "a/b"; p.VaultRef = "" },
			[]string{"orderId must be 1-64 letters, digits, '-' or '_'", "vaultRef is missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := validRequest()
			tt.mutate(&p)
			err := p.Check()
			var got []string
			if err != nil {
				var rerr *orders.RequestError
				if !errors.As(err, &rerr) || !errors.Is(err, orders.ErrInvalid) {
					t.Fatalf("Check() = %v, want a *RequestError matching ErrInvalid", err)
				}
				got = rerr.Problems
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
