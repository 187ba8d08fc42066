package orders_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

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
		{orders.ExecutionFailed, orders.ErrorAuthenticationRequired, orders.PaymentDeclined},
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

func TestStatus(t *testing.T) {
	t.Parallel()
	const arn = "arn:aws:states:us-east-1:123456789012:execution:Payment:order-1234567"
	stop := testNow.Add(time.Minute)
	tests := []struct {
		name           string
		status         string // empty leaves it running
		errName, cause string
		want           orders.OrderStatus
	}{
		{"running", "", "", "", orders.OrderStatus{Status: "RUNNING", PaymentStatus: "PENDING"}},
		{"paid", orders.ExecutionSucceeded, "", "", orders.OrderStatus{Status: "SUCCEEDED", PaymentStatus: "PAID", StopDate: stop}},
		{"declined", orders.ExecutionFailed, orders.ErrorDeclined, "Card declined",
			orders.OrderStatus{Status: "FAILED", PaymentStatus: "DECLINED", StopDate: stop, Error: orders.ErrorDeclined, Reason: "Card declined"}},
		{"timed out in workflow", orders.ExecutionFailed, orders.ErrorTimedOut, "No answer",
			orders.OrderStatus{Status: "FAILED", PaymentStatus: "TIMED_OUT", StopDate: stop, Error: orders.ErrorTimedOut, Reason: "No answer"}},
		{"execution timed out", orders.ExecutionTimedOut, "", "",
			orders.OrderStatus{Status: "TIMED_OUT", PaymentStatus: "TIMED_OUT", StopDate: stop}},
		{"aborted, cause withheld", orders.ExecutionAborted, "Ops", "stopped by hand",
			orders.OrderStatus{Status: "ABORTED", PaymentStatus: "CANCELLED", StopDate: stop, Error: "Ops"}},
		{"runtime error quoting the input, cause withheld", orders.ExecutionFailed, "States.Runtime",
			`An error occurred while executing the state 'Check' ... in the input '{"creditCardNumber":"4242424242424242"}'`,
			orders.OrderStatus{Status: "FAILED", PaymentStatus: "FAILED", StopDate: stop, Error: "States.Runtime"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			if _, err := f.svc.Place(context.Background(), validOrder()); err != nil {
				t.Fatalf("Place: %v", err)
			}
			f.clock.Advance(time.Minute)
			if tt.status != "" {
				if err := f.execs.Finish("order-1234567", tt.status, tt.errName, tt.cause); err != nil {
					t.Fatal(err)
				}
			}
			got, err := f.svc.Status(context.Background(), "order-1234567")
			if err != nil {
				t.Fatalf("Status: %v", err)
			}
			want := tt.want
			want.OrderID, want.ExecutionARN, want.StartDate = "order-1234567", arn, testNow
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Status() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStatusNotFound(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for _, id := range []string{"never-placed", "not/an/id", ""} {
		if _, err := f.svc.Status(context.Background(), id); !errors.Is(err, orders.ErrNotFound) {
			t.Errorf("Status(%q) error = %v, want ErrNotFound", id, err)
		}
	}
}
