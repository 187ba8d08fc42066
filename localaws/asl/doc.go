// Package asl is an Amazon States Language interpreter: it parses and
// validates state machine definitions and runs executions of them, emitting
// the same history events Step Functions does.
//
// It speaks no HTTP and keeps no registry of state machines or executions:
// the Step Functions API (localaws/sfnlocal) owns those and drives this
// package. Task states reach other services only through the Resources the
// caller provides, so the local queues and topics plug in without this
// package knowing them. Every wait reads an injected clock.
//
// Executions are event-driven rather than goroutine-per-execution: a thread
// of states (the top level, a Parallel branch, a Map iteration) runs on
// whichever goroutine moves it and, while it waits for a Wait state, a retry
// interval, or a task token, it is only a struct plus a clock timer. So
// hundreds of thousands of executions can wait for callbacks, and a task
// token resolves through a map lookup whatever the number of waiters.
//
// Input and output processing sits behind the small stateIO interface.
// JSONPath is the implemented query language; JSONata (QueryLanguage,
// Arguments, Output, Assign) is rejected at Parse for now and would be a
// second implementation of that interface. Distributed Map (ItemReader,
// ResultWriter, ItemBatcher) is not supported either.
package asl
