// Package eventsource runs an SQS event source mapping the way AWS Lambda
// does: a few pollers long-poll a queue through the SQS API, hand each batch
// to the function as an events.SQSEvent, and delete what the function
// processed. With ReportBatchItemFailures only the messages the function
// names as failed stay on the queue, to come back after the visibility
// timeout and, after the queue's maxReceiveCount, move to its dead-letter
// queue; a function error or panic leaves the whole batch on the queue.
//
// It is for hosting the callback function locally against any SQS endpoint.
// It does not scale pollers with the queue depth, and its batching window
// stops gathering as soon as the queue has nothing more to give rather than
// always waiting for the window to close.
package eventsource
