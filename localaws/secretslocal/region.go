package secretslocal

import (
	"net/http"
	"sync"

	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// regional is the Secrets Manager of one region: its secrets, and the
// region and partition their ARNs carry.
type regional struct {
	*Service
	region, partition string

	mu      sync.Mutex
	secrets map[string]*secret // by name
}

// regionOf returns the Secrets Manager of the region a request is signed
// for, the configured region for unsigned requests, creating it on first
// use.
func (s *Service) regionOf(r *http.Request) *regional {
	name := awsproto.RegionOr(r, s.region)
	s.mu.Lock()
	defer s.mu.Unlock()
	rg, ok := s.regions[name]
	if !ok {
		rg = &regional{Service: s, region: name, partition: awsid.Partition(name), secrets: make(map[string]*secret)}
		s.regions[name] = rg
	}
	return rg
}
