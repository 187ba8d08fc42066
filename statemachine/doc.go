// Package statemachine holds the payment workflow's Amazon States Language
// definition, payment.asl.json, which template.yml deploys with
// DefinitionUri, and embeds it for Go tests and tools.
//
// The definition is the contract between the orders API (whose
// orders.PaymentRequest is the execution input), the callback (which reads
// the queued message and answers the task) and the shop (which reads the
// outcome from the execution status and the notification). The package's
// tests run it on the local Step Functions through the AWS SDK and hold it
// to that contract. It has no other code.
package statemachine
