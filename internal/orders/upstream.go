package orders

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// upstream classifies an error from Step Functions or KMS into one of the
// package's error kinds and names the operation. It is the only place that
// knows SDK error types; the service and the HTTP edge use errors.Is.
//
// Throttling, server faults, timeouts and failed connections are
// ErrUnavailable: the SDK has already retried them, and the caller may try
// again later. Any other refusal by AWS (access denied, unknown key, disabled
// key, missing state machine) is ErrUpstream. Anything else, such as a
// missing region, is returned as is and surfaces as an internal error.
func upstream(op string, err error) error {
	var (
		exists  *types.ExecutionAlreadyExists
		missing *types.ExecutionDoesNotExist
		apiErr  smithy.APIError
		sendErr *smithyhttp.RequestSendError
		netErr  net.Error
	)
	switch {
	case errors.As(err, &exists):
		return fmt.Errorf("%s: %w: %w", op, ErrConflict, err)
	case errors.As(err, &missing):
		return fmt.Errorf("%s: %w: %w", op, ErrNotFound, err)
	case errors.As(err, &apiErr):
		if isTransient(apiErr) || serverStatus(err) {
			return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, err)
		}
		return fmt.Errorf("%s: %w: %w", op, ErrUpstream, err)
	case errors.As(err, &sendErr), errors.As(err, &netErr), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// isTransient reports whether an AWS API error says "not now" rather than
// "no": a throttle, a server fault, or a KMS key briefly out of reach.
func isTransient(err smithy.APIError) bool {
	switch err.ErrorCode() {
	case "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
		"LimitExceededException", "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure",
		"KMSInternalException", "DependencyTimeoutException", "KeyUnavailableException":
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
