package awsproto

import (
	"context"
	"net/http"
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsid"
)

// Scope is a SigV4 credential scope: AKID/date/region/service/aws4_request.
type Scope struct {
	// AccessKey is the access key ID the request was signed with.
	AccessKey string
	// Date is the scope's yyyymmdd date.
	Date string
	// Region is the region the request was signed for, e.g. "eu-west-1".
	Region string
	// Service is the signing name, e.g. "sqs" or "states".
	Service string
}

// CredentialScope reads the SigV4 credential scope of r from its
// Authorization header or, for a presigned URL, its X-Amz-Credential query
// parameter. ok is false for unsigned requests and malformed scopes. The
// signature is not checked.
func CredentialScope(r *http.Request) (s Scope, ok bool) {
	cred := ""
	if auth := r.Header.Get("Authorization"); auth != "" {
		_, after, found := strings.Cut(auth, "Credential=")
		if !found {
			return Scope{}, false
		}
		cred, _, _ = strings.Cut(after, ",")
	} else {
		cred = r.URL.Query().Get("X-Amz-Credential")
	}
	parts := strings.Split(strings.TrimSpace(cred), "/")
	if len(parts) != 5 || parts[4] != "aws4_request" {
		return Scope{}, false
	}
	return Scope{AccessKey: parts[0], Date: parts[1], Region: parts[2], Service: parts[3]}, true
}

type defaultRegionKey struct{}

// WithDefaultRegion returns ctx carrying the region RegionOf answers for
// requests that name none (unsigned requests such as curl's). The endpoint
// sets it to its configured region.
func WithDefaultRegion(ctx context.Context, region string) context.Context {
	return context.WithValue(ctx, defaultRegionKey{}, region)
}

// RegionOf returns the region a request addresses: its SigV4 credential
// scope's region when that looks like a region name, else the default the
// endpoint put in the request's context, else awsid.DefaultRegion.
func RegionOf(r *http.Request) string {
	if region, ok := r.Context().Value(defaultRegionKey{}).(string); ok && region != "" {
		return RegionOr(r, region)
	}
	return RegionOr(r, awsid.DefaultRegion)
}

// RegionOr returns the region of r's SigV4 credential scope when that looks
// like a region name, else fallback: for a service that has its own
// configured default region (it is served alone, not behind the endpoint).
func RegionOr(r *http.Request, fallback string) string {
	if s, ok := CredentialScope(r); ok && awsid.ValidRegion(s.Region) {
		return s.Region
	}
	return fallback
}
