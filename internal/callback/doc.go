// Package callback is the payment queue's consumer: the SQS batch handler
// the callback Lambda runs. For each message the state machine sent with
// sqs:sendMessage.waitForTaskToken it opens the sealed card,
// authorizes the charge and answers the waiting task with SendTaskSuccess
// or SendTaskFailure, sending SendTaskHeartbeat while the processor is slow.
//
// Every message gets exactly one of three fates, decided here and nowhere
// else:
//
//   - answered: the task got its result (approval, decline, or
//     Payment.InvalidRequest for a payload it cannot use), or the task was
//     already closed; the message is deleted.
//   - retried: something transient went wrong (the processor, KMS or Step
//     Functions throttling or failing); the message is reported in
//     BatchItemFailures and comes back after its visibility timeout, then
//     goes to the dead-letter queue after maxReceiveCount.
//   - dead-lettered: the message carries no usable task token, so no one
//     could ever be answered; it is retried like a transient failure so that
//     it ends in the dead-letter queue for a human to look at.
//
// One message never decides the fate of another. Card numbers and CVVs are
// never logged nor sent anywhere: logs carry orderId, brand, last4 and the
// outcome.
//
// The package is not the Lambda wiring (see internal/functions), not
// the AWS adapters (see internal/awsadapter) and not the processor (see
// orders.PaymentProcessor and internal/simulator).
package callback
