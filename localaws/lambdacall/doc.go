// Package lambdacall runs a function handler in-process the way the Lambda
// runtime runs it: past its timeout the invocation fails with Lambda's
// "Task timed out" error even if the handler is still running, and a panic
// fails the invocation instead of crashing the process. The API Gateway
// emulation, the SQS event source mapping and the Step Functions
// lambda:invoke integration all call handlers through it.
//
// It does not stop a handler that ignores its context (Go cannot): such a
// handler's goroutine runs on, and its late result is dropped.
package lambdacall
