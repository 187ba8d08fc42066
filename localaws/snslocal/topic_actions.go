package snslocal

import (
	"maps"
	"strings"
)

type createTopicResult struct {
	TopicArn string `xml:"TopicArn"`
}

// createTopicAction is idempotent: creating an existing topic with the same
// attributes returns its ARN, with different ones fails, as in AWS.
func (s *Service) createTopicAction(req *request) (any, error) {
	name := req.params["Name"]
	if len(name) > 256 || !validTopicName(strings.TrimSuffix(name, ".fifo")) {
		return nil, invalidParameter("Topic Name")
	}
	attrs, err := req.params.stringMap("Attributes")
	if err != nil {
		return nil, err
	}
	for k, v := range attrs {
		if err := validTopicAttribute(k, v); err != nil {
			return nil, err
		}
	}
	attrs = normalTopicAttributes(attrs)
	fifo, err := checkFIFOName(name, attrs)
	if err != nil {
		return nil, err
	}
	tagList, err := req.params.members("Tags.member")
	if err != nil {
		return nil, err
	}
	tags := map[string]string{}
	for _, t := range tagList {
		if t["Key"] == "" || len(t["Key"]) > 128 || len(t["Value"]) > 256 {
			return nil, invalidParameter("Tags")
		}
		tags[t["Key"]] = t["Value"]
	}
	arn := s.topicARN(req.region, name)
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.topics[arn]; ok {
		for k, v := range attrs {
			if cur, ok := t.attrs[k]; !ok || cur != v {
				return nil, invalidParameter("Attributes Reason: Topic already exists with different attributes")
			}
		}
		// Tags the topic does not have are refused, as AWS does
		// (LocalStack's test_create_duplicate_topic_with_more_tags); the
		// same tags, some of them or none are not
		// (test_create_duplicate_topic_check_idempotency).
		if !tagsWithin(tags, t.tags) {
			return nil, invalidParameter("Tags Reason: Topic already exists with different tags")
		}
		return createTopicResult{TopicArn: arn}, nil
	}
	t := &topic{name: name, arn: arn, attrs: attrs, tags: tags}
	if fifo {
		t.fifo = newFIFOTopic()
	}
	s.topics[arn] = t
	return createTopicResult{TopicArn: arn}, nil
}

// deleteTopicAction removes a topic and its subscriptions. Deleting a topic
// that does not exist succeeds, as in AWS.
func (s *Service) deleteTopicAction(req *request) (any, error) {
	arn := req.params["TopicArn"]
	if err := s.checkTopicARN(req.region, "TopicArn", arn); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.topics[arn]; ok {
		for _, sub := range t.subs {
			delete(s.subs, sub)
		}
		delete(s.topics, arn)
	}
	return nil, nil
}

type topicMember struct {
	TopicArn string `xml:"TopicArn"`
}

type listTopicsResult struct {
	Topics    []topicMember `xml:"Topics>member"`
	NextToken string        `xml:"NextToken,omitempty"`
}

// listTopicsAction pages the region's topics 100 at a time, as AWS does.
func (s *Service) listTopicsAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	got, next := page(arnsIn(s.topics, req.region), req.params["NextToken"], 100)
	out := listTopicsResult{NextToken: next}
	for _, arn := range got {
		out.Topics = append(out.Topics, topicMember{TopicArn: arn})
	}
	return out, nil
}

type attributesResult struct {
	Attributes []entry `xml:"Attributes>entry"`
}

func (s *Service) getTopicAttributesAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.lookupTopic(req.region, "TopicArn", req.params["TopicArn"])
	if err != nil {
		return nil, err
	}
	return attributesResult{Attributes: sortedEntries(s.topicAttributes(t))}, nil
}

func (s *Service) setTopicAttributesAction(req *request) (any, error) {
	name, value := req.params["AttributeName"], req.params["AttributeValue"]
	if err := validTopicAttribute(name, value); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookupTopic(req.region, "TopicArn", req.params["TopicArn"])
	if err != nil {
		return nil, err
	}
	if name == "FifoTopic" {
		return nil, invalidParameter("AttributeName")
	}
	maps.Copy(t.attrs, normalTopicAttributes(map[string]string{name: value}))
	return nil, nil
}

type tagMember struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}

type listTagsResult struct {
	Tags []tagMember `xml:"Tags>member"`
}

func (s *Service) listTagsForResourceAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.lookupTopic(req.region, "ResourceArn", req.params["ResourceArn"])
	if err != nil {
		return nil, err
	}
	out := listTagsResult{Tags: []tagMember{}}
	for _, e := range sortedEntries(t.tags) {
		out.Tags = append(out.Tags, tagMember(e))
	}
	return out, nil
}

// tagResourceAction adds or replaces tags on a topic (at most 50 in all).
func (s *Service) tagResourceAction(req *request) (any, error) {
	list, err := req.params.members("Tags.member")
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookupTopic(req.region, "ResourceArn", req.params["ResourceArn"])
	if err != nil {
		return nil, err
	}
	next := maps.Clone(t.tags)
	seen := make(map[string]bool, len(list))
	for _, tag := range list {
		if seen[tag["Key"]] {
			// LocalStack's test_tags, recorded from AWS.
			return nil, invalidParameter("Duplicated keys are not allowed.")
		}
		seen[tag["Key"]] = true
		if tag["Key"] == "" || len(tag["Key"]) > 128 || len(tag["Value"]) > 256 {
			return nil, invalidParameter("Tags")
		}
		next[tag["Key"]] = tag["Value"]
	}
	if len(next) > 50 {
		return nil, errorf("TagLimitExceeded", "Could not complete request: tag quota of per resource exceeded")
	}
	t.tags = next
	return emptyResult{}, nil
}

// untagResourceAction removes tags by key; absent keys are ignored.
func (s *Service) untagResourceAction(req *request) (any, error) {
	keys, err := req.params.list("TagKeys.member")
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookupTopic(req.region, "ResourceArn", req.params["ResourceArn"])
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		delete(t.tags, k)
	}
	return emptyResult{}, nil
}

// emptyResult renders an empty <ActionResult/>, which the SDK requires for
// operations whose output is an empty structure rather than nothing.
type emptyResult struct{}

// tagsWithin reports whether every tag of some is one of all's.
func tagsWithin(some, all map[string]string) bool {
	for k, v := range some {
		if cur, ok := all[k]; !ok || cur != v {
			return false
		}
	}
	return true
}
