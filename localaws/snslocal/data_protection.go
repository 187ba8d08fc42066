package snslocal

import "encoding/json"

type dataProtectionResult struct {
	DataProtectionPolicy string `xml:"DataProtectionPolicy"`
}

// putDataProtectionPolicyAction stores a topic's data protection policy.
// It is kept as given and returned by GetDataProtectionPolicy, never
// applied: the local SNS masks and audits nothing. As on AWS the topic's
// attributes do not list it (LocalStack's AWS-validated
// test_data_protection_policy_crud).
func (s *Service) putDataProtectionPolicyAction(req *request) (any, error) {
	policy := req.params["DataProtectionPolicy"]
	var doc map[string]any
	if json.Unmarshal([]byte(policy), &doc) != nil {
		return nil, invalidParameter("DataProtectionPolicy: failed to parse JSON.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookupTopic(req.region, "ResourceArn", req.params["ResourceArn"])
	if err != nil {
		return nil, err
	}
	t.dataProtection = policy
	return emptyResult{}, nil
}

// getDataProtectionPolicyAction answers a topic's data protection policy,
// empty when it has none.
func (s *Service) getDataProtectionPolicyAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.lookupTopic(req.region, "ResourceArn", req.params["ResourceArn"])
	if err != nil {
		return nil, err
	}
	return dataProtectionResult{DataProtectionPolicy: t.dataProtection}, nil
}
