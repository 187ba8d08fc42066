package orders

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// OrderStatus is what Status reports about an order: the workflow's own
// status, the payment status a shop acts on, and why it failed if it did.
type OrderStatus struct {
	OrderID      string
	ExecutionARN string
	// Status is the Step Functions execution status (ExecutionRunning, ...).
	Status string
	// PaymentStatus is the shop's view (PaymentPending, PaymentPaid, ...).
	PaymentStatus string
	StartDate     time.Time
	// StopDate is zero while the execution runs.
	StopDate time.Time
	// Error is the failure's error name (such as ErrorDeclined), empty
	// unless the execution ended without succeeding. Reason is its readable
	// cause, given for Payment.* errors only (see reasonFor).
	Error  string
	Reason string
}

// PaymentStatusOf maps an execution status, and for a failed execution its
// error name, to the payment status a shop understands.
//
// Declines of every kind are DECLINED, so a shop can ask for another card;
// a payment that got no answer in time is TIMED_OUT, whether the workflow
// caught the timeout (ErrorTimedOut) or not (States.Timeout); every other
// failure is FAILED. A status this code does not know yet (AWS adds some,
// such as PENDING_REDRIVE) is still PENDING: the payment has no outcome.
func PaymentStatusOf(executionStatus, errorName string) string {
	switch executionStatus {
	case ExecutionSucceeded:
		return PaymentPaid
	case ExecutionFailed:
		switch errorName {
		case ErrorDeclined, ErrorInsufficientFunds, ErrorCardExpired, ErrorAuthenticationRequired:
			return PaymentDeclined
		case ErrorTimedOut, "States.Timeout":
			return PaymentTimedOut
		}
		return PaymentFailed
	case ExecutionTimedOut:
		return PaymentTimedOut
	case ExecutionAborted:
		return PaymentCancelled
	}
	return PaymentPending
}

// Status reports the order's workflow and payment status. An orderId that
// could not have been placed, or was never placed, is ErrNotFound.
func (s *Service) Status(ctx context.Context, orderID string) (OrderStatus, error) {
	if !IsIdent(orderID) {
		return OrderStatus{}, fmt.Errorf("order %q: %w", orderID, ErrNotFound)
	}
	x, err := s.cfg.Workflows.DescribePayment(ctx, orderID)
	if err != nil {
		return OrderStatus{}, fmt.Errorf("describe payment workflow: %w", err)
	}
	st := OrderStatus{
		OrderID:       orderID,
		ExecutionARN:  x.ARN,
		Status:        x.Status,
		PaymentStatus: PaymentStatusOf(x.Status, x.Error),
		StartDate:     x.StartDate,
		StopDate:      x.StopDate,
	}
	if x.Status != ExecutionSucceeded {
		st.Error = x.Error
		st.Reason = reasonFor(st.Error, x.Cause)
	}
	return st, nil
}

// reasonFor returns the cause a shop may read. Causes of Payment.* errors
// are written by this project's callback and state machine to be shown.
// Any other cause is withheld: Step Functions quotes the execution input in
// some of its own (States.Runtime), and an execution started by hand could
// hold a raw card there.
func reasonFor(errName, cause string) string {
	if strings.HasPrefix(errName, "Payment.") {
		return cause
	}
	return ""
}
