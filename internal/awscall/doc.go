// Package awscall bounds the AWS SDK calls a request handler makes: a
// timeout on every HTTP attempt, and a standard retryer with a small,
// deliberate number of attempts and a short backoff, so that a call that
// cannot succeed gives up well inside the request's budget instead of
// waiting on a silent endpoint until the client or Lambda gives up.
//
// It only configures an aws.Config; it makes no call itself and knows
// nothing of the services called. The request's own deadline (the HTTP
// edge's budget) still bounds the whole call, retries included.
package awscall
