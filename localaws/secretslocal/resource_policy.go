package secretslocal

import "encoding/json"

type resourcePolicyInput struct {
	secretIDInput
	ResourcePolicy string `json:"ResourcePolicy"`
}

type resourcePolicyOutput struct {
	secretRef
	ResourcePolicy string `json:"ResourcePolicy,omitempty"`
}

type validateResourcePolicyOutput struct {
	PolicyValidationPassed bool       `json:"PolicyValidationPassed"`
	ValidationErrors       []struct{} `json:"ValidationErrors"`
}

// checkPolicyDocument refuses a resource policy that is not a JSON object;
// nothing else of it is checked, and it is never enforced.
func checkPolicyDocument(policy string) error {
	var doc map[string]any
	if len(policy) < 1 || len(policy) > 20480 || json.Unmarshal([]byte(policy), &doc) != nil {
		return errorf(codeMalformedPolicy, "This resource policy contains a syntax error.")
	}
	return nil
}

// putResourcePolicy attaches a resource policy to a secret, stored as
// given and returned by GetResourcePolicy.
func (s *regional) putResourcePolicy(body []byte) (any, error) {
	check := func(in *resourcePolicyInput) error { return checkPolicyDocument(in.ResourcePolicy) }
	return onSecret(s, body, liveOnly, check, func(in *resourcePolicyInput, sec *secret) (any, error) {
		sec.policy = in.ResourcePolicy
		return secretRef{ARN: sec.arn, Name: sec.name}, nil
	})
}

// getResourcePolicy answers a secret's resource policy; the member is
// absent when it has none.
func (s *regional) getResourcePolicy(body []byte) (any, error) {
	return onSecret(s, body, anyState, nil, func(_ *secretIDInput, sec *secret) (any, error) {
		return resourcePolicyOutput{secretRef: secretRef{ARN: sec.arn, Name: sec.name}, ResourcePolicy: sec.policy}, nil
	})
}

// deleteResourcePolicy removes a secret's resource policy, if any.
func (s *regional) deleteResourcePolicy(body []byte) (any, error) {
	return onSecret(s, body, liveOnly, nil, func(_ *secretIDInput, sec *secret) (any, error) {
		sec.policy = ""
		return secretRef{ARN: sec.arn, Name: sec.name}, nil
	})
}

// validateResourcePolicy checks a policy's syntax (and that the SecretId,
// when given, names a secret). The local endpoint has no IAM, so every
// policy that parses passes; AWS would also check its grammar and warn
// about broad access.
func (s *regional) validateResourcePolicy(body []byte) (any, error) {
	var in resourcePolicyInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if in.SecretID != "" {
		s.mu.Lock()
		_, err := s.lookup(in.SecretID)
		s.mu.Unlock()
		if err != nil {
			return nil, err
		}
	}
	if err := checkPolicyDocument(in.ResourcePolicy); err != nil {
		return nil, err
	}
	return validateResourcePolicyOutput{PolicyValidationPassed: true, ValidationErrors: []struct{}{}}, nil
}
