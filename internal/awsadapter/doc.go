// Package awsadapter implements the service's ports with the AWS SDK for
// Go v2: the payment workflows (orders.PaymentWorkflows) and the answers to
// their tasks (callback.Tasks) with Step Functions, the card key
// (orders.CardSealer, callback.CardOpener) and the order MAC
// (orders.OrderDigester) with KMS.
//
// It is the one place that knows the SDK's types and error codes: every
// error it returns wraps one of the orders error kinds (ErrConflict,
// ErrNotFound, ErrUnavailable, ErrUpstream, ErrTaskClosed,
// ErrCardUnreadable) when AWS's answer fits one, so callers use errors.Is
// and never import an SDK package (classify.go). It holds no payment logic:
// what to start, seal or answer is decided by orders and callback.
package awsadapter
