package kmslocal

import (
	"net/http"
	"sync"

	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// regional is one region's KMS: its keys and aliases. It shares the
// Service's account, clock and randomness.
type regional struct {
	*Service
	region, partition string

	mu      sync.RWMutex
	keys    map[string]*key   // by key id
	aliases map[string]*alias // by alias name, "alias/..."
}

// regionOf returns the KMS of the region a request is signed for, the
// configured region for unsigned requests, creating it on first use.
func (s *Service) regionOf(r *http.Request) *regional {
	return s.regionNamed(awsproto.RegionOr(r, s.region))
}

// regionNamed returns the KMS of a region, creating it on first use.
func (s *Service) regionNamed(name string) *regional {
	s.mu.Lock()
	defer s.mu.Unlock()
	rg, ok := s.regions[name]
	if !ok {
		rg = &regional{
			Service:   s,
			region:    name,
			partition: awsid.Partition(name),
			keys:      make(map[string]*key),
			aliases:   make(map[string]*alias),
		}
		s.regions[name] = rg
	}
	return rg
}
