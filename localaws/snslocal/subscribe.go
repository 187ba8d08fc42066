package snslocal

import (
	"errors"
	"maps"
	"sort"
	"strings"
)

type subscribeResult struct {
	SubscriptionArn string `xml:"SubscriptionArn"`
}

// subscribeAction subscribes an SQS queue to a topic. SQS subscriptions are
// confirmed at once. Subscribing the same queue twice returns the existing
// subscription when the attributes agree, as in AWS.
func (s *Service) subscribeAction(req *request) (any, error) {
	p := req.params
	protocol, endpoint := p["Protocol"], p["Endpoint"]
	// AWS looks the topic up before it reads the rest: a missing topic is
	// NotFound whatever else is wrong.
	s.mu.RLock()
	_, err := s.lookupTopic(req.region, "TopicArn", p["TopicArn"])
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	if protocol == "" {
		return nil, invalidParameter("Protocol")
	}
	if protocol != "sqs" {
		return nil, invalidParameter("Protocol Reason: the local SNS delivers only to the sqs protocol, not %q", protocol)
	}
	if !validQueueARN(endpoint) {
		return nil, invalidParameter("SQS endpoint ARN")
	}
	if strings.HasSuffix(endpoint, ".fifo") {
		return nil, invalidParameter("Invalid SQS FIFO endpoint ARN for a standard topic")
	}
	attrs, err := p.stringMap("Attributes")
	if err != nil {
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
		if err := setSubscriptionAttribute(sub, k, attrs[k]); err != nil {
			return nil, err
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookupTopic(req.region, "TopicArn", p["TopicArn"])
	if err != nil {
		return nil, err // deleted meanwhile
	}
	for _, arn := range t.subs {
		old := s.subs[arn]
		if old.protocol == protocol && old.endpoint == endpoint {
			if !maps.Equal(old.attrs, sub.attrs) {
				return nil, invalidParameter("Attributes Reason: Subscription already exists with different attributes")
			}
			return subscribeResult{SubscriptionArn: arn}, nil
		}
	}
	sub.topicArn = t.arn
	sub.arn = t.arn + ":" + s.newID()
	s.subs[sub.arn] = sub
	t.subs = append(t.subs, sub.arn)
	return subscribeResult{SubscriptionArn: sub.arn}, nil
}

// unsubscribeAction removes a subscription. Removing one that no longer
// exists succeeds, as AWS does in practice (its documentation lists
// NotFound, but the service does not return it).
func (s *Service) unsubscribeAction(req *request) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sub, err := s.lookupSubscription(req.region, req.params["SubscriptionArn"])
	var serr *Error
	if errors.As(err, &serr) && serr.Code == codeNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	delete(s.subs, sub.arn)
	if t, ok := s.topics[sub.topicArn]; ok {
		for i, arn := range t.subs {
			if arn == sub.arn {
				t.subs = append(t.subs[:i:i], t.subs[i+1:]...)
				break
			}
		}
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
	// Work on a copy so that a rejected value leaves the subscription as it was.
	next := &subscription{attrs: maps.Clone(sub.attrs), filter: sub.filter}
	if err := setSubscriptionAttribute(next, req.params["AttributeName"], req.params["AttributeValue"]); err != nil {
		return nil, err
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
		out.Subscriptions = append(out.Subscriptions, subscriptionMember{
			Endpoint: sub.endpoint, Owner: s.account, Protocol: sub.protocol, SubscriptionArn: arn, TopicArn: sub.topicArn,
		})
	}
	return out
}

func (s *Service) listSubscriptionsAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	arns := make([]string, 0, len(s.subs))
	for arn := range s.subs {
		if regionOfARN(arn) == req.region {
			arns = append(arns, arn)
		}
	}
	return s.listSubscriptions(arns, req.params["NextToken"]), nil
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
