package dynamolocal

import (
	"sync"
	"time"

	"github.com/payflow-dev/payflow/localaws/awsid"
)

// regional is one region's DynamoDB: its tables, TTL sweep schedule and
// transaction tokens. It shares the Service's account, clock and
// operations.
type regional struct {
	*Service
	region string

	mu        sync.RWMutex
	tables    map[string]*table
	nextSweep time.Time
	// tokens are TransactWriteItems' ClientRequestTokens.
	tokens map[string]tokenRecord
}

// regionNamed returns the named region's DynamoDB, the configured region
// for "", creating it on first use.
func (s *Service) regionNamed(name string) *regional {
	if name == "" {
		name = s.region
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rg, ok := s.regions[name]
	if !ok {
		rg = &regional{Service: s, region: name, tables: map[string]*table{}, tokens: map[string]tokenRecord{},
			nextSweep: s.clock.Now().Add(s.sweepEvery)}
		s.regions[name] = rg
	}
	return rg
}

// allRegions lists the regions used so far.
func (s *Service) allRegions() []*regional {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*regional, 0, len(s.regions))
	for _, rg := range s.regions {
		out = append(out, rg)
	}
	return out
}

// tableArn is the ARN of a table in this region, in its partition.
func (s *regional) tableArn(name string) string {
	return awsid.NewARN("dynamodb", s.region, s.account, "table/"+name).String()
}
