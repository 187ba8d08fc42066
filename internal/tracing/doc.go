// Package tracing carries an X-Ray trace header through a function's
// work: it puts the header a payment message carries (SQS's
// AWSTraceHeader system attribute, which Step Functions sets when tracing
// is on) into the context of that message's processing, adds it to every
// AWS SDK call made with that context, so that SendTaskSuccess and the
// other task answers join the execution's trace, and adds the trace id
// and the Lambda request id to every log line.
//
// It is not an X-Ray client: it sends no segments of its own (Lambda's
// active tracing records the invocation); it only keeps the one trace
// from being cut at the queue.
package tracing
