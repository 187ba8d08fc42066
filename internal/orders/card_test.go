package orders_test

import (
	"testing"

	"github.com/payflow-dev/payflow/internal/orders"
)

func TestBrandOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		number string
		want   string
	}{
		{"4242424242424242", orders.BrandVisa},
		{"4222222222222", orders.BrandVisa},
		{"5555555555554444", orders.BrandMastercard},
		{"2223003122003222", orders.BrandMastercard},
		{"378282246310005", orders.BrandAmex},
		{"371449635398431", orders.BrandAmex},
		{"6011111111111117", orders.BrandDiscover},
		{"6445644564456445", orders.BrandDiscover},
		{"3530111333300000", orders.BrandJCB},
		{"36227206271667", orders.BrandDinersClub},
		{"30569309025904", orders.BrandDinersClub},
		{"6200000000000005", orders.BrandUnionPay},
		{"6759649826438453", orders.BrandMaestro},
		{"1234567812345670", orders.BrandUnknown},
		{"", orders.BrandUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			t.Parallel()
			if got := orders.BrandOf(tt.number); got != tt.want {
				t.Errorf("BrandOf(%q) = %q, want %q", tt.number, got, tt.want)
			}
		})
	}
}

func TestLast4(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"4242424242424242", "4242"},
		{"4000000000000002", "0002"},
		{"123", "123"},
	}
	for _, tt := range tests {
		if got := orders.Last4(tt.in); got != tt.want {
			t.Errorf("Last4(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
