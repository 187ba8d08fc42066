// Package awsendpoint is the local AWS endpoint: one http.Handler, served
// on 127.0.0.1:4566 by cmd/local, that routes each request to the Step
// Functions, SQS, SNS, KMS, Secrets Manager or DynamoDB emulator, so the AWS
// SDKs and CLI work against it unchanged. It also wires the emulators
// together in-process: the Step Functions task integrations for
// sqs:sendMessage, sns:publish, lambda:invoke and the dynamodb:getItem,
// putItem, updateItem and deleteItem tasks, and SNS delivery into SQS
// queues.
//
// The Router keeps no list of actions: each service describes the requests
// it answers (awsproto.Routing: X-Amz-Target prefix, SigV4 signing name,
// query actions, paths), and adding a service is one registration.
//
// It holds no protocol logic of its own; each emulator package implements
// its service's wire protocol with the shared plumbing of awsproto.
package awsendpoint
