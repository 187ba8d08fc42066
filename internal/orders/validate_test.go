package orders_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
)

// testNow is the clock every test reads: late November 2026.
var testNow = time.Date(2026, time.November, 26, 4, 30, 0, 0, time.UTC)

// validOrder returns an order that passes every rule at testNow.
func validOrder() orders.Order {
	return orders.Order{
		OrderID:          "order-1234567",
		CustomerID:       "98766",
		OrderDate:        "2026-11-25",
		Amount:           "100",
		Currency:         "USD",
		NameOnCard:       "FIRSTNAME LASTNAME",
		CreditCardNumber: "4242 4242 4242 4242",
		Expiry:           "12/28",
		CVV:              "123",
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	v := orders.NewValidator(clock.NewFake(testNow))
	tests := []struct {
		name   string
		mutate func(*orders.Order)
		fields []string // fields reported broken, in order; nil means valid
	}{
		{"valid", func(*orders.Order) {}, nil},
		{"everything missing", func(o *orders.Order) { *o = orders.Order{} },
			[]string{"orderId", "customerId", "orderDate", "amount", "nameOnCard", "creditCardNumber", "expiry", "cvv"}},

		{"orderId 64 chars", func(o *orders.Order) { o.OrderID = strings.Repeat("a", 64) }, nil},
		{"orderId 65 chars", func(o *orders.Order) { o.OrderID = strings.Repeat("a", 65) }, []string{"orderId"}},
		{"orderId underscore dash", func(o *orders.Order) { o.OrderID = "A_b-9" }, nil},
		{"orderId slash", func(o *orders.Order) { o.OrderID = "a/b" }, []string{"orderId"}},
		{"orderId space", func(o *orders.Order) { o.OrderID = "a b" }, []string{"orderId"}},
		{"orderId unicode", func(o *orders.Order) { o.OrderID = "ordér" }, []string{"orderId"}},
		{"customerId colon", func(o *orders.Order) { o.CustomerID = "c:1" }, []string{"customerId"}},

		{"orderDate year 0000", func(o *orders.Order) { o.OrderDate = "0000-01-01" }, []string{"orderDate"}},
		{"orderDate year 9999", func(o *orders.Order) { o.OrderDate = "9999-12-31" }, []string{"orderDate"}},
		{"orderDate 365 days ago", func(o *orders.Order) { o.OrderDate = "2025-11-26" }, nil},
		{"orderDate 366 days ago", func(o *orders.Order) { o.OrderDate = "2025-11-25" }, []string{"orderDate"}},
		{"orderDate tomorrow", func(o *orders.Order) { o.OrderDate = "2026-11-27" }, nil},
		{"orderDate day after tomorrow", func(o *orders.Order) { o.OrderDate = "2026-11-28" }, []string{"orderDate"}},
		{"orderId a card number", func(o *orders.Order) { o.OrderID = "4242424242424242" }, []string{"orderId"}},
		{"orderId a 13-digit card number", func(o *orders.Order) { o.OrderID = "4222222222222" }, []string{"orderId"}},
		{"orderId a 19-digit card number", func(o *orders.Order) { o.OrderID = "6011000000000000001" }, []string{"orderId"}},
		{"orderId digits failing Luhn", func(o *orders.Order) { o.OrderID = "4242424242424241" }, nil},
		{"orderId 20 digits", func(o *orders.Order) { o.OrderID = "42424242424242424242" }, nil},
		{"orderId 12 digits", func(o *orders.Order) { o.OrderID = "424242424242" }, nil},
		{"customerId a card number", func(o *orders.Order) { o.CustomerID = "5555555555554444" }, []string{"customerId"}},
		{"orderDate not leap", func(o *orders.Order) { o.OrderDate = "2026-02-29" }, []string{"orderDate"}},
		{"orderDate month 13", func(o *orders.Order) { o.OrderDate = "2026-13-01" }, []string{"orderDate"}},
		{"orderDate one-digit month", func(o *orders.Order) { o.OrderDate = "2026-1-05" }, []string{"orderDate"}},
		{"orderDate timestamp", func(o *orders.Order) { o.OrderDate = "2026-01-05T00:00:00Z" }, []string{"orderDate"}},

		{"amount one cent", func(o *orders.Order) { o.Amount = "0.01" }, nil},
		{"amount two decimals", func(o *orders.Order) { o.Amount = "100.50" }, nil},
		{"amount one decimal", func(o *orders.Order) { o.Amount = "100.5" }, nil},
		{"amount maximum", func(o *orders.Order) { o.Amount = "1000000.00" }, nil},
		{"amount above maximum", func(o *orders.Order) { o.Amount = "1000000.01" }, []string{"amount"}},
		{"amount huge", func(o *orders.Order) { o.Amount = "99999999999999999999999" }, []string{"amount"}},
		{"amount three decimals", func(o *orders.Order) { o.Amount = "100.505" }, []string{"amount"}},
		{"amount zero", func(o *orders.Order) { o.Amount = "0" }, []string{"amount"}},
		{"amount zero cents", func(o *orders.Order) { o.Amount = "0.00" }, []string{"amount"}},
		{"amount negative", func(o *orders.Order) { o.Amount = "-5" }, []string{"amount"}},
		{"amount exponent", func(o *orders.Order) { o.Amount = "1e2" }, []string{"amount"}},
		{"amount trailing point", func(o *orders.Order) { o.Amount = "100." }, []string{"amount"}},
		{"amount leading zero", func(o *orders.Order) { o.Amount = "0100" }, []string{"amount"}},

		{"currency default", func(o *orders.Order) { o.Currency = "" }, nil},
		{"currency EUR", func(o *orders.Order) { o.Currency = "EUR" }, nil},
		{"currency lowercase", func(o *orders.Order) { o.Currency = "usd" }, []string{"currency"}},
		{"currency unknown", func(o *orders.Order) { o.Currency = "ABC" }, []string{"currency"}},
		{"currency straddling two codes", func(o *orders.Order) { o.Currency = "DAF" }, []string{"currency"}},
		{"currency zero-decimal", func(o *orders.Order) { o.Currency = "JPY" }, []string{"currency"}},

		{"name accented", func(o *orders.Order) { o.NameOnCard = "José Müller" }, nil},
		{"name blank", func(o *orders.Order) { o.NameOnCard = "   " }, []string{"nameOnCard"}},
		{"name control char", func(o *orders.Order) { o.NameOnCard = "A\x00B" }, []string{"nameOnCard"}},
		{"name too long", func(o *orders.Order) { o.NameOnCard = strings.Repeat("x", 101) }, []string{"nameOnCard"}},

		{"card plain digits", func(o *orders.Order) { o.CreditCardNumber = "4242424242424242" }, nil},
		{"card dashes", func(o *orders.Order) { o.CreditCardNumber = "4242-4242-4242-4242" }, nil},
		{"card 13 digits", func(o *orders.Order) { o.CreditCardNumber = "4222222222222" }, nil},
		{"card 19 digits", func(o *orders.Order) { o.CreditCardNumber = "6011000000000000001" }, nil},
		{"card 12 digits", func(o *orders.Order) { o.CreditCardNumber = "424242424242" }, []string{"creditCardNumber"}},
		{"card 20 digits", func(o *orders.Order) { o.CreditCardNumber = "42424242424242424242" }, []string{"creditCardNumber"}},
		{"card letters", func(o *orders.Order) { o.CreditCardNumber = "4242 4242 4242 424a" }, []string{"creditCardNumber"}},
		{"card double space", func(o *orders.Order) { o.CreditCardNumber = "4242  4242 4242 4242" }, []string{"creditCardNumber"}},
		{"card leading dash", func(o *orders.Order) { o.CreditCardNumber = "-4242424242424242" }, []string{"creditCardNumber"}},
		{"card Luhn fails", func(o *orders.Order) { o.CreditCardNumber = "4242 4242 4242 4241" }, []string{"creditCardNumber"}},
		{"card walkthrough number", func(o *orders.Order) { o.CreditCardNumber = "1234 1234 1234 1234" }, []string{"creditCardNumber"}},

		{"expiry this month", func(o *orders.Order) { o.Expiry = "11/26" }, nil},
		{"expiry last month", func(o *orders.Order) { o.Expiry = "10/26" }, []string{"expiry"}},
		{"expiry last year", func(o *orders.Order) { o.Expiry = "12/25" }, []string{"expiry"}},
		{"expiry month 00", func(o *orders.Order) { o.Expiry = "00/28" }, []string{"expiry"}},
		{"expiry month 13", func(o *orders.Order) { o.Expiry = "13/28" }, []string{"expiry"}},
		{"expiry four-digit year", func(o *orders.Order) { o.Expiry = "12/2028" }, []string{"expiry"}},
		{"expiry placeholder", func(o *orders.Order) { o.Expiry = "XX/YY" }, []string{"expiry"}},

		{"cvv four digits", func(o *orders.Order) { o.CVV = "1234" }, nil},
		{"cvv two digits", func(o *orders.Order) { o.CVV = "12" }, []string{"cvv"}},
		{"cvv five digits", func(o *orders.Order) { o.CVV = "12345" }, []string{"cvv"}},
		{"cvv letters", func(o *orders.Order) { o.CVV = "12a" }, []string{"cvv"}},
		{"cvv signed", func(o *orders.Order) { o.CVV = "-12" }, []string{"cvv"}},

		{"several at once", func(o *orders.Order) { o.Amount = "0"; o.CVV = "1" }, []string{"amount", "cvv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := validOrder()
			tt.mutate(&o)
			err := v.Validate(o)
			if got := brokenFields(t, err); !cmp.Equal(got, tt.fields) {
				t.Errorf("Validate() broken fields = %v, want %v (err: %v)", got, tt.fields, err)
			}
		})
	}
}

func TestValidateOrderDateLeapDay(t *testing.T) {
	t.Parallel()
	v := orders.NewValidator(clock.NewFake(time.Date(2028, time.March, 1, 12, 0, 0, 0, time.UTC)))
	o := validOrder()
	o.OrderDate = "2028-02-29"
	if err := v.Validate(o); err != nil {
		t.Fatalf("leap day 2028-02-29 on 2028-03-01: %v", err)
	}
}

func TestValidateExpiryFollowsClock(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(time.Date(2026, time.November, 30, 23, 59, 59, 0, time.UTC))
	v := orders.NewValidator(clk)
	o := validOrder()
	o.Expiry = "11/26"
	if err := v.Validate(o); err != nil {
		t.Fatalf("on the last second of the expiry month: %v", err)
	}
	clk.Advance(time.Second)
	if got := brokenFields(t, v.Validate(o)); !cmp.Equal(got, []string{"expiry"}) {
		t.Fatalf("a second later: broken fields %v, want [expiry]", got)
	}
}

func TestValidateExpiryAtTheExactInstant(t *testing.T) {
	t.Parallel()
	end := time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)
	o := validOrder()
	o.Expiry = "11/26"
	if err := orders.NewValidator(clock.NewFake(end.Add(-time.Nanosecond))).Validate(o); err != nil {
		t.Fatalf("a nanosecond before the expiry ends: %v", err)
	}
	if got := brokenFields(t, orders.NewValidator(clock.NewFake(end)).Validate(o)); !cmp.Equal(got, []string{"expiry"}) {
		t.Fatalf("at the instant the expiry ends: broken fields %v, want [expiry]", got)
	}
}

func TestValidationErrorNeverQuotesTheCard(t *testing.T) {
	t.Parallel()
	v := orders.NewValidator(clock.NewFake(testNow))
	o := validOrder()
	o.CreditCardNumber = "4242 4242 4242 4241"
	o.CVV = "12"
	err := v.Validate(o)
	if err == nil {
		t.Fatal("Validate() = nil, want an error")
	}
	for _, secret := range []string{"4241", "4242", " 12"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error %q quotes %q", err, secret)
		}
	}
}

// brokenFields returns the field names a Validate error lists, nil for no
// error, and fails the test for an error of any other shape.
func brokenFields(tb testing.TB, err error) []string {
	tb.Helper()
	if err == nil {
		return nil
	}
	var verr *orders.ValidationError
	if !errors.As(err, &verr) || !errors.Is(err, orders.ErrInvalid) {
		tb.Fatalf("error %v is not a *ValidationError matching ErrInvalid", err)
	}
	var names []string
	for _, f := range verr.Fields {
		if f.Message == "" {
			tb.Errorf("field %s has no message", f.Field)
		}
		names = append(names, f.Field)
	}
	return names
}
