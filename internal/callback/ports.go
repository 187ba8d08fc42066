package callback

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/payflow-dev/payflow/internal/payments"
)

// TaskReporter answers the task waiting for a payment. *sfn.Client
// satisfies it.
type TaskReporter interface {
	SendTaskSuccess(ctx context.Context, in *sfn.SendTaskSuccessInput, optFns ...func(*sfn.Options)) (*sfn.SendTaskSuccessOutput, error)
	SendTaskFailure(ctx context.Context, in *sfn.SendTaskFailureInput, optFns ...func(*sfn.Options)) (*sfn.SendTaskFailureOutput, error)
	SendTaskHeartbeat(ctx context.Context, in *sfn.SendTaskHeartbeatInput, optFns ...func(*sfn.Options)) (*sfn.SendTaskHeartbeatOutput, error)
}

// Unsealer opens a sealed card. *kms.Client satisfies it.
type Unsealer interface {
	Decrypt(ctx context.Context, in *kms.DecryptInput, optFns ...func(*kms.Options)) (*kms.DecryptOutput, error)
}

// Authorizer charges a card. *payments.Processor satisfies it. It returns a
// *payments.Decline for a definitive refusal and an error wrapping
// payments.ErrTransient when the charge should be retried.
type Authorizer interface {
	Authorize(ctx context.Context, c payments.Charge) (payments.Approval, error)
}
