package sqslocal

import (
	"encoding/json"
	"strconv"
	"strings"
)

// settings are a queue's configurable attributes.
type settings struct {
	visibility int // seconds
	delay      int // seconds
	retention  int // seconds
	maxSize    int // bytes
	waitTime   int // seconds
	redrive    *redrivePolicy
	// other holds attributes that are stored and echoed but change no
	// behaviour here: Policy, KMS and FIFO settings, RedriveAllowPolicy.
	other map[string]string
}

// redrivePolicy is the parsed RedrivePolicy attribute.
type redrivePolicy struct {
	targetARN       string
	maxReceiveCount int
}

// defaultSettings are AWS's defaults for a new queue. New queues are
// encrypted with SQS-managed keys unless told otherwise: AWS reports
// SqsManagedSseEnabled "true" for a queue created without attributes
// (test_set_queue_attributes_default_values in LocalStack's AWS-recorded
// tests/aws/services/sqs/test_sqs.snapshot.json).
func defaultSettings() settings {
	return settings{visibility: 30, retention: 345600, maxSize: 1048576, other: map[string]string{"SqsManagedSseEnabled": "true"}}
}

// booleanAttributes are written back as AWS does, "true" or "false",
// whatever the case they were sent in ("True" is accepted).
var booleanAttributes = map[string]bool{
	"FifoQueue": true, "ContentBasedDeduplication": true, "SqsManagedSseEnabled": true,
}

// intRange bounds one numeric attribute.
type intRange struct{ min, max int }

// numericAttributes lists the numeric attributes and their valid ranges.
var numericAttributes = map[string]intRange{
	"VisibilityTimeout":      {0, 43200},
	"DelaySeconds":           {0, 900},
	"MessageRetentionPeriod": {60, 1209600},
	// AWS raised both the limit and the default to 1 MiB in August 2025.
	"MaximumMessageSize":            {1024, 1048576},
	"ReceiveMessageWaitTimeSeconds": {0, 20},
}

// storedAttributes are accepted and echoed back without further meaning.
var storedAttributes = map[string]bool{
	"Policy": true, "RedriveAllowPolicy": true, "KmsMasterKeyId": true,
	"KmsDataKeyReusePeriodSeconds": true, "SqsManagedSseEnabled": true,
	"FifoQueue": true, "ContentBasedDeduplication": true,
	"DeduplicationScope": true, "FifoThroughputLimit": true,
}

// computedAttributes are read-only attributes GetQueueAttributes reports.
var computedAttributes = map[string]bool{
	"ApproximateNumberOfMessages": true, "ApproximateNumberOfMessagesNotVisible": true,
	"ApproximateNumberOfMessagesDelayed": true, "CreatedTimestamp": true,
	"LastModifiedTimestamp": true, "QueueArn": true,
}

// apply validates attrs and returns cur with them set. byARN finds the live
// queue a dead-letter target ARN names.
func (cur settings) apply(attrs map[string]string, byARN func(arn string) *queue) (settings, *Error) {
	next := cur
	next.other = make(map[string]string, len(cur.other)+len(attrs))
	for k, v := range cur.other {
		next.other[k] = v
	}
	for name, value := range attrs {
		if r, ok := numericAttributes[name]; ok {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < r.min || n > r.max {
				return cur, newError(CodeInvalidAttributeValue, "Invalid value for the parameter %s.", name)
			}
			next.setNumber(name, n)
			continue
		}
		switch {
		case name == "RedrivePolicy":
			p, err := parseRedrivePolicy(value, func(arn string) bool { return byARN(arn) != nil })
			if err != nil {
				return cur, err
			}
			next.redrive = p
		case name == "Policy" && strings.TrimSpace(value) == "":
			delete(next.other, name) // an empty policy removes it, as in AWS
		case booleanAttributes[name] && (strings.EqualFold(value, "true") || strings.EqualFold(value, "false")):
			next.other[name] = strings.ToLower(value)
		case storedAttributes[name]:
			next.other[name] = value
		default:
			return cur, newError(CodeInvalidAttributeName, "Unknown Attribute %s.", name)
		}
	}
	if err := next.applyEncryption(attrs); err != nil {
		return cur, err
	}
	return next, nil
}

// applyEncryption keeps the two kinds of server-side encryption apart, as
// LocalStack's AWS recordings show (test_sse_queue_attributes,
// test_sse_kms_and_sqs_are_mutually_exclusive and
// test_set_queue_attributes_default_values in
// tests/aws/services/sqs/test_sqs.snapshot.json): a KMS key turns
// SQS-managed encryption off, asking for both at once is refused, and an
// empty KmsMasterKeyId removes the key (its reuse period is then no
// longer reported).
func (s *settings) applyEncryption(attrs map[string]string) *Error {
	key, setKey := attrs["KmsMasterKeyId"]
	if !setKey {
		return nil
	}
	if key == "" {
		delete(s.other, "KmsMasterKeyId")
		delete(s.other, "KmsDataKeyReusePeriodSeconds")
		return nil
	}
	if strings.EqualFold(attrs["SqsManagedSseEnabled"], "true") {
		return newError(CodeInvalidAttributeName, "You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.")
	}
	s.other["SqsManagedSseEnabled"] = "false"
	return nil
}

func (s *settings) setNumber(name string, n int) {
	switch name {
	case "VisibilityTimeout":
		s.visibility = n
	case "DelaySeconds":
		s.delay = n
	case "MessageRetentionPeriod":
		s.retention = n
	case "MaximumMessageSize":
		s.maxSize = n
	case "ReceiveMessageWaitTimeSeconds":
		s.waitTime = n
	}
}

// get returns a configurable attribute's value as AWS renders it.
func (s settings) get(name string) (string, bool) {
	switch name {
	case "VisibilityTimeout":
		return strconv.Itoa(s.visibility), true
	case "DelaySeconds":
		return strconv.Itoa(s.delay), true
	case "MessageRetentionPeriod":
		return strconv.Itoa(s.retention), true
	case "MaximumMessageSize":
		return strconv.Itoa(s.maxSize), true
	case "ReceiveMessageWaitTimeSeconds":
		return strconv.Itoa(s.waitTime), true
	case "RedrivePolicy":
		if s.redrive == nil {
			return "", false
		}
		b, _ := json.Marshal(struct {
			Target string `json:"deadLetterTargetArn"`
			Max    int    `json:"maxReceiveCount"`
		}{s.redrive.targetARN, s.redrive.maxReceiveCount})
		return string(b), true
	}
	v, ok := s.other[name]
	return v, ok
}

// parseRedrivePolicy reads the RedrivePolicy JSON, whose maxReceiveCount
// may be a number or a string. An empty value removes the policy.
func parseRedrivePolicy(value string, exists func(string) bool) (*redrivePolicy, *Error) {
	if strings.TrimSpace(value) == "" {
		return nil, nil
	}
	invalid := func(reason string) *Error { return errInvalidParam("RedrivePolicy", value, reason) }
	var raw struct {
		Target string          `json:"deadLetterTargetArn"`
		Max    json.RawMessage `json:"maxReceiveCount"`
	}
	if err := json.Unmarshal([]byte(value), &raw); err != nil {
		return nil, invalid("Invalid value for the parameter RedrivePolicy.")
	}
	if raw.Target == "" || len(raw.Max) == 0 {
		return nil, invalid("Redrive policy does not contain mandatory attribute: deadLetterTargetArn or maxReceiveCount.")
	}
	text := strings.Trim(string(raw.Max), `"`)
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 || n > 1000 {
		return nil, invalid("Invalid value for maxReceiveCount: " + text + ", valid values are from 1 to 1000 both inclusive.")
	}
	if !exists(raw.Target) {
		return nil, invalid("Dead letter target does not exist.")
	}
	return &redrivePolicy{targetARN: raw.Target, maxReceiveCount: n}, nil
}
