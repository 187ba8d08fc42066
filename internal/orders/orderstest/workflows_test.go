package orderstest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
)

// TestStartPaymentIsIdempotentLikeStepFunctions pins the fake to what the
// Step Functions API reference says of StartExecution for Standard
// workflows: the name and input of a running execution give that
// execution back; a used name with another input, or with any input once
// the execution is closed, is ExecutionAlreadyExists.
func TestStartPaymentIsIdempotentLikeStepFunctions(t *testing.T) {
	t.Parallel()
	req := orders.PaymentRequest{OrderID: "o-1", Amount: "1.00", VaultRef: "p-1"}
	other := req
	other.VaultRef = "p-2"
	tests := []struct {
		name     string
		finish   bool
		second   orders.PaymentRequest
		conflict bool
	}{
		{"same input while running", false, req, false},
		{"other input while running", false, other, true},
		{"same input once ended", true, req, true},
		{"other input once ended", true, other, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
			w := orderstest.NewWorkflows("arn:aws:states:us-east-1:123456789012:stateMachine:Payment", clk)
			first, err := w.StartPayment(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if tt.finish {
				if err := w.Finish("o-1", orders.ExecutionSucceeded, "", ""); err != nil {
					t.Fatal(err)
				}
			}
			clk.Advance(time.Second)
			got, err := w.StartPayment(context.Background(), tt.second)
			if tt.conflict {
				if !errors.Is(err, orders.ErrConflict) {
					t.Fatalf("second start = %+v, %v; want ErrConflict", got, err)
				}
				return
			}
			if err != nil || got.ARN != first.ARN || !got.StartDate.Equal(first.StartDate) {
				t.Fatalf("second start = %+v, %v; want the first execution %+v", got, err, first)
			}
		})
	}
}
