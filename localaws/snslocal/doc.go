// Package snslocal is a local, in-memory stand-in for Amazon SNS that speaks
// the query protocol (Action=<Op>&Version=2010-03-31 with XML responses), the
// protocol the AWS SDKs and CLI use for SNS.
//
// It keeps standard and FIFO topics per region, evaluates filter policies
// on message attributes or on the message body, and delivers each
// published message to every matching subscription, wrapped in AWS's
// signed notification envelope or raw:
//
//   - sqs subscriptions through a QueueSink (a FIFOQueueSink for FIFO
//     topics), synchronously, so a Publish that returns has already handed
//     its message to every queue;
//   - http and https subscriptions in the background, after the endpoint
//     confirms the SubscriptionConfirmation it is sent (through its
//     SubscribeURL or ConfirmSubscription; Unsubscribe sends it an
//     UnsubscribeConfirmation whose SubscribeURL restores the
//     subscription), retried on 5xx answers and
//     transport errors as the delivery policy says, on the injected clock;
//   - lambda subscriptions through a FunctionSink, in the background, with
//     the SNS event Lambda functions receive;
//   - email and email-json subscriptions, after the address confirms
//     through the link of the confirmation mail, by recording the mail
//     (SentEmail lists them): nothing is mailed;
//   - sms subscriptions, and Publish to a PhoneNumber, by recording the
//     text (SentSMS lists them): nothing is sent;
//   - application subscriptions, and Publish to a platform endpoint's
//     TargetArn, by recording the push (SentPush lists them) when the
//     endpoint is enabled: nothing reaches a push service.
//
// A subscription with a RedrivePolicy sends what it could not deliver (a
// queue that is gone, a 4xx answer, retries run out) to its SQS
// dead-letter queue, as the subscriber would have received it.
//
// Envelopes are signed (SignatureVersion 1 or 2) with a key generated per
// Service, whose certificate ServeHTTP serves at CertPath, so a receiver
// verifies them the usual way. A failed delivery is logged and counted but
// never fails the Publish, as in AWS.
//
// It delivers to any URL a subscriber gives, as a local tool for the
// developer's own webhooks: it is not a gateway to put in front of
// untrusted callers. Topic policies are stored (AddPermission and
// RemovePermission edit them) but never enforced. SMS attributes and the
// opt-out list are kept per region, and so are mobile push applications
// and their device endpoints (credentials stored, never checked). The
// firehose protocol, message archiving and data protection policies are
// not emulated.
package snslocal
