// Package console is a small web console for the local AWS endpoint: the
// Step Functions executions with their status, each drawn as its state
// machine graph with the path it took and its history, the callback tasks
// still waiting for a token, the queues with their depth and dead-letter
// queue, the topics with their subscriptions, and whatever the caller
// feeds it as notifications and metrics.
//
// It reads the emulators through their public AWS APIs with the AWS SDK,
// as any other client would, so it shows what the CLI would show; the
// page itself is embedded in the binary, needs no build step and no
// network, and polls a JSON view of the endpoint once a second.
//
// It is not for AWS: it knows nothing of accounts beyond the one endpoint
// it is given, and nothing of what the executions do (payments or not).
// It is served on the endpoint's loopback listener only.
package console
