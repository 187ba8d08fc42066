package simulator_test

import (
	"errors"
	"testing"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/simulator"
)

func TestSimulatedTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		token, want string // want is the decline code, "" for an approval
	}{
		{simulator.TokenApproved, ""},
		{"pm_1PabcdEFGHijklMN", ""},
		{simulator.TokenDeclined, orders.ErrorDeclined},
		{simulator.TokenInsufficientFunds, orders.ErrorInsufficientFunds},
		{simulator.TokenExpired, orders.ErrorCardExpired},
		{simulator.TokenAuthenticationRequired, orders.ErrorAuthenticationRequired},
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			t.Parallel()
			p := simulator.New(simulator.Config{Clock: clock.NewFake(t0)})
			// The card is empty: a tokenized charge carries no card fields.
			_, err := p.Authorize(bounded(t), orders.Charge{OrderID: "o-" + tt.token, Amount: "10.00", Currency: "USD", PaymentMethod: tt.token})
			var d *orders.Decline
			got := ""
			if errors.As(err, &d) {
				got = d.Code
			} else if err != nil {
				t.Fatalf("Authorize = %v, want an approval or a decline", err)
			}
			if got != tt.want {
				t.Errorf("decline = %q, want %q", got, tt.want)
			}
		})
	}
}
