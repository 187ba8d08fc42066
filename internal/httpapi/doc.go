// Package httpapi is the HTTP edge of the order service: the chi router
// (every route is in routes.go), request decoding and validation, RFC 9457
// problem responses, request logging and panic recovery, and the adapter
// that serves the same router from Lambda behind an API Gateway HTTP API
// (payload format 2.0).
//
// It holds no business rules: it turns requests into calls on the
// orders.Service and the errors those calls return into HTTP statuses, in
// exactly one function (problemFor). api/openapi.yaml documents what it
// serves, and a test keeps the two in step.
package httpapi
