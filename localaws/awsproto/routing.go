package awsproto

import "net/http"

// Routing tells the endpoint's router which requests belong to a service.
// The router tries, in order: the X-Amz-Target prefix, the SigV4 signing
// name, the query protocol's Action, then the path.
type Routing struct {
	// SigningName is the service name in SigV4 credential scopes, such as
	// "sqs", "states" or "dynamodb".
	SigningName string
	// TargetPrefix is the X-Amz-Target before the dot, such as "AmazonSQS"
	// or "DynamoDB_20120810"; empty for services without a JSON protocol.
	TargetPrefix string
	// Actions are the query-protocol Actions the service answers, so that
	// unsigned form posts (curl) still reach it; empty for JSON-only
	// services.
	Actions []string
	// Path, when set, claims requests by URL path alone (SQS queue URLs,
	// SNS's signing certificate).
	Path func(path string) bool
}

// Routable is a service the endpoint can serve: a handler that says which
// requests are its own.
type Routable interface {
	http.Handler
	// Routing describes the requests the service answers.
	Routing() Routing
}
