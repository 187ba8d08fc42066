package snslocal

import (
	"errors"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strings"
)

type subscribeResult struct {
	SubscriptionArn string `xml:"SubscriptionArn"`
}

// pendingConfirmation is what Subscribe answers for an http or https
// subscription that its endpoint has not confirmed yet, unless the caller
// asked for the ARN (ReturnSubscriptionArn).
const pendingConfirmation = "pending confirmation"

// subscribeAction subscribes an SQS queue or an http/https endpoint to a
// topic. SQS subscriptions are confirmed at once; an http/https endpoint is
// sent a SubscriptionConfirmation and receives nothing else until it
// confirms. Subscribing the same endpoint twice returns the existing
// subscription when the attributes agree, as in AWS.
func (s *Service) subscribeAction(req *request) (any, error) {
	p := req.params
	protocol, endpoint := p["Protocol"], p["Endpoint"]
	// AWS looks the topic up before it reads the rest: a missing topic is
	// NotFound whatever else is wrong.
	s.mu.RLock()
	t, err := s.lookupTopic(req.region, "TopicArn", p["TopicArn"])
	fifo := err == nil && t.fifo != nil
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	if err := checkEndpoint(protocol, endpoint, fifo); err != nil {
		return nil, err
	}
	if protocol == "application" {
		s.mu.RLock()
		_, ok := s.endpoints[endpoint]
		s.mu.RUnlock()
		if !ok {
			return nil, invalidParameter("Endpoint Reason: Endpoint does not exist for endpoint arn%s", endpoint)
		}
	}
	attrs, err := p.stringMap("Attributes")
	if err != nil {
		return nil, err
	}
	if err := checkNestedScope(attrs["FilterPolicy"], attrs["FilterPolicyScope"]); err != nil {
		return nil, err
	}
	sub := &subscription{protocol: protocol, endpoint: endpoint, attrs: map[string]string{}}
	names := make([]string, 0, len(attrs))
	for k := range attrs {
		names = append(names, k)
	}
	// Sorted, so errors are stable and FilterPolicyScope is applied after the
	// FilterPolicy that defaults it.
	sort.Strings(names)
	for _, k := range names {
		if err := setSubscriptionAttribute(sub, k, attrs[k], subscribeFrame); err != nil {
			return nil, err
		}
	}
	if err := checkFilterScope(sub); err != nil {
		return nil, err
	}
	if err := checkDeadLetterType(sub, fifo); err != nil {
		return nil, err
	}
	returnARN := p["ReturnSubscriptionArn"] == "true"

	s.mu.Lock()
	t, err = s.lookupTopic(req.region, "TopicArn", p["TopicArn"])
	if err != nil {
		s.mu.Unlock()
		return nil, err // deleted meanwhile
	}
	for _, arn := range t.subs {
		old := s.subs[arn]
		if old.protocol == protocol && old.endpoint == endpoint {
			s.mu.Unlock()
			if !sameRequested(old, sub, names) {
				return nil, invalidParameter("Attributes Reason: Subscription already exists with different attributes")
			}
			return subscribeAnswer(old, returnARN), nil
		}
	}
	sub.topicArn = t.arn
	sub.arn = t.arn + ":" + s.newID()
	if sub.confirmable() {
		sub.pending, sub.token = true, s.newToken()
	}
	s.subs[sub.arn] = sub
	t.subs = append(t.subs, sub.arn)
	version := t.attrs["SignatureVersion"]
	policy := t.attrs["DeliveryPolicy"]
	s.mu.Unlock()
	switch {
	case sub.pending && sub.email():
		s.sendEmailConfirmation(req.http, sub)
	case sub.pending:
		s.sendConfirmation(req.http, sub, version, policy)
	}
	return subscribeAnswer(sub, returnARN), nil
}

// sameRequested reports whether the attributes a repeated Subscribe names
// agree with the existing subscription's, defaults included; attributes it
// does not name are not compared, as on AWS (LocalStack's
// test_subscribe_idempotency, recorded from AWS: no attributes, or only
// FilterPolicyScope MessageAttributes, answer the existing subscription).
func sameRequested(old, next *subscription, names []string) bool {
	for _, k := range names {
		cur, ok := old.attrs[k]
		if !ok {
			cur = defaultSubscriptionAttribute(k)
		}
		if next.attrs[k] != cur {
			return false
		}
	}
	return true
}

// defaultSubscriptionAttribute is the value an attribute that was never
// set has.
func defaultSubscriptionAttribute(name string) string {
	switch name {
	case "RawMessageDelivery":
		return "false"
	case "FilterPolicyScope":
		return "MessageAttributes"
	}
	return ""
}

func subscribeAnswer(sub *subscription, returnARN bool) subscribeResult {
	if sub.pending && !returnARN {
		return subscribeResult{SubscriptionArn: pendingConfirmation}
	}
	return subscribeResult{SubscriptionArn: sub.arn}
}

// checkEndpoint applies AWS's rules on a protocol and its endpoint.
func checkEndpoint(protocol, endpoint string, fifo bool) error {
	switch protocol {
	case "":
		return invalidParameter("Protocol")
	case "sqs":
		if !validQueueARN(endpoint) {
			return invalidParameter("SQS endpoint ARN")
		}
		// A FIFO topic delivers to FIFO and standard queues alike (AWS has
		// allowed standard queues since 2023); a standard topic cannot feed
		// a FIFO queue.
		if !fifo && strings.HasSuffix(endpoint, ".fifo") {
			return invalidParameter("Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics")
		}
	case "http", "https":
		if fifo {
			return invalidParameter("Invalid parameter: Endpoint Reason: the local SNS delivers FIFO topics to SQS FIFO queues only")
		}
		u, err := url.Parse(endpoint)
		if err != nil || u.Scheme != protocol || u.Host == "" {
			return invalidParameter("Endpoint must match the specified protocol")
		}
	case "application":
		if fifo || !isEndpointARN(endpoint) {
			return invalidParameter("Endpoint Reason: Endpoint does not exist for endpoint arn%s", endpoint)
		}
	case "lambda":
		if fifo {
			return invalidParameter("Invalid parameter: Endpoint Reason: the local SNS delivers FIFO topics to SQS queues only")
		}
		if !validFunctionARN(endpoint) {
			return invalidParameter("Lambda endpoint ARN")
		}
	case "email", "email-json":
		if !validEmail(endpoint) {
			return invalidParameter("Email address")
		}
	case "sms":
		if fifo {
			return invalidParameter("Invalid parameter: Endpoint Reason: the local SNS delivers FIFO topics to SQS queues only")
		}
		if !e164.MatchString(endpoint) {
			return errorf(codeInvalidParameter, "Invalid SMS endpoint: %s", endpoint)
		}
	case "firehose":
		return invalidParameter("Protocol Reason: the local SNS delivers to sqs, http, https, lambda, email, email-json, sms and application, not %q", protocol)
	default:
		// LocalStack's test_subscribe_with_invalid_protocol, recorded from AWS.
		return invalidParameter("Amazon SNS does not support this protocol string: %s", protocol)
	}
	return nil
}

// unsubscribeAction removes a subscription. Removing one that no longer
// exists succeeds, as AWS does in practice (its documentation lists
// NotFound, but the service does not return it). A confirmed http/https
// subscriber is sent an UnsubscribeConfirmation, whose SubscribeURL
// restores the subscription.
func (s *Service) unsubscribeAction(req *request) (any, error) {
	s.mu.Lock()
	sub, err := s.lookupSubscription(req.region, req.params["SubscriptionArn"])
	var serr *Error
	if errors.As(err, &serr) && serr.Code == codeNotFound {
		s.mu.Unlock()
		return nil, nil
	}
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	delete(s.subs, sub.arn)
	var version, policy string
	if t, ok := s.topics[sub.topicArn]; ok {
		t.subs = slices.DeleteFunc(t.subs, func(arn string) bool { return arn == sub.arn })
		version, policy = t.attrs["SignatureVersion"], t.attrs["DeliveryPolicy"]
	}
	notify := sub.web() && !sub.pending
	var token string
	if notify {
		token = s.newToken()
		s.unsubscribed[token] = sub
	}
	s.mu.Unlock()
	if notify {
		s.sendUnsubscribeConfirmation(req.http, sub, version, policy, token)
	}
	return nil, nil
}

func (s *Service) getSubscriptionAttributesAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sub, err := s.lookupSubscription(req.region, req.params["SubscriptionArn"])
	if err != nil {
		return nil, err
	}
	return attributesResult{Attributes: sortedEntries(s.subscriptionAttributes(sub))}, nil
}

func (s *Service) setSubscriptionAttributesAction(req *request) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sub, err := s.lookupSubscription(req.region, req.params["SubscriptionArn"])
	if err != nil {
		return nil, err
	}
	if req.params["AttributeName"] == "FilterPolicy" {
		if err := checkNestedScope(req.params["AttributeValue"], sub.attrs["FilterPolicyScope"]); err != nil {
			return nil, err
		}
	}
	// Work on a copy so that a rejected value leaves the subscription as it was.
	next := &subscription{protocol: sub.protocol, endpoint: sub.endpoint, attrs: maps.Clone(sub.attrs), filter: sub.filter}
	if err := setSubscriptionAttribute(next, req.params["AttributeName"], req.params["AttributeValue"], setFrame); err != nil {
		return nil, err
	}
	if err := checkFilterScope(next); err != nil {
		return nil, err
	}
	if t, ok := s.topics[sub.topicArn]; ok {
		if err := checkDeadLetterType(next, t.fifo != nil); err != nil {
			return nil, err
		}
	}
	sub.attrs, sub.filter = next.attrs, next.filter
	return nil, nil
}

type subscriptionMember struct {
	Endpoint        string `xml:"Endpoint"`
	Owner           string `xml:"Owner"`
	Protocol        string `xml:"Protocol"`
	SubscriptionArn string `xml:"SubscriptionArn"`
	TopicArn        string `xml:"TopicArn"`
}

type listSubscriptionsResult struct {
	Subscriptions []subscriptionMember `xml:"Subscriptions>member"`
	NextToken     string               `xml:"NextToken,omitempty"`
}

// listSubscriptions pages the given subscription ARNs 100 at a time. The
// caller holds s.mu.
func (s *Service) listSubscriptions(arns []string, token string) listSubscriptionsResult {
	sort.Strings(arns)
	got, next := page(arns, token, 100)
	out := listSubscriptionsResult{NextToken: next}
	for _, arn := range got {
		sub := s.subs[arn]
		listed := arn
		if sub.pending {
			listed = "PendingConfirmation" // as AWS lists an unconfirmed endpoint
		}
		out.Subscriptions = append(out.Subscriptions, subscriptionMember{
			Endpoint: sub.endpoint, Owner: s.account, Protocol: sub.protocol, SubscriptionArn: listed, TopicArn: sub.topicArn,
		})
	}
	return out
}

func (s *Service) listSubscriptionsAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.listSubscriptions(arnsIn(s.subs, req.region), req.params["NextToken"]), nil
}

func (s *Service) listSubscriptionsByTopicAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.lookupTopic(req.region, "TopicArn", req.params["TopicArn"])
	if err != nil {
		return nil, err
	}
	return s.listSubscriptions(append([]string(nil), t.subs...), req.params["NextToken"]), nil
}
