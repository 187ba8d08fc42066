// Package functions assembles the two Lambda functions of template.yml
// from their environment, once, at cold start: the order API (API, an
// http.Handler over the orders.Service) and the payment callback
// (Callback, the SQS batch handler).
//
// Both are built the same way: from the same Deps, with the same rules for
// required and optional environment variables (every problem reported at
// once, nothing filled in silently), one LOG_LEVEL parser applied to the
// logger the caller supplies, and the same AWS adapters. cmd/api and
// cmd/callback run them on Lambda (cmd/api also as a plain HTTP server),
// and cmd/local/hosted runs the very same functions under `make run`, so
// the three behave alike.
//
// It holds no logic of its own beyond configuration and wiring.
package functions
