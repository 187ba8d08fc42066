// Package awsproto is the wire plumbing the local AWS emulators share: one
// error type, the writers for the AWS JSON 1.0/1.1 and query (XML)
// protocols, the decoders for JSON bodies and query forms, the message
// attribute name rule SQS and SNS share, request IDs, the region a request
// is signed for, and the description a service gives the endpoint's router
// (Routing).
//
// A service uses it like this:
//
//   - Its actions return *Error for anything a client should see (built with
//     Errorf, or Internalf for the service's own faults), and the service
//     turns any other error into its internal error once, at the edge, with
//     AsError.
//   - It describes its protocol once, as a JSON or Query value (the JSON
//     version and __type prefix, or the XML namespace and the query names of
//     its error codes), and writes every answer through it:
//     WriteResult / WriteError. A service that speaks only AWS JSON, one
//     operation per X-Amz-Target, can leave the whole request to ServeJSON
//     (method, target, body limit, result or error) given a JSONAPI.
//   - It reads input with DecodeJSON or ReadForm and the Form accessors
//     (lists, numbered entries, key/value maps), which bound what a hostile
//     request can make them do.
//   - It keeps its resources per region and mints ARNs with
//     awsid.NewARN(service, region, account, resource), where region is
//     RegionOf(r) (or RegionOr(r, its own default) when it may be served
//     alone), so a resource created through eu-west-1 carries eu-west-1 and
//     its partition.
//   - It implements Routable (its Routing: SigV4 signing name, X-Amz-Target
//     prefix, query actions, paths) so the endpoint's router finds it with
//     one registration.
//
// It knows no service's actions or error codes, holds no state, and does
// not check signatures: the emulators accept any credentials.
package awsproto
