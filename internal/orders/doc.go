// Package orders is the payment domain: what an order is and how it is
// validated, the payment statuses a shop sees, the shapes that travel
// between the API, the state machine and the callback (payment.go), and the
// Service that places orders and reports their status.
//
// The Service talks to Step Functions and KMS through four one-method
// interfaces it owns (ExecutionStarter, ExecutionDescriber, Sealer,
// Digester), which *sfn.Client and *kms.Client satisfy and which
// package orderstest fakes. SDK errors are classified into the package's
// error kinds (ErrInvalid, ErrNotFound, ErrConflict, ErrUnavailable,
// ErrUpstream) in one place, so callers use errors.Is and never see SDK
// types.
//
// It knows nothing of HTTP or Lambda, and it is not a payment processor:
// the simulator that authorizes payments lives with the callback.
package orders
