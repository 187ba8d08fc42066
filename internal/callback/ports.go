package callback

import (
	"context"
	"time"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Tasks answers the task a workflow waits on for a payment.
// awsadapter.Tasks implements it with Step Functions. The three answers
// fail with an error wrapping orders.ErrTaskClosed when the workflow no
// longer waits (the task timed out or ended, or the token is invalid).
type Tasks interface {
	// Succeed answers with the authorization.
	Succeed(ctx context.Context, token string, a orders.Authorization) error
	// Fail answers with a named error and a cause a shop may read.
	Fail(ctx context.Context, token, errName, cause string) error
	// Heartbeat says the payment is still being worked on.
	Heartbeat(ctx context.Context, token string) error
	// ExecutionStatus reads the status of an execution (RUNNING,
	// SUCCEEDED, ...), to learn whether a closed task took our answer.
	ExecutionStatus(ctx context.Context, executionARN string) (string, error)
}

// CardOpener opens a card sealed for its order. awsadapter.CardKey
// implements it with KMS. A sealed card that will never open for that
// order is an error wrapping orders.ErrCardUnreadable; any other error is
// worth a retry.
type CardOpener interface {
	OpenCard(ctx context.Context, orderID string, sealed []byte) (orders.CardSecret, error)
}

// ChargeRecords is the durable record of each order's charge, shared by
// every callback environment. awsadapter.Charges implements it with
// conditional writes to DynamoDB.
type ChargeRecords interface {
	// Claim takes the order for claimant until leaseUntil, if it has no
	// record or only a claim whose lease ended before now. Otherwise it
	// returns the record as found and false.
	Claim(ctx context.Context, orderID, claimant string, now, leaseUntil time.Time) (orders.ChargeRecord, bool, error)
	// Settle stores the decision of a claim rec.Claimant still holds and,
	// in the same atomic write, deletes the order's card from the vault
	// when vaultRef is not empty (an absent card is no error). If the
	// claim is no longer held it changes nothing and fails with an error
	// wrapping orders.ErrConflict.
	Settle(ctx context.Context, rec orders.ChargeRecord, vaultRef string) error
	// Release gives up a claim that reached no decision.
	Release(ctx context.Context, orderID, claimant string) error
	// MarkVoided records that the approval was voided.
	MarkVoided(ctx context.Context, orderID string, at time.Time) error
}

// Notifier publishes a payment outcome on the notification topic.
// awsadapter.Notifier implements it with SNS.
type Notifier interface {
	Notify(ctx context.Context, n orders.Notification) error
}
