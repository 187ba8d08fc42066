package sfnlocal

import (
	"context"
	"net/http"
	"sync"

	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"
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
	return scope{partition: awsid.Partition(s.region), region: s.region, account: s.account}
}

// requestScope is the scope a request is served in: the region it is
// signed for (the endpoint's default when unsigned) and its partition.
func (s *Service) requestScope(r *http.Request) scope {
	region := awsproto.RegionOr(r, s.region)
	return scope{partition: awsid.Partition(region), region: region, account: s.account}
}

// regions holds one store per region, created on first use.
type regions struct {
	mu     sync.Mutex
	stores map[string]*store
}

// storeOf returns the registry of the request's region.
func (s *Service) storeOf(ctx context.Context) *store {
	return s.storeFor(s.scopeOf(ctx).region)
}

// storeFor returns the registry of a region.
func (s *Service) storeFor(region string) *store {
	s.regions.mu.Lock()
	defer s.regions.mu.Unlock()
	st, ok := s.regions.stores[region]
	if !ok {
		st = newStore()
		s.regions.stores[region] = st
	}
	return st
}
