// Package apifunc assembles the order API from its environment: it reads
// the function's configuration, builds the Step Functions and KMS clients,
// the orders.Service and the router, once, at cold start.
//
// It is what cmd/api runs, on Lambda or as a plain HTTP server, and what
// the local stack mounts behind its API Gateway emulation. It holds no
// logic of its own beyond wiring and configuration checks.
package apifunc
