package dynamolocal

import (
	"time"
)

type ttlSpecificationWire struct {
	Enabled       bool   `json:"Enabled"`
	AttributeName string `json:"AttributeName"`
}

type updateTTLInput struct {
	TableName               string               `json:"TableName"`
	TimeToLiveSpecification ttlSpecificationWire `json:"TimeToLiveSpecification"`
}

type updateTTLOutput struct {
	TimeToLiveSpecification ttlSpecificationWire `json:"TimeToLiveSpecification"`
}

type ttlDescriptionWire struct {
	TimeToLiveStatus string `json:"TimeToLiveStatus"`
	AttributeName    string `json:"AttributeName,omitempty"`
}

type describeTTLOutput struct {
	TimeToLiveDescription ttlDescriptionWire `json:"TimeToLiveDescription"`
}

func (s *regional) updateTimeToLive(body []byte) (any, error) {
	var in updateTTLInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	spec := in.TimeToLiveSpecification
	if spec.AttributeName == "" {
		return nil, validation("1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.describedTable(in.TableName)
	if err != nil {
		return nil, err
	}
	switch {
	case spec.Enabled && t.ttl.enabled:
		return nil, validation("TimeToLive is already enabled")
	case !spec.Enabled && !t.ttl.enabled:
		return nil, validation("TimeToLive is already disabled")
	case !spec.Enabled && spec.AttributeName != t.ttl.attribute:
		return nil, validation("TimeToLive attribute name %s does not match the enabled attribute %s", spec.AttributeName, t.ttl.attribute)
	}
	t.ttl = ttlSpec{enabled: spec.Enabled, attribute: spec.AttributeName}
	return updateTTLOutput{TimeToLiveSpecification: spec}, nil
}

func (s *regional) describeTimeToLive(body []byte) (any, error) {
	var in tableNameInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.describedTable(in.TableName)
	if err != nil {
		return nil, err
	}
	if !t.ttl.enabled {
		return describeTTLOutput{TimeToLiveDescription: ttlDescriptionWire{TimeToLiveStatus: "DISABLED"}}, nil
	}
	return describeTTLOutput{TimeToLiveDescription: ttlDescriptionWire{TimeToLiveStatus: "ENABLED", AttributeName: t.ttl.attribute}}, nil
}

// ttlHorizon is how far in the past a TTL may lie and still expire an
// item: AWS ignores values more than five years old.
const ttlHorizon = 5 * 365 * 24 * time.Hour

// expired reports whether the table's TTL attribute of it is a number of
// epoch seconds at or before now (and not more than five years before).
func (t *table) expired(it Item, now time.Time) bool {
	if !t.ttl.enabled {
		return false
	}
	v, ok := it[t.ttl.attribute]
	if !ok || v.kind != kindN {
		return false
	}
	d := mustNumber(v.str)
	nowSec := decimal{coef: bigInt(now.Unix()), exp: 0}
	oldest := decimal{coef: bigInt(now.Add(-ttlHorizon).Unix()), exp: 0}
	return d.cmp(nowSec) <= 0 && d.cmp(oldest) >= 0
}

// Sweep deletes every expired TTL item of every region now, as AWS's
// background process eventually does, and returns how many it deleted. The
// Service also sweeps a region on its own every Config.SweepInterval.
func (s *Service) Sweep() int {
	n := 0
	for _, rg := range s.allRegions() {
		n += rg.sweep()
	}
	return n
}

func (s *regional) sweep() int {
	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextSweep = now.Add(s.sweepEvery)
	for token, rec := range s.tokens {
		if now.Sub(rec.at) >= idempotencyWindow {
			delete(s.tokens, token)
		}
	}
	n := 0
	for _, t := range s.tables {
		for k, it := range t.items {
			if t.expired(it, now) {
				delete(t.items, k)
				n++
			}
		}
	}
	return n
}

// maybeSweep sweeps when the interval has passed on the clock.
func (s *regional) maybeSweep() {
	s.mu.RLock()
	due := !s.clock.Now().Before(s.nextSweep)
	s.mu.RUnlock()
	if due {
		s.sweep()
	}
}
