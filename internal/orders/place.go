package orders

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
)

// Placement is the outcome of Place: which execution carries the order.
type Placement struct {
	OrderID      string
	ExecutionARN string
	// Status and PaymentStatus are RUNNING and PENDING for a new order; a
	// replay reports the existing execution's current statuses.
	Status        string
	PaymentStatus string
	StartDate     time.Time
	// Replayed is true when the order had already been placed with the
	// same content, and no new execution was started.
	Replayed bool
}

// Place validates an order, seals its card and starts its payment
// workflow, named by the orderId.
//
// Placing the same order again is safe: Step Functions refuses a second
// execution of the same name, and Place then compares the keyed digest of
// this order with the one stored in the existing execution's input. Equal
// digests make a replay that returns the existing execution; different ones
// are ErrConflict.
func (s *Service) Place(ctx context.Context, o Order) (Placement, error) {
	// The HTTP edge has validated already; the domain checks again so no
	// other caller can start a workflow with a bad order.
	if err := s.cfg.Validator.Validate(o); err != nil {
		return Placement{}, err
	}
	n, err := o.normalize()
	if err != nil {
		return Placement{}, err
	}
	req, err := s.paymentRequest(ctx, n)
	if err != nil {
		return Placement{}, err
	}
	input, err := json.Marshal(req)
	if err != nil {
		return Placement{}, fmt.Errorf("encode payment request: %w", err)
	}
	out, err := s.cfg.Starter.StartExecution(ctx, &sfn.StartExecutionInput{
		StateMachineArn: &s.cfg.StateMachineARN,
		Name:            &o.OrderID,
		Input:           aws.String(string(input)),
	})
	if err != nil {
		err = upstream("start execution", err)
		if errors.Is(err, ErrConflict) {
			return s.replay(ctx, o.OrderID, req.RequestDigest)
		}
		return Placement{}, err
	}
	return Placement{
		OrderID:       o.OrderID,
		ExecutionARN:  aws.ToString(out.ExecutionArn),
		Status:        ExecutionRunning,
		PaymentStatus: PaymentPending,
		StartDate:     aws.ToTime(out.StartDate),
	}, nil
}

// paymentRequest builds the execution input: the order without its card,
// plus the sealed card, its brand and last four, and the request digest.
func (s *Service) paymentRequest(ctx context.Context, n normalOrder) (PaymentRequest, error) {
	digest, err := s.digest(ctx, n)
	if err != nil {
		return PaymentRequest{}, err
	}
	sealed, err := s.seal(ctx, n)
	if err != nil {
		return PaymentRequest{}, err
	}
	return PaymentRequest{
		OrderID:       n.OrderID,
		CustomerID:    n.CustomerID,
		OrderDate:     n.OrderDate,
		Amount:        formatMinor(n.minor),
		Currency:      n.currency,
		Card:          SealedCard{Brand: BrandOf(n.digits), Last4: Last4(n.digits), Sealed: sealed},
		RequestDigest: digest,
	}, nil
}

// replay answers a second Place of an orderId from the execution the first
// one started, if and only if both carried the same order.
func (s *Service) replay(ctx context.Context, orderID, digest string) (Placement, error) {
	arn := s.executionARN(orderID)
	out, err := s.cfg.Describer.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: &arn})
	if err != nil {
		return Placement{}, upstream("describe existing execution", err)
	}
	var prior PaymentRequest
	if err := json.Unmarshal([]byte(aws.ToString(out.Input)), &prior); err != nil || prior.RequestDigest == "" {
		// Started by other means (by hand, say): never ours to replay.
		return Placement{}, fmt.Errorf("order %q: existing execution has no request digest: %w", orderID, ErrConflict)
	}
	if subtle.ConstantTimeCompare([]byte(prior.RequestDigest), []byte(digest)) != 1 {
		return Placement{}, fmt.Errorf("order %q: %w", orderID, ErrConflict)
	}
	status := string(out.Status)
	return Placement{
		OrderID:       orderID,
		ExecutionARN:  aws.ToString(out.ExecutionArn),
		Status:        status,
		PaymentStatus: PaymentStatusOf(status, aws.ToString(out.Error)),
		StartDate:     aws.ToTime(out.StartDate),
		Replayed:      true,
	}, nil
}
