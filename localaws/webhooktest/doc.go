// Package webhooktest is the subscriber's side of an SNS webhook, for
// tests: a real HTTP receiver on 127.0.0.1 that records what it is sent,
// and the signature check a receiver runs on each message (fetch the
// certificate at SigningCertURL, rebuild the signed string from the fields
// AWS documents for the message type, verify it with SHA1 or SHA256).
//
// It knows nothing of the emulators: the endpoint's SNS tests and the
// payment flow's end-to-end tests both hold the endpoint to what a
// storefront's webhook would accept. It is for tests only; nothing outside
// _test.go files imports it.
package webhooktest
