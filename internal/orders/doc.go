// Package orders is the payment domain: what an order is, how it is
// validated, which payment statuses a shop sees, the shapes that travel
// between the API, the state machine and the callback, and the service that
// places orders and reports their status.
//
// It knows nothing of HTTP, Lambda or the AWS SDK: it declares the few
// methods it needs from Step Functions and KMS as small interfaces, which the
// SDK clients satisfy. It is not a payment processor; the simulator that
// authorizes payments lives with the callback.
package orders
