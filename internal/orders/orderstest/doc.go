// Package orderstest provides in-memory fakes of the interfaces that
// package orders owns (ExecutionStarter, ExecutionDescriber, Sealer,
// Digester), for tests of orders and of the HTTP API built on it.
//
// The fakes behave like the services where it matters to the domain: Step
// Functions refuses a second execution of the same name with
// ExecutionAlreadyExists and answers DescribeExecution of an unknown ARN with
// ExecutionDoesNotExist; KMS really encrypts (AES-GCM bound to the
// encryption context) and really MACs (HMAC-SHA-256). They are not
// emulators of the AWS wire protocols; those live in the local endpoint
// packages.
package orderstest
