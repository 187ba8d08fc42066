// Package callbackfunc assembles the callback Lambda from its environment:
// it reads PAYMENT_MODE, HEARTBEAT_SECONDS, PAYMENT_LATENCY_MS and
// LOG_LEVEL, builds the Step Functions and KMS clients from the aws.Config
// it is given, and returns the SQS batch handler.
//
// It exists so that cmd/callback (the real Lambda) and the local stack (an
// in-process event source mapping) build exactly the same function. It holds
// no logic of its own beyond configuration.
package callbackfunc
