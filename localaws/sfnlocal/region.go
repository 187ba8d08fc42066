package sfnlocal

import (
	"context"
	"net/http"
	"strings"
	"sync"
)

// scope is the partition, region and account a request is served in: every
// state machine and execution belongs to one, and its ARNs say which.
type scope struct {
	partition, region, account string
}

// scopeKey carries a request's scope through its context.
type scopeKey struct{}

// scopeOf returns the scope the request's context carries, or the
// default region's for a context that carries none.
func (s *Service) scopeOf(ctx context.Context) scope {
	if sc, ok := ctx.Value(scopeKey{}).(scope); ok {
		return sc
	}
	return scope{partition: partitionOf(s.region), region: s.region, account: s.account}
}

// requestScope reads the region of a request from its SigV4 credential
// scope (AKID/date/region/service/aws4_request), in the Authorization header
// or a presigned URL; unsigned requests are served in the default region.
//
// This is a stop-gap until the shared plumbing package offers the same.
func (s *Service) requestScope(r *http.Request) scope {
	region := s.region
	cred := r.URL.Query().Get("X-Amz-Credential")
	if auth := r.Header.Get("Authorization"); auth != "" {
		_, after, _ := strings.Cut(auth, "Credential=")
		cred, _, _ = strings.Cut(after, ",")
	}
	if parts := strings.Split(strings.TrimSpace(cred), "/"); len(parts) == 5 && parts[2] != "" {
		region = parts[2]
	}
	return scope{partition: partitionOf(region), region: region, account: s.account}
}

// partitionOf names the AWS partition a region belongs to.
func partitionOf(region string) string {
	for _, p := range []struct{ prefix, partition string }{
		{"cn-", "aws-cn"},
		{"us-gov-", "aws-us-gov"},
		{"us-isob-", "aws-iso-b"},
		{"us-iso-", "aws-iso"},
		{"eu-isoe-", "aws-iso-e"},
		{"us-isof-", "aws-iso-f"},
		{"eusc-", "aws-eusc"},
	} {
		if strings.HasPrefix(region, p.prefix) {
			return p.partition
		}
	}
	return "aws"
}

// regions holds one store per region, created on first use.
type regions struct {
	mu     sync.Mutex
	stores map[string]*store
}

// storeOf returns the registry of the request's region.
func (s *Service) storeOf(ctx context.Context) *store {
	region := s.scopeOf(ctx).region
	s.regions.mu.Lock()
	defer s.regions.mu.Unlock()
	st, ok := s.regions.stores[region]
	if !ok {
		st = newStore()
		s.regions.stores[region] = st
	}
	return st
}
