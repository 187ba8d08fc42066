package kmslocal

import "fmt"

// defaultPolicyName is the only key policy name KMS has.
const defaultPolicyName = "default"

// defaultPolicy is the key policy AWS gives a key created without one: the
// account's root may do everything, so IAM policies decide. It is stored
// and returned, never enforced.
func (s *regional) defaultPolicy() string {
	return fmt.Sprintf(`{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:%s:iam::%s:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`, s.partition, s.account)
}

// checkPolicy applies the API's length limit. The document itself is
// stored as given: policies are never enforced here, and of AWS's own
// checks on a new policy only the part of the lockout safety check that
// needs no IAM is made (checkLockout); whether the principals exist is not.
func checkPolicy(p *string) error {
	if p != nil && (len(*p) < 1 || len(*p) > 131072) {
		return errorf(codeValidation, "1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length between 1 and 131072")
	}
	return nil
}

// checkPolicyName accepts the one policy name there is.
func checkPolicyName(name *string) error {
	if name != nil && *name != defaultPolicyName {
		return errorf(codeNotFound, "No such policy exists")
	}
	return nil
}

type keyPolicyInput struct {
	KeyID      string  `json:"KeyId"`
	PolicyName *string `json:"PolicyName"`
	Policy     *string `json:"Policy"`
	// BypassPolicyLockoutSafetyCheck skips checkLockout, as on AWS.
	BypassPolicyLockoutSafetyCheck bool `json:"BypassPolicyLockoutSafetyCheck"`
}

type getKeyPolicyOutput struct {
	Policy     string `json:"Policy"`
	PolicyName string `json:"PolicyName"`
}

// getKeyPolicy returns a key's policy.
func (s *regional) getKeyPolicy(body []byte) (any, error) {
	var in keyPolicyInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, err := s.lookupKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if err := checkPolicyName(in.PolicyName); err != nil {
		return nil, err
	}
	return getKeyPolicyOutput{Policy: k.policy, PolicyName: defaultPolicyName}, nil
}

// putKeyPolicy replaces a key's policy.
func (s *regional) putKeyPolicy(body []byte) (any, error) {
	var in keyPolicyInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if in.Policy == nil {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'policy' failed to satisfy constraint: Member must not be null")
	}
	if err := checkPolicy(in.Policy); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.lookupKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if in.PolicyName != nil && *in.PolicyName != defaultPolicyName {
		return nil, errorf(codeUnsupported, "Only the default key policy is supported")
	}
	if k.state == statePendingDeletion {
		return nil, errPendingDeletion(k)
	}
	if err := checkLockout(in.Policy, in.BypassPolicyLockoutSafetyCheck); err != nil {
		return nil, err
	}
	k.policy = *in.Policy
	return emptyOutput{}, nil
}

type listKeyPoliciesOutput struct {
	PolicyNames []string `json:"PolicyNames"`
	Truncated   bool     `json:"Truncated"`
}

// listKeyPolicies lists the one policy every key has.
func (s *regional) listKeyPolicies(body []byte) (any, error) {
	var in listInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if _, err := in.pageLimit(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.lookupKey(in.KeyID); err != nil {
		return nil, err
	}
	return listKeyPoliciesOutput{PolicyNames: []string{defaultPolicyName}}, nil
}
