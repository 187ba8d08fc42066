package kmslocal

import (
	"slices"

	"github.com/payflow-dev/payflow/localaws/awsid"
)

type updatePrimaryRegionInput struct {
	KeyID         string `json:"KeyId"`
	PrimaryRegion string `json:"PrimaryRegion"`
}

// updatePrimaryRegion makes the replica of a multi-Region key in
// PrimaryRegion its primary; the key that was primary becomes a replica.
// AWS passes both through the Updating state for a while; here the change
// is immediate. The request names the current primary, in its region.
func (s *regional) updatePrimaryRegion(body []byte) (any, error) {
	var in updatePrimaryRegionInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if !awsid.ValidRegion(in.PrimaryRegion) {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'primaryRegion' failed to satisfy constraint: Member must be a Region name", in.PrimaryRegion)
	}
	s.mu.RLock()
	k, err := s.lookup(in.KeyID)
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	if k.mr == nil {
		return nil, errorf(codeUnsupported, "%s is not a multi-Region key", k.arn)
	}
	mr := k.mr
	mr.mu.Lock()
	defer mr.mu.Unlock()
	switch {
	case mr.primary != s.region:
		return nil, errorf(codeUnsupported, "%s is not a multi-region primary key.", k.arn)
	case in.PrimaryRegion == s.region:
		return nil, errorf(codeValidation, "%s is already the primary Region of %s", in.PrimaryRegion, k.arn)
	case !slices.Contains(mr.replicas, in.PrimaryRegion):
		return nil, errorf(codeNotFound, "%s has no replica in %s", k.arn, in.PrimaryRegion)
	}
	mr.replicas = slices.DeleteFunc(mr.replicas, func(r string) bool { return r == in.PrimaryRegion })
	mr.replicas = append(mr.replicas, mr.primary)
	mr.primary = in.PrimaryRegion
	return emptyOutput{}, nil
}
