package awsadapter

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/payflow-dev/payflow/internal/orders"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want error // nil: no kind
	}{
		{"throttled", &smithy.GenericAPIError{Code: "ThrottlingException", Message: "Rate exceeded"}, orders.ErrUnavailable},
		{"server fault", &smithy.GenericAPIError{Code: "Whatever", Fault: smithy.FaultServer}, orders.ErrUnavailable},
		{"503 unmodelled", &smithyhttp.ResponseError{
			Response: &smithyhttp.Response{Response: &http.Response{StatusCode: 503}},
			Err:      &smithy.GenericAPIError{Code: "Unknown"},
		}, orders.ErrUnavailable},
		{"connection refused", &smithyhttp.RequestSendError{Err: &net.OpError{Op: "dial", Err: errors.New("connection refused")}}, orders.ErrUnavailable},
		{"deadline", fmt.Errorf("op: %w", context.DeadlineExceeded), orders.ErrUnavailable},
		{"access denied", &smithy.GenericAPIError{Code: "AccessDeniedException"}, orders.ErrUpstream},
		{"state machine missing", &sfntypes.StateMachineDoesNotExist{Message: aws.String("gone")}, orders.ErrUpstream},
		{"execution exists", &sfntypes.ExecutionAlreadyExists{Message: aws.String("exists")}, orders.ErrConflict},
		{"execution missing", &sfntypes.ExecutionDoesNotExist{Message: aws.String("missing")}, orders.ErrNotFound},
		{"task timed out", &sfntypes.TaskTimedOut{Message: aws.String("Task Timed Out")}, orders.ErrTaskClosed},
		{"task gone", &sfntypes.TaskDoesNotExist{Message: aws.String("gone")}, orders.ErrTaskClosed},
		{"invalid token", &sfntypes.InvalidToken{Message: aws.String("bad")}, orders.ErrTaskClosed},
		{"kms throttled", &smithy.GenericAPIError{Code: "ThrottlingException"}, orders.ErrUnavailable},
		{"kms internal", &smithy.GenericAPIError{Code: "KMSInternalException"}, orders.ErrUnavailable},
		{"kms key disabled", &kmstypes.DisabledException{Message: aws.String("disabled")}, orders.ErrUpstream},
		{"kms wrong context", &kmstypes.InvalidCiphertextException{Message: aws.String("bad")}, orders.ErrCardUnreadable},
		{"kms wrong key", &kmstypes.IncorrectKeyException{Message: aws.String("bad")}, orders.ErrCardUnreadable},
		{"transaction condition failed", &ddbtypes.TransactionCanceledException{CancellationReasons: []ddbtypes.CancellationReason{
			{Code: aws.String("ConditionalCheckFailed")}, {Code: aws.String("None")}}}, orders.ErrConflict},
		{"transaction conflict", &ddbtypes.TransactionCanceledException{CancellationReasons: []ddbtypes.CancellationReason{
			{Code: aws.String("TransactionConflict")}, {Code: aws.String("None")}}}, orders.ErrUnavailable},
		{"no region", errors.New("missing region"), nil},
	}
	kinds := []error{orders.ErrUnavailable, orders.ErrUpstream, orders.ErrConflict, orders.ErrNotFound, orders.ErrTaskClosed, orders.ErrCardUnreadable}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := classify("op", tt.err)
			for _, k := range kinds {
				if errors.Is(got, k) != (k == tt.want) {
					t.Errorf("classify(%v) matches %v = %v, want %v", tt.err, k, errors.Is(got, k), k == tt.want)
				}
			}
			if !errors.Is(got, tt.err) {
				t.Errorf("classify lost the original error: %v", got)
			}
		})
	}
}
