// Package dynamolocal is a local, in-memory stand-in for Amazon DynamoDB that
// speaks the AWS JSON 1.0 protocol (X-Amz-Target: DynamoDB_20120810.<Op>),
// so the AWS SDKs, the AWS CLI and Step Functions' DynamoDB tasks can use it
// unchanged.
//
// It keeps tables with their key schemas, global and local secondary
// indexes and TTL settings, and serves the item, query, scan, batch and
// transaction actions with DynamoDB's full expression languages (condition,
// update, key condition, filter and projection expressions). Numbers are
// exact decimals with DynamoDB's 38 significant digits, never binary
// floats. Errors carry AWS's codes and message wordings, so code that
// handles ConditionalCheckFailedException or a ValidationException locally
// handles it in AWS too.
//
// TTL follows AWS: an item whose TTL attribute lies in the past is still
// returned until a sweep deletes it; sweeps run on the injected clock.
//
// It is not durable storage and not a capacity simulator: everything lives
// in process memory, reads are always consistent, and throughput limits are
// not enforced. Streams, global tables, PartiQL, backups, imports and
// exports are refused with an explicit error.
package dynamolocal
