// Package snslocal is a local, in-memory stand-in for Amazon SNS that speaks
// the query protocol (Action=<Op>&Version=2010-03-31 with XML responses), the
// protocol the AWS SDKs and CLI use for SNS.
//
// It keeps standard topics and their SQS subscriptions, evaluates filter
// policies on message attributes or on the message body, and delivers each
// published message to every matching subscription through a QueueSink,
// either wrapped in AWS's signed notification envelope or raw. Delivery is
// synchronous, so a Publish that returns has already handed its message to
// every queue; a failed delivery is logged and counted but never fails the
// Publish, as in AWS.
//
// It is not a general SNS: FIFO topics, the http, email, lambda and mobile
// protocols, subscription confirmation, delivery retries and data protection
// policies are not emulated.
package snslocal
