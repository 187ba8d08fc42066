// Package orders is the payment domain: what an order is and the rules it
// obeys (the card, amount and currency rules live here once and for all,
// for the API, the callback and the simulator alike), the payment statuses
// a shop sees, the shapes that travel between the API, the state machine
// and the callback (payment.go), and the Service that places orders and
// reports their status.
//
// The domain owns its ports, shaped like the domain rather than like any
// SDK: PaymentWorkflows (start and describe the workflow of an order),
// CardSealer (seal a card for its order), OrderDigester (a keyed digest of
// an order) and PaymentProcessor (authorize and void a charge). Package
// internal/awsadapter implements the first three with Step Functions and
// KMS and classifies AWS errors into this package's error kinds
// (ErrInvalid, ErrNotFound, ErrConflict, ErrUnavailable, ErrUpstream,
// ErrTaskClosed, ErrCardUnreadable), so callers use errors.Is and never see
// SDK types; package orderstest fakes them.
//
// It knows nothing of HTTP, Lambda or AWS, and it is not a payment
// processor: the simulator lives in internal/simulator.
package orders
