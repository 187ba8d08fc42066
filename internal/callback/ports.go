package callback

import (
	"context"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Tasks answers the task a workflow waits on for a payment.
// awsadapter.Tasks implements it with Step Functions. Every method fails
// with an error wrapping orders.ErrTaskClosed when the workflow no longer
// waits (the task timed out or ended, or the token is invalid).
type Tasks interface {
	// Succeed answers with the authorization.
	Succeed(ctx context.Context, token string, a orders.Authorization) error
	// Fail answers with a named error and a cause a shop may read.
	Fail(ctx context.Context, token, errName, cause string) error
	// Heartbeat says the payment is still being worked on.
	Heartbeat(ctx context.Context, token string) error
}

// CardOpener opens a card sealed for its order. awsadapter.CardKey
// implements it with KMS. A sealed card that will never open for that
// order is an error wrapping orders.ErrCardUnreadable; any other error is
// worth a retry.
type CardOpener interface {
	OpenCard(ctx context.Context, orderID string, sealed []byte) (orders.CardSecret, error)
}
