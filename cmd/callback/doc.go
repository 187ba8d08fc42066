// Command callback is the payment queue's Lambda function: it authorizes
// each payment the state machine queued and answers the waiting task with
// SendTaskSuccess or SendTaskFailure.
//
// It only runs inside AWS Lambda (provided.al2023, arm64, built by the
// Makefile's build-CallbackFunction target). See internal/callback for what
// happens to each message and internal/functions for the environment it
// reads; the local stack runs the same handler in process.
package main
