// Package secretcache keeps one value read from AWS Secrets Manager, such
// as the payment processor's API key, for the life of a Lambda execution
// environment: read on first use, served from memory, re-read at most once
// per refresh interval so that a rotated key is picked up within minutes,
// and re-read early (but never more often than a minimum interval) when
// the caller reports that the value was refused.
//
// It is not a general cache and never writes secrets; it does not log or
// format the value it holds.
package secretcache
