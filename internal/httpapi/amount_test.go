package httpapi_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/internal/orders"
)

// TestAmountIsExactInEitherForm places amounts that a binary float would
// change (654321.17 as a float32 is 654321.2) as the decimal string the
// contract asks for and as the JSON number still accepted, and checks that
// the workflow is asked to charge exactly that amount.
func TestAmountIsExactInEitherForm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		json string // the amount as written in the body
		want string // PaymentRequest.amount in the execution input
	}{
		{"string 654321.17", `"654321.17"`, "654321.17"},
		{"number 654321.17", `654321.17`, "654321.17"},
		{"string 999999.99", `"999999.99"`, "999999.99"},
		{"number 999999.99", `999999.99`, "999999.99"},
		{"string one cent", `"0.01"`, "0.01"},
		{"string maximum", `"1000000.00"`, "1000000.00"},
		{"string whole", `"100"`, "100.00"},
		{"string one decimal", `"0.1"`, "0.10"},
		{"number 0.1", `0.1`, "0.10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := newAPI(t)
			body := strings.Replace(validBody, `"amount":100`, `"amount":`+tt.json, 1)
			rec := do(t, a.handler, http.MethodPost, "/orders", "application/json", body)
			if rec.Code != http.StatusAccepted {
				t.Fatalf("status %d, want 202; body %s", rec.Code, rec.Body)
			}
			inputs := a.execs.Inputs()
			if len(inputs) != 1 {
				t.Fatalf("%d executions started, want 1", len(inputs))
			}
			var req orders.PaymentRequest
			if err := json.Unmarshal([]byte(inputs[0]), &req); err != nil {
				t.Fatalf("execution input %s: %v", inputs[0], err)
			}
			if req.Amount != tt.want {
				t.Errorf("charged amount = %q, want %q", req.Amount, tt.want)
			}
		})
	}
}
