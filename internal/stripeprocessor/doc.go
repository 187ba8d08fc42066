// Package stripeprocessor is the payment processor port implemented with
// Stripe (github.com/stripe/stripe-go): Authorize creates and confirms a
// PaymentIntent for the order's amount in minor units, with the orderId as
// Idempotency-Key and in metadata, so that a retried or redelivered charge
// is one charge on Stripe's side too; Void cancels an uncaptured
// PaymentIntent or refunds a captured one.
//
// Stripe's answers become the workflow's outcomes in one place
// (outcome.go): declines keep Stripe's decline code in the reason, 3-D
// Secure becomes Payment.AuthenticationRequired, and rate limits,
// connection failures and 5xx become transient errors (the queue message
// is retried, then dead-lettered). Every call runs under a deadline well
// inside the callback's timeout.
//
// It is not a Stripe integration for storefronts: it never handles
// customers, webhooks or Checkout. The secret key comes from a KeySource
// (in the deployed stack, Secrets Manager through internal/secretcache)
// and never appears in errors or logs.
package stripeprocessor
