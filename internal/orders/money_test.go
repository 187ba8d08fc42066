package orders_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/payflow-dev/payflow/internal/orders"
)

func TestAmountDecodesNumbersOnly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		body    string
		want    orders.Amount
		typeErr bool
	}{
		{"integer", `{"amount":100}`, "100", false},
		{"decimal kept as written", `{"amount":0.10}`, "0.10", false},
		{"beyond float precision", `{"amount":12345678901234567.89}`, "12345678901234567.89", false},
		{"negative", `{"amount":-5}`, "-5", false},
		{"null", `{"amount":null}`, "", false},
		{"quoted number", `{"amount":"100"}`, "", true},
		{"bool", `{"amount":true}`, "", true},
		{"object", `{"amount":{}}`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var o orders.Order
			err := json.Unmarshal([]byte(tt.body), &o)
			var typeErr *json.UnmarshalTypeError
			if tt.typeErr {
				if !errors.As(err, &typeErr) || typeErr.Field != "amount" {
					t.Fatalf("Unmarshal error = %v, want a type error on field amount", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			if o.Amount != tt.want {
				t.Errorf("Amount = %q, want %q", o.Amount, tt.want)
			}
		})
	}
}
