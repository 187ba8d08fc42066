// Package gateway stands in for an Amazon API Gateway HTTP API in front of
// one Lambda function: it turns each incoming HTTP request into the event of
// payload format version 2.0 (events.APIGatewayV2HTTPRequest), calls the
// function's handler, and writes the handler's response back as API Gateway
// would, including its own error responses ({"message":"Not Found"} for an
// unknown route, {"message":"Internal Server Error"} when the function
// fails, {"message":"Request Entity Too Large"} past 10 MB).
//
// Routes may require authorization as in AWS: AWS_IAM verifies Signature
// Version 4 for the execute-api service against configured credentials
// (403 with API Gateway's messages otherwise), and JWT validates RS256
// tokens against the issuer's JWKS (401 Unauthorized otherwise); the
// caller reaches the function in requestContext.authorizer.
//
// It is for running the API function locally with the same Lambda adapter
// as in AWS. It does not emulate Lambda authorizers, IAM policies (any
// known access key may call), throttling, CORS, custom domains or stages
// other than $default.
package gateway
