package awsadapter

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/aws/aws-sdk-go-v2/aws"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/payflow-dev/payflow/internal/orders"
)

// classify names the operation and wraps err with the orders error kind
// that AWS's answer means. It is the only place that knows SDK error types.
//
// Throttling, server faults, timeouts and failed connections are
// ErrUnavailable: the SDK has already retried them, and the caller may try
// again later. A modelled answer that the domain acts on has its own kind
// (an execution that exists or does not, a failed DynamoDB condition, a
// closed task, a ciphertext that will never open). Any other refusal by AWS (access denied, unknown or
// disabled key, missing state machine) is ErrUpstream. Anything else, such
// as a missing region, is returned as is and surfaces as an internal error.
func classify(op string, err error) error {
	var (
		exists   *sfntypes.ExecutionAlreadyExists
		missing  *sfntypes.ExecutionDoesNotExist
		timedOut *sfntypes.TaskTimedOut
		gone     *sfntypes.TaskDoesNotExist
		badToken *sfntypes.InvalidToken
		condFail *ddbtypes.ConditionalCheckFailedException
		canceled *ddbtypes.TransactionCanceledException
		corrupt  *kmstypes.InvalidCiphertextException
		wrongKey *kmstypes.IncorrectKeyException
		apiErr   smithy.APIError
		sendErr  *smithyhttp.RequestSendError
		netErr   net.Error
	)
	switch {
	case errors.As(err, &exists), errors.As(err, &condFail):
		return fmt.Errorf("%s: %w: %w", op, orders.ErrConflict, err)
	case errors.As(err, &canceled):
		// A failed condition is an answer; a conflict with another
		// transaction or a throttle is worth another try.
		kind := orders.ErrUnavailable
		if failedCondition(canceled) {
			kind = orders.ErrConflict
		}
		return fmt.Errorf("%s: %w: %w", op, kind, err)
	case errors.As(err, &missing):
		return fmt.Errorf("%s: %w: %w", op, orders.ErrNotFound, err)
	case errors.As(err, &timedOut), errors.As(err, &gone), errors.As(err, &badToken):
		return fmt.Errorf("%s: %w: %w", op, orders.ErrTaskClosed, err)
	case errors.As(err, &corrupt), errors.As(err, &wrongKey):
		return fmt.Errorf("%s: %w: %w", op, orders.ErrCardUnreadable, err)
	case errors.As(err, &apiErr):
		if isTransient(apiErr) || serverStatus(err) {
			return fmt.Errorf("%s: %w: %w", op, orders.ErrUnavailable, err)
		}
		return fmt.Errorf("%s: %w: %w", op, orders.ErrUpstream, err)
	case errors.As(err, &sendErr), errors.As(err, &netErr), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s: %w: %w", op, orders.ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// failedCondition reports whether a transaction was cancelled because one
// of its conditions failed.
func failedCondition(err *ddbtypes.TransactionCanceledException) bool {
	for _, r := range err.CancellationReasons {
		if aws.ToString(r.Code) == "ConditionalCheckFailed" {
			return true
		}
	}
	return false
}

// isTransient reports whether an AWS API error says "not now" rather than
// "no": a throttle, a server fault, or a KMS key briefly out of reach.
func isTransient(err smithy.APIError) bool {
	switch err.ErrorCode() {
	case "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
		"LimitExceededException", "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure",
		"KMSInternalException", "DependencyTimeoutException", "KeyUnavailableException",
		"ProvisionedThroughputExceededException", "RequestLimitExceededException", "InternalServerError":
		return true
	}
	return err.ErrorFault() == smithy.FaultServer
}

// serverStatus reports whether the error came with a 5xx HTTP status, for
// errors AWS did not model and the SDK could not mark as a server fault.
func serverStatus(err error) bool {
	var resp *smithyhttp.ResponseError
	return errors.As(err, &resp) && resp.HTTPStatusCode() >= 500
}
