// Package orderstest provides in-memory fakes of the ports that package
// orders owns (PaymentWorkflows, CardSealer, OrderDigester), for tests of
// orders and of the HTTP API built on it.
//
// The fakes behave like the services behind the real adapters where it
// matters to the domain. Workflows models Step Functions' StartExecution
// idempotency exactly: a start with the name and the input of a running
// execution returns that execution, and a start with a used name and
// another input, or with any input once the execution has ended, is
// refused (ErrConflict). Keys really encrypts (AES-GCM bound to the order)
// and really MACs (HMAC-SHA-256). They are not emulators of AWS wire
// protocols; those live in localaws.
package orderstest
