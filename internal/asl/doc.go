// Package asl is an Amazon States Language interpreter: it parses and
// validates state machine definitions and runs executions of them, emitting
// the same history events Step Functions does.
//
// It speaks no HTTP and keeps no registry of state machines or executions:
// the Step Functions API (internal/sfnlocal) owns those and drives this
// package. Task states reach other services only through the Resources the
// caller provides, so the local queues and topics plug in without this
// package knowing them. Every wait reads an injected clock.
package asl
