package snslocal

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/payflow-dev/payflow/localaws/accesspolicy"
)

// policyDocument is a topic policy, kept as loose JSON so that statements
// written by hand survive AddPermission and RemovePermission untouched.
type policyDocument struct {
	Version   string            `json:"Version,omitempty"`
	ID        string            `json:"Id,omitempty"`
	Statement []json.RawMessage `json:"Statement"`
}

// addPermissionAction adds a statement labelled Label to the topic policy,
// allowing the given accounts the given actions. The local SNS stores the
// policy (GetTopicAttributes shows it) but enforces nothing.
func (s *Service) addPermissionAction(req *request) (any, error) {
	p := req.params
	label := p["Label"]
	accounts, err := p.list("AWSAccountId.member")
	if err != nil {
		return nil, err
	}
	actions, err := p.list("ActionName.member")
	if err != nil {
		return nil, err
	}
	switch {
	case label == "":
		return nil, invalidParameter("Label")
	case len(accounts) == 0:
		return nil, invalidParameter("AWSAccountId")
	case len(actions) == 0:
		return nil, invalidParameter("ActionName")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookupTopic(req.region, "TopicArn", p["TopicArn"])
	if err != nil {
		return nil, err
	}
	doc, err := s.policyOf(t)
	if err != nil {
		return nil, err
	}
	if slices.ContainsFunc(doc.Statement, func(raw json.RawMessage) bool { return accesspolicy.Sid(raw) == label }) {
		return nil, invalidParameter("Statement already exists")
	}
	if !slices.ContainsFunc(actions, snsAction) {
		// LocalStack's test_add_permission_errors (invalid-action), recorded
		// from AWS: checked after the label.
		return nil, invalidParameter("Policy statement action out of service scope!")
	}
	principals := make([]string, len(accounts))
	for i, a := range accounts {
		principals[i] = "arn:aws:iam::" + a + ":root"
	}
	names := make([]string, len(actions))
	for i, a := range actions {
		names[i] = "SNS:" + strings.TrimPrefix(strings.TrimPrefix(a, "SNS:"), "sns:")
	}
	raw, err := accesspolicy.Grant(label, principals, names, t.arn).Marshal()
	if err != nil {
		return nil, err
	}
	doc.Statement = append(doc.Statement, raw)
	return nil, s.storePolicy(t, doc)
}

// snsAction reports whether name (with or without "SNS:") is an action of
// the SNS API, which AddPermission takes, or "*".
func snsAction(name string) bool {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "SNS:"), "sns:")
	if name == "*" {
		return true
	}
	for _, a := range strings.Fields(snsActions) {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// snsActions lists the actions of the SNS API (botocore's sns 2010-03-31
// model).
const snsActions = `AddPermission CheckIfPhoneNumberIsOptedOut ConfirmSubscription CreatePlatformApplication
CreatePlatformEndpoint CreateSMSSandboxPhoneNumber CreateTopic DeleteEndpoint DeletePlatformApplication
DeleteSMSSandboxPhoneNumber DeleteTopic GetDataProtectionPolicy GetEndpointAttributes
GetPlatformApplicationAttributes GetSMSAttributes GetSMSSandboxAccountStatus GetSubscriptionAttributes
GetTopicAttributes ListEndpointsByPlatformApplication ListOriginationNumbers ListPhoneNumbersOptedOut
ListPlatformApplications ListSMSSandboxPhoneNumbers ListSubscriptions ListSubscriptionsByTopic
ListTagsForResource ListTopics OptInPhoneNumber Publish PublishBatch PutDataProtectionPolicy RemovePermission
SetEndpointAttributes SetPlatformApplicationAttributes SetSMSAttributes SetSubscriptionAttributes
SetTopicAttributes Subscribe TagResource Unsubscribe UntagResource VerifySMSSandboxPhoneNumber`

// removePermissionAction removes the statement labelled Label; a label
// that is not there changes nothing.
func (s *Service) removePermissionAction(req *request) (any, error) {
	label := req.params["Label"]
	if label == "" {
		return nil, invalidParameter("Label")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookupTopic(req.region, "TopicArn", req.params["TopicArn"])
	if err != nil {
		return nil, err
	}
	doc, err := s.policyOf(t)
	if err != nil {
		return nil, err
	}
	doc.Statement = slices.DeleteFunc(doc.Statement, func(raw json.RawMessage) bool { return accesspolicy.Sid(raw) == label })
	return nil, s.storePolicy(t, doc)
}

// policyOf parses the topic's policy, or the default one it was born with.
func (s *Service) policyOf(t *topic) (policyDocument, error) {
	text, ok := t.attrs["Policy"]
	if !ok {
		text = s.defaultPolicy(t.arn)
	}
	var doc policyDocument
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		return policyDocument{}, invalidParameter("Policy Reason: the topic's policy is not a JSON policy document")
	}
	return doc, nil
}

func (s *Service) storePolicy(t *topic, doc policyDocument) error {
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	t.attrs["Policy"] = string(b)
	return nil
}
