// Package stripemock runs stripe-mock, Stripe's own mock of its API
// (requests validated against Stripe's OpenAPI specification), as a child
// process on a free loopback port, for the Stripe adapter's tests, the
// end-to-end tests and `make run` with the Stripe processor.
//
// stripe-mock is a Go tool dependency of this module (`go tool
// stripe-mock`), so starting it needs nothing but the Go toolchain: Start
// asks `go tool -n stripe-mock` for the cached binary (building it the
// first time) and runs that binary itself, so that stopping it stops the
// server and not only a `go` parent.
//
// stripe-mock answers from fixtures and keeps no state: every
// PaymentIntent it returns is "requires_payment_method". A small front
// (front.go) before it sets the status Stripe gives a PaymentIntent
// confirmed with an approving test card ("succeeded", or
// "requires_capture" under manual capture) or cancelled ("canceled"), and
// echoes metadata; it can also record requests for tests. stripe-mock
// never declines, so decline and error paths are tested elsewhere, against
// an httptest server answering Stripe's documented error bodies.
//
// It is not a Stripe client and knows nothing of orders.
package stripemock
