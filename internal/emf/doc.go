// Package emf writes CloudWatch Embedded Metric Format documents: one
// JSON object a line on the function's standard output, which Lambda
// sends to CloudWatch Logs and CloudWatch turns into metrics without an
// API call on the request path.
//
// It knows the format, not the service: which metrics exist and which
// dimensions they carry is decided by the callers (see package
// internal/opsmetrics). It refuses nothing at run time, but its tests and
// its callers' keep dimensions to low-cardinality values: an order's id
// may travel as a property (searchable in Logs Insights), never as a
// dimension.
package emf
