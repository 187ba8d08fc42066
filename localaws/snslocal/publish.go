package snslocal

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"unicode"
)

// PublishInput is a message published in-process, for example by the Step
// Functions sns:publish integration.
type PublishInput struct {
	// TopicArn is the topic to publish to.
	TopicArn string
	// Subject is the optional subject of the notification.
	Subject string
	// Message is the message body.
	Message string
	// Attributes are the message attributes, keyed by name.
	Attributes map[string]MessageAttribute
	// MessageGroupID is required on FIFO topics and orders the messages of
	// one group.
	MessageGroupID string
	// MessageDeduplicationID deduplicates on FIFO topics without
	// ContentBasedDeduplication.
	MessageDeduplicationID string
}

// Publish publishes a message as the Publish action does and delivers it to
// every matching subscription before returning. Errors are *Error with the
// codes the Publish action would answer with.
func (s *Service) Publish(ctx context.Context, in PublishInput) (string, error) {
	out, err := s.publish(ctx, nil, publishRequest{PublishInput: in})
	return out.messageID, err
}

// PublishSequenced is Publish that also reports the sequence number a FIFO
// topic gives the message ("" for a standard topic), as Step Functions'
// sns:publish result carries it.
func (s *Service) PublishSequenced(ctx context.Context, in PublishInput) (messageID, sequence string, err error) {
	out, err := s.publish(ctx, nil, publishRequest{PublishInput: in})
	return out.messageID, out.sequence, err
}

// publishRequest is a validated-or-not Publish, from either entry point.
type publishRequest struct {
	PublishInput
	structure string // MessageStructure
	region    string // the request's region; empty in-process
}

func (s *Service) publishAction(req *request) (any, error) {
	p := req.params
	topicArn, targetArn := p["TopicArn"], p["TargetArn"]
	switch {
	case p.has("PhoneNumber") && (topicArn != "" || targetArn != ""):
		return nil, invalidParameter("TopicArn, TargetArn or PhoneNumber Reason: Only one of them may be specified")
	case p.has("PhoneNumber"):
		return s.publishSMS(req)
	case topicArn != "" && targetArn != "":
		return nil, invalidParameter("TopicArn or TargetArn Reason: Only one of them may be specified")
	case isEndpointARN(targetArn):
		return s.publishToEndpoint(req, targetArn)
	case topicArn == "" && targetArn == "" && p.has("TopicArn"):
		// An empty TopicArn is read as an ARN of one element (LocalStack's
		// test_publish_wrong_arn_format, empty-topic, recorded from AWS).
		return nil, s.checkTopicARN(req.region, "TopicArn", "")
	case topicArn == "":
		topicArn = targetArn
	}
	attrs, err := decodeMessageAttributes(p, "messageAttributes")
	if err != nil {
		return nil, err
	}
	if p.has("Subject") && p["Subject"] == "" {
		return nil, invalidParameter("Subject")
	}
	out, err := s.publish(req.http.Context(), req.http, publishRequest{
		PublishInput: PublishInput{
			TopicArn: topicArn, Subject: p["Subject"], Message: p["Message"], Attributes: attrs,
			MessageGroupID: p["MessageGroupId"], MessageDeduplicationID: p["MessageDeduplicationId"],
		},
		structure: p["MessageStructure"],
		region:    req.region,
	})
	if err != nil {
		return nil, err
	}
	return publishResult{MessageID: out.messageID, SequenceNumber: out.sequence}, nil
}

type publishResult struct {
	MessageID      string `xml:"MessageId"`
	SequenceNumber string `xml:"SequenceNumber,omitempty"`
}

// published is what a publish answers: the message ID and, on FIFO
// topics, its sequence number.
type published struct {
	messageID, sequence string
}

// validate checks a publish request and resolves MessageStructure=json to
// the message SQS subscribers get.
func (in *publishRequest) validate() error {
	if in.Message == "" {
		return invalidParameter("Empty message")
	}
	if in.Subject != "" && !validSubject(in.Subject) {
		return invalidParameter("Subject")
	}
	if err := validateMessageAttributes(in.Attributes); err != nil {
		return err
	}
	if messageSize(in.Message, in.Attributes) > maxMessageBytes {
		return invalidParameter("Message too long")
	}
	return in.checkStructure()
}

// checkStructure resolves MessageStructure=json to the message SQS
// subscribers get, refusing a structure AWS refuses.
func (in *publishRequest) checkStructure() error {
	switch in.structure {
	case "":
	case "json":
		per, err := protocolMessages(in.Message)
		if err != nil {
			return err
		}
		def, ok := per["default"]
		if !ok {
			return invalidParameter("Message Structure - No default entry in JSON message body")
		}
		in.Message = def
		if m, ok := per["sqs"]; ok {
			in.Message = m
		}
	default:
		return invalidParameter("MessageStructure")
	}
	return nil
}

// protocolMessages reads a MessageStructure=json message: an object whose
// string values are the messages per protocol. Keys with other values are
// ignored, as the Publish reference says, so {"default":{...}} has no
// default entry (LocalStack's test_message_structure_json_exc,
// key-is-not-string, recorded from AWS).
func protocolMessages(message string) (map[string]string, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(message), &raw); err != nil {
		return nil, invalidParameter("Message Structure - JSON message body failed to parse")
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		var text string
		if json.Unmarshal(v, &text) == nil {
			out[k] = text
		}
	}
	return out, nil
}

// validSubject: under 100 printable ASCII characters, no line breaks,
// starting with a letter, digit or punctuation.
func validSubject(subject string) bool {
	if len(subject) >= 100 {
		return false
	}
	for i, c := range subject {
		if c > unicode.MaxASCII || !unicode.IsPrint(c) {
			return false
		}
		if i == 0 && c == ' ' {
			return false
		}
	}
	return true
}

// publish validates, then delivers to each matching subscription. r is the
// HTTP request, if any, for the public URL. On a FIFO topic a duplicate
// within the deduplication window answers the first message's ID and is
// not delivered again.
func (s *Service) publish(ctx context.Context, r *http.Request, in publishRequest) (published, error) {
	if in.TopicArn == "" {
		return published{}, invalidParameter("TopicArn or TargetArn Reason: no value for required parameter")
	}
	if err := in.validate(); err != nil {
		return published{}, err
	}
	s.mu.RLock()
	t, err := s.lookupTopic(in.region, "TopicArn", in.TopicArn)
	var (
		targets      []target
		version      = "1"
		contentDedup bool
		groupScope   bool // FifoThroughputScope MessageGroup: deduplicate within each group
	)
	if err == nil {
		for _, arn := range t.subs {
			if sub := s.subs[arn]; !sub.pending {
				targets = append(targets, targetOf(sub, t.attrs["DeliveryPolicy"]))
			}
		}
		if v := t.attrs["SignatureVersion"]; v != "" {
			version = v
		}
		contentDedup = t.attrs["ContentBasedDeduplication"] == "true"
		groupScope = t.attrs["FifoThroughputScope"] == "MessageGroup"
	}
	s.mu.RUnlock()
	if err != nil {
		return published{}, err
	}
	dedupID, err := checkFIFOIDs(t.fifo != nil, contentDedup, &in.PublishInput)
	if err != nil {
		return published{}, err
	}
	n := &notification{
		messageID: s.newID(),
		topicArn:  t.arn,
		subject:   in.Subject,
		message:   in.Message,
		attrs:     in.Attributes,
		time:      s.clock.Now(),
		baseURL:   strings.TrimSuffix(s.publicURL(r), "/"),
		version:   version,
	}
	if t.fifo != nil {
		t.fifo.mu.Lock()
		defer t.fifo.mu.Unlock()
		key := dedupID
		if groupScope {
			key = in.MessageGroupID + "\x00" + dedupID
		}
		first, dup := t.fifo.admit(key, n.messageID, n.time)
		if dup {
			return published{messageID: first.messageID, sequence: first.sequence}, nil
		}
		n.groupID, n.dedupID, n.sequence = in.MessageGroupID, dedupID, first.sequence
	}
	if s.published != nil {
		s.published(Published{TopicARN: n.topicArn, MessageID: n.messageID, Subject: n.subject, Message: n.message, At: n.time})
	}
	s.deliver(context.WithoutCancel(ctx), n, targets)
	return published{messageID: n.messageID, sequence: n.sequence}, nil
}
