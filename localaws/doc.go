// Package localaws starts a local AWS endpoint in-process, for any Go
// test or program that wants real AWS SDK clients to talk to Step
// Functions, SQS, SNS, KMS, DynamoDB and Secrets Manager without an AWS
// account, Docker or network:
//
//	ep := localaws.Start(t, localaws.Options{}) // closed by t.Cleanup
//	client := sqs.NewFromConfig(ep.AWSConfig())
//
// What is emulated, in memory and on an injectable clock: the Step
// Functions API and its ASL engine (with the sqs:sendMessage, sns:publish
// and lambda:invoke task integrations wired in-process), SQS (JSON and query
// protocols, standard and FIFO queues, long polling, dead-letter queues),
// SNS (topics, filter policies, delivery to SQS), KMS (symmetric keys,
// aliases, data keys, HMAC), DynamoDB (tables, indexes, expressions, batches
// and transactions) and Secrets Manager. Each package's doc lists its gaps;
// awsendpoint routes requests to them.
//
// What is refused: requests whose Host is not a loopback name or address
// (unless listed in Options.AllowHosts), browser requests from other web
// pages (a foreign Origin, cross-site fetch metadata, browser form posts),
// and requests for any other AWS service (400 UnknownServiceException).
// Credentials are accepted without checking signatures, and IAM policies
// are not enforced: it is a test double, not a security boundary.
//
// The subpackages are usable on their own (an emulator as an http.Handler,
// the ASL engine, the CloudFormation/SAM reader and the stack builder); this
// package only assembles and serves them.
package localaws
