package callback

import (
	"errors"

	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// taskClosed reports whether Step Functions refused a Send* call because the
// task can no longer be answered: it timed out, it finished, or the token
// was never valid. Retrying such a message would only fail again.
func taskClosed(err error) bool {
	var (
		timedOut *sfntypes.TaskTimedOut
		gone     *sfntypes.TaskDoesNotExist
		invalid  *sfntypes.InvalidToken
	)
	return errors.As(err, &timedOut) || errors.As(err, &gone) || errors.As(err, &invalid)
}

// sealRejected reports whether KMS refused to open a sealed card because of
// the ciphertext itself (corrupt, sealed for another order, or under another
// key). Such a card will never open, so the order is answered with
// Payment.InvalidRequest. Every other KMS error (throttling, an
// unavailable key, a network failure) is worth a retry.
func sealRejected(err error) bool {
	var (
		corrupt  *kmstypes.InvalidCiphertextException
		wrongKey *kmstypes.IncorrectKeyException
	)
	return errors.As(err, &corrupt) || errors.As(err, &wrongKey)
}
