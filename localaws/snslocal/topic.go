package snslocal

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsid"
)

// topic is one SNS topic, standard or FIFO.
type topic struct {
	name  string
	arn   string
	attrs map[string]string // settable attributes only
	tags  map[string]string
	subs  []string   // subscription ARNs in subscription order
	fifo  *fifoTopic // nil for standard topics
	// dataProtection is the PutDataProtectionPolicy document, stored only.
	dataProtection string
}

// settableTopicAttributes are the attributes CreateTopic and
// SetTopicAttributes accept; the local SNS stores them and applies
// SignatureVersion.
func settableTopicAttribute(name string) bool {
	switch name {
	case "DisplayName", "Policy", "DeliveryPolicy", "KmsMasterKeyId", "SignatureVersion", "TracingConfig",
		"ArchivePolicy", "DataProtectionPolicy", "ContentBasedDeduplication", "FifoTopic", "FifoThroughputScope":
		return true
	}
	return false
}

// validTopicAttribute checks one attribute value.
func validTopicAttribute(name, value string) error {
	switch {
	case !settableTopicAttribute(name):
		return invalidParameter("AttributeName")
	case name == "SignatureVersion" && value != "1" && value != "2":
		return invalidParameter("Attributes Reason: SignatureVersion must be 1 or 2")
	case booleanTopicAttribute(name) && !strings.EqualFold(value, "true") && !strings.EqualFold(value, "false"):
		return invalidParameter("Attributes Reason: %s must be true or false", name)
	case name == "FifoThroughputScope" && value != "Topic" && value != "MessageGroup":
		return invalidParameter("Attributes Reason: FifoThroughputScope must be Topic or MessageGroup")
	case name == "DisplayName" && len(value) > 100:
		return invalidParameter("DisplayName")
	}
	return nil
}

// booleanTopicAttribute reports whether a topic attribute takes true or
// false.
func booleanTopicAttribute(name string) bool {
	return name == "FifoTopic" || name == "ContentBasedDeduplication"
}

// normalTopicAttributes returns the attributes as a topic keeps them:
// booleans in lower case, whatever their case in the request (SNS reads
// "True" as true: LocalStack's test_subscribe_idempotency records AWS
// storing RawMessageDelivery "True" as "true"), and FifoTopic "false"
// dropped, since a standard topic does not list it (LocalStack's
// test_topic_get_attributes_with_fifo_false, recorded from AWS).
func normalTopicAttributes(attrs map[string]string) map[string]string {
	out := make(map[string]string, len(attrs))
	for k, v := range attrs {
		if booleanTopicAttribute(k) {
			v = strings.ToLower(v)
		}
		if k == "FifoTopic" && v == "false" {
			continue
		}
		if k == "DeliveryPolicy" {
			v = normalTopicDeliveryPolicy(v)
		}
		out[k] = v
	}
	return out
}

// validTopicName applies AWS's rule: 1 to 256 letters, digits, hyphens and
// underscores.
func validTopicName(name string) bool {
	if name == "" || len(name) > 256 {
		return false
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// topicARN is the ARN of the topic called name in region.
func (s *Service) topicARN(region, name string) string {
	return awsid.NewARN("sns", region, s.account, name).String()
}

// checkTopicARN validates the shape and owner of a topic ARN parameter. A
// request reaches only the topics of the region it is signed for; an empty
// region (an in-process publish) accepts any.
func (s *Service) checkTopicARN(region, param, arn string) error {
	parts := strings.Split(arn, ":")
	if len(parts) < 6 {
		return invalidParameter("%s Reason: An ARN must have at least 6 elements, not %d", param, len(parts))
	}
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "sns" || !validTopicName(strings.TrimSuffix(parts[5], ".fifo")) {
		return invalidParameter("%s", param)
	}
	if region != "" && parts[3] != region {
		return invalidParameter("%s", param)
	}
	if parts[4] != s.account {
		return errorf(codeAuthorization, "User is not authorized to access %s", arn)
	}
	return nil
}

// lookupTopic finds a topic by ARN in region (any region when empty). The
// caller holds s.mu.
func (s *Service) lookupTopic(region, param, arn string) (*topic, error) {
	if arn == "" {
		return nil, invalidParameter("%s", param)
	}
	if err := s.checkTopicARN(region, param, arn); err != nil {
		return nil, err
	}
	t, ok := s.topics[arn]
	if !ok {
		return nil, errorf(codeNotFound, "Topic does not exist")
	}
	return t, nil
}

// defaultPolicy is the policy AWS gives a new topic: its owner may do
// everything with it.
func (s *Service) defaultPolicy(arn string) string {
	return fmt.Sprintf(`{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID",`+
		`"Effect":"Allow","Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:SetTopicAttributes",`+
		`"SNS:AddPermission","SNS:RemovePermission","SNS:DeleteTopic","SNS:Subscribe","SNS:ListSubscriptionsByTopic",`+
		`"SNS:Publish"],"Resource":"%s","Condition":{"StringEquals":{"AWS:SourceOwner":"%s"}}}]}`, arn, s.account)
}

// attributes lists every attribute GetTopicAttributes reports. The caller
// holds s.mu.
func (s *Service) topicAttributes(t *topic) map[string]string {
	pending := 0
	for _, arn := range t.subs {
		if s.subs[arn].pending {
			pending++
		}
	}
	out := map[string]string{
		"TopicArn":                t.arn,
		"Owner":                   s.account,
		"Policy":                  s.defaultPolicy(t.arn),
		"DisplayName":             "",
		"SubscriptionsConfirmed":  fmt.Sprint(len(t.subs) - pending),
		"SubscriptionsPending":    fmt.Sprint(pending),
		"SubscriptionsDeleted":    "0",
		"EffectiveDeliveryPolicy": effectiveTopicDeliveryPolicy(t.attrs["DeliveryPolicy"]),
	}
	if t.fifo != nil {
		out["FifoTopic"], out["ContentBasedDeduplication"] = "true", "false"
	}
	for k, v := range t.attrs {
		out[k] = v
	}
	if out["DeliveryPolicy"] == "" {
		// A policy set to "" is deleted: AWS no longer lists it
		// (LocalStack's AWS-validated test_topic_delivery_policy_crud).
		delete(out, "DeliveryPolicy")
	}
	return out
}

// sortedEntries renders a map as XML entries in key order.
func sortedEntries(m map[string]string) []entry {
	out := make([]entry, 0, len(m))
	for k, v := range m {
		out = append(out, entry{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// page cuts the sorted names after token into pages of at most limit and
// returns the token of the next page, empty on the last one. A token is the
// last name of the previous page, so pages stay stable under deletions,
// in base64 as AWS's tokens are (LocalStack's AWS-validated
// test_list_subscriptions_by_topic_pagination decodes one); a token that
// is not base64 is read as the name itself.
func page(names []string, token string, limit int) ([]string, string) {
	start := 0
	if token != "" {
		if raw, err := base64.StdEncoding.DecodeString(token); err == nil {
			token = string(raw)
		}
		start = sort.Search(len(names), func(i int) bool { return names[i] > token })
	}
	end := min(start+limit, len(names))
	next := ""
	if end < len(names) {
		next = base64.StdEncoding.EncodeToString([]byte(names[end-1]))
	}
	return names[start:end], next
}
