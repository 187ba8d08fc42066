// Package awsendpoint is the local AWS endpoint: one http.Handler, served
// on 127.0.0.1:4566 by cmd/local, that routes each request to the Step
// Functions, SQS, SNS or KMS emulator by X-Amz-Target, SigV4 credential
// scope, query-protocol Action or queue URL path, so the AWS SDKs and CLI
// work against it unchanged. It also wires the emulators together
// in-process: the Step Functions task integrations for sqs:sendMessage and
// sns:publish, and SNS delivery into SQS queues.
//
// It holds no protocol logic of its own; each emulator package implements
// its service's wire protocol.
package awsendpoint
