// Package sqslocal is a local, in-memory Amazon SQS that the real AWS SDKs
// and CLIs talk to unchanged.
//
// One Service answers both of SQS's wire protocols on the same handler: the
// AWS JSON 1.0 protocol that current SDKs use (X-Amz-Target: AmazonSQS.<Op>)
// and the older query protocol (form-encoded Action=<Op>, XML answers) that
// older CLIs and SDKs still speak. Queue URLs look like AWS's path-style
// ones, {base}/{account}/{name}, and query requests may be posted straight
// to them. Other packages (Step Functions and SNS integrations) deliver
// messages in-process through Service.Send.
//
// Time comes from an injected clock.Clock, so visibility timeouts, delays,
// retention and long polls can be driven by a fake clock in tests.
//
// FIFO queues keep per-group order (a group hands out nothing that comes
// after a message in flight), number their messages and deduplicate by
// MessageDeduplicationId or content over a five-minute window, across the
// queue or per message group (DeduplicationScope, fixed at creation).
//
// Queues are per region: a request reaches the queues of the region its
// SigV4 credential scope names, and queue ARNs carry that region. Message
// move tasks (StartMessageMoveTask and friends) redrive a dead-letter
// queue's messages on the same clock.
//
// It is not a durable store and not a security boundary: messages live in
// memory, any credentials are accepted (one account for every caller) and
// queue policies (set directly or written by AddPermission and
// RemovePermission) are stored but never enforced. High-throughput FIFO
// limits are not emulated.
package sqslocal
