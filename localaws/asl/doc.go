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
// An execution that failed, timed out or was aborted keeps where its
// threads stopped, so that Execution.Redrive can resume it as
// RedriveExecution does: the unfinished states run again with the input
// they had, the states that succeeded (Parallel branches and Map
// iterations included) keep their results.
//
// Input and output processing sits behind the small stateIO interface,
// with one implementation per query language: JSONPath (InputPath,
// Parameters, ResultSelector, ResultPath, OutputPath, intrinsic
// functions) and JSONata (Arguments, Output, "{% %}" expressions over
// $states, evaluated by localaws/jsonata). Workflow variables (Assign,
// $name in JSONPath paths and JSONata expressions) live in a scope per
// thread, so Parallel branches and Map iterations read the variables of
// the state set around them and keep their own. Distributed Map
// (ItemReader, ResultWriter, ItemBatcher) is not supported.
package asl
