package kmslocal

import (
	"encoding/json"
	"slices"
	"strings"
)

// codeMalformedPolicy is the code AWS answers a key policy it refuses with.
const codeMalformedPolicy = "MalformedPolicyDocumentException"

// errLockout is AWS's answer when a new key policy fails the key policy
// lockout safety check. The wording is AWS's, as boto3 printed it for a
// refused PutKeyPolicy (data-dot-all/dataall #956) and Terraform for a
// refused CreateKey (terraform-aws-modules/terraform-aws-kms #14).
func errLockout() *Error {
	return errorf(codeMalformedPolicy, "The new key policy will not allow you to update the key policy in the future.")
}

// checkLockout is the part of AWS's key policy lockout safety check that
// can be decided without IAM. Unless the request sets
// BypassPolicyLockoutSafetyCheck, AWS refuses a key policy (CreateKey,
// PutKeyPolicy, ReplicateKey) that would not let the caller make a later
// PutKeyPolicy request on the key. Who the caller is would need IAM, so
// only policies that let nobody do so are refused here: no Allow statement
// can grant kms:PutKeyPolicy, or an unconditional Deny takes it from every
// principal. A policy this check cannot read (not JSON, no Statement) is
// left alone: it refuses nothing AWS would accept.
func checkLockout(policy *string, bypass bool) error {
	if policy == nil || bypass {
		return nil
	}
	statements, ok := policyStatements(*policy)
	if !ok {
		return nil
	}
	allowed := false
	for _, st := range statements {
		switch st.Effect {
		case "Allow":
			// A NotAction statement may grant PutKeyPolicy: which actions
			// it leaves out is not worth deciding for a refusal.
			if st.NotAction != nil || st.covers(st.Action, "kms:PutKeyPolicy") {
				allowed = true
			}
		case "Deny":
			if st.deniesEveryone() {
				return errLockout()
			}
		}
	}
	if !allowed {
		return errLockout()
	}
	return nil
}

// policyStatement is the part of a key policy statement the lockout check
// reads. Action, NotAction, Principal and Resource take a string or a list.
type policyStatement struct {
	Effect       string          `json:"Effect"`
	Action       json.RawMessage `json:"Action"`
	NotAction    json.RawMessage `json:"NotAction"`
	Principal    json.RawMessage `json:"Principal"`
	NotPrincipal json.RawMessage `json:"NotPrincipal"`
	Resource     json.RawMessage `json:"Resource"`
	Condition    json.RawMessage `json:"Condition"`
}

// policyStatements reads a policy's statements; Statement may be one
// object or a list of them.
func policyStatements(policy string) ([]policyStatement, bool) {
	var doc struct {
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(policy), &doc); err != nil || doc.Statement == nil {
		return nil, false
	}
	var list []policyStatement
	if err := json.Unmarshal(doc.Statement, &list); err == nil {
		return list, true
	}
	var one policyStatement
	if err := json.Unmarshal(doc.Statement, &one); err == nil {
		return []policyStatement{one}, true
	}
	return nil, false
}

// deniesEveryone reports whether a Deny statement takes kms:PutKeyPolicy
// on the key from every principal, whatever the request.
func (st policyStatement) deniesEveryone() bool {
	if st.NotPrincipal != nil || st.Condition != nil || !st.covers(st.Action, "kms:PutKeyPolicy") {
		return false
	}
	if !slices.Contains(stringList(st.Resource), "*") {
		return false
	}
	if slices.Contains(stringList(st.Principal), "*") {
		return true
	}
	var byKind map[string]json.RawMessage
	if json.Unmarshal(st.Principal, &byKind) == nil {
		return slices.Contains(stringList(byKind["AWS"]), "*")
	}
	return false
}

// covers reports whether one of the action patterns (IAM wildcards * and
// ?, case-insensitive) matches the action.
func (policyStatement) covers(patterns json.RawMessage, action string) bool {
	for _, p := range stringList(patterns) {
		if wildcardMatch(strings.ToLower(p), strings.ToLower(action)) {
			return true
		}
	}
	return false
}

// stringList reads a policy element that is a string or a list of strings.
func stringList(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	return nil
}

// wildcardMatch matches s against a pattern in which * stands for any run
// of characters and ? for one. A run of stars counts as one, so the work
// stays small for the short action names matched here.
func wildcardMatch(pattern, s string) bool {
	for len(pattern) > 0 {
		switch pattern[0] {
		case '*':
			pattern = strings.TrimLeft(pattern, "*")
			for i := 0; i <= len(s); i++ {
				if wildcardMatch(pattern, s[i:]) {
					return true
				}
			}
			return false
		case '?':
			if s == "" {
				return false
			}
		default:
			if s == "" || s[0] != pattern[0] {
				return false
			}
		}
		pattern, s = pattern[1:], s[1:]
	}
	return s == ""
}
