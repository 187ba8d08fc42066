package orders_test

import (
	"testing"
	"time"

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
	// One rule for the API, the callback and the simulator: separators are
	// ignored, and a number too short to have a last four has none.
	tests := []struct{ in, want string }{
		{"4242424242424242", "4242"},
		{"4000000000000002", "0002"},
		{"4242 4242 4242 4242", "4242"},
		{"4000-0000-0000-0119", "0119"},
		{"1234", "1234"},
		{"123", ""},
		{"12ab", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := orders.Last4(tt.in); got != tt.want {
			t.Errorf("Last4(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidCardNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
	}{
		{"4242 4242 4242 4242", "4242424242424242"},
		{"4222222222222", "4222222222222"},             // 13 digits
		{"6011000000000000001", "6011000000000000001"}, // 19 digits
		{"424242424242", ""},                           // 12 digits, Luhn-valid: too short everywhere
		{"42424242424242424242", ""},                   // 20 digits
		{"4242424242424241", ""},                       // Luhn fails
		{"4242  4242 4242 4242", ""},                   // doubled separator
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := orders.ValidCardNumber(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ValidCardNumber(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestExpiryEndsAtTheFirstInstantOfTheNextMonth(t *testing.T) {
	t.Parallel()
	tests := []struct {
		expiry string
		want   time.Time
	}{
		{"11/26", time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)},
		{"12/26", time.Date(2027, time.January, 1, 0, 0, 0, 0, time.UTC)},
		{"02/28", time.Date(2028, time.March, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		end, ok := orders.ExpiryEnd(tt.expiry)
		if !ok || !end.Equal(tt.want) {
			t.Errorf("ExpiryEnd(%q) = %v, %v; want %v", tt.expiry, end, ok, tt.want)
		}
	}
	for _, bad := range []string{"00/26", "13/26", "1/26", "11/2026", "XX/YY", ""} {
		if _, ok := orders.ExpiryEnd(bad); ok {
			t.Errorf("ExpiryEnd(%q) accepted", bad)
		}
	}
}
