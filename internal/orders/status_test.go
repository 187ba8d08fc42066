package orders_test

import (
	"testing"

	"github.com/payflow-dev/payflow/internal/orders"
)

func TestPaymentStatusOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status, errName string
		want            string
	}{
		{orders.ExecutionRunning, "", orders.PaymentPending},
		{"PENDING_REDRIVE", "", orders.PaymentPending},
		{orders.ExecutionSucceeded, "", orders.PaymentPaid},
		{orders.ExecutionFailed, orders.ErrorDeclined, orders.PaymentDeclined},
		{orders.ExecutionFailed, orders.ErrorInsufficientFunds, orders.PaymentDeclined},
		{orders.ExecutionFailed, orders.ErrorCardExpired, orders.PaymentDeclined},
		{orders.ExecutionFailed, orders.ErrorTimedOut, orders.PaymentTimedOut},
		{orders.ExecutionFailed, "States.Timeout", orders.PaymentTimedOut},
		{orders.ExecutionFailed, orders.ErrorInvalidRequest, orders.PaymentFailed},
		{orders.ExecutionFailed, orders.ErrorFailed, orders.PaymentFailed},
		{orders.ExecutionFailed, "States.Runtime", orders.PaymentFailed},
		{orders.ExecutionFailed, "", orders.PaymentFailed},
		{orders.ExecutionTimedOut, "", orders.PaymentTimedOut},
		{orders.ExecutionAborted, "", orders.PaymentCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.status+"/"+tt.errName, func(t *testing.T) {
			t.Parallel()
			if got := orders.PaymentStatusOf(tt.status, tt.errName); got != tt.want {
				t.Errorf("PaymentStatusOf(%q, %q) = %q, want %q", tt.status, tt.errName, got, tt.want)
			}
		})
	}
}
