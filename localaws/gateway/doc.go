// Package gateway stands in for an Amazon API Gateway HTTP API in front of
// one Lambda function: it turns each incoming HTTP request into the event of
// payload format version 2.0 (events.APIGatewayV2HTTPRequest), calls the
// function's handler, and writes the handler's response back as API Gateway
// would, including its own error responses ({"message":"Not Found"} for an
// unknown route, {"message":"Internal Server Error"} when the function
// fails, {"message":"Request Entity Too Large"} past 10 MB).
//
// It is for running the API function locally with the same Lambda adapter
// as in AWS. It does not emulate authorizers, throttling, CORS, custom
// domains or stages other than $default.
package gateway
