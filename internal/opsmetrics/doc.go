// Package opsmetrics names the business and latency metrics the two
// functions publish, so that the template's alarms and dashboard, the
// README's runbook and the code agree on one list: orders by how the API
// answered them, payments by outcome and reason, authorization latency,
// and the callback's batch sizes and partial failures.
//
// Every metric has low-cardinality dimensions only. An order's id and
// execution ARN travel as properties of the document (searchable in Logs
// Insights), never as dimensions; card data never reaches this package,
// whose methods take no card fields.
package opsmetrics
