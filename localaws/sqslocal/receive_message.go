package sqslocal

import (
	"context"
	"strconv"
	"strings"
)

type receiveMessageInput struct {
	QueueURL                    string
	AttributeNames              []string
	MessageSystemAttributeNames []string
	MessageAttributeNames       []string
	MaxNumberOfMessages         *int
	VisibilityTimeout           *int
	WaitTimeSeconds             *int
	ReceiveRequestAttemptID     string
}

func (in *receiveMessageInput) fromForm(f form) *Error {
	var err *Error
	in.QueueURL = f.str("QueueUrl")
	// Both system attribute lists travel as AttributeName.N in the query protocol.
	in.AttributeNames = f.list("AttributeName")
	in.MessageSystemAttributeNames = f.list("MessageSystemAttributeName")
	in.MessageAttributeNames = f.list("MessageAttributeName")
	in.ReceiveRequestAttemptID = f.str("ReceiveRequestAttemptId")
	if in.MaxNumberOfMessages, err = f.intPtr("MaxNumberOfMessages"); err != nil {
		return err
	}
	if in.VisibilityTimeout, err = f.intPtr("VisibilityTimeout"); err != nil {
		return err
	}
	in.WaitTimeSeconds, err = f.intPtr("WaitTimeSeconds")
	return err
}

type messageOutput struct {
	MessageID              string         `json:"MessageId" xml:"MessageId"`
	ReceiptHandle          string         `json:"ReceiptHandle" xml:"ReceiptHandle"`
	MD5OfBody              string         `json:"MD5OfBody" xml:"MD5OfBody"`
	Body                   string         `json:"Body" xml:"Body"`
	Attributes             attrMap        `json:"Attributes,omitempty" xml:"Attribute"`
	MD5OfMessageAttributes string         `json:"MD5OfMessageAttributes,omitempty" xml:"MD5OfMessageAttributes,omitempty"`
	MessageAttributes      messageAttrMap `json:"MessageAttributes,omitempty" xml:"MessageAttribute"`
}

type receiveMessageOutput struct {
	Messages []messageOutput `json:"Messages,omitempty" xml:"Message"`
}

// receiveMessage hands out visible messages, long polling when asked to.
func (s *Service) receiveMessage(ctx context.Context, c *call, in *receiveMessageInput) (*receiveMessageOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	q.mu.Lock()
	defaults := q.settings
	q.mu.Unlock()
	opt := receiveOptions{max: 1, visibility: seconds(defaults.visibility), wait: seconds(defaults.waitTime)}
	if n := in.MaxNumberOfMessages; n != nil {
		if *n < 1 || *n > 10 {
			return nil, errInvalidParam("MaxNumberOfMessages", itoa(*n), "Must be between 1 and 10, if provided.")
		}
		opt.max = *n
	}
	if n := in.VisibilityTimeout; n != nil {
		if *n < 0 || *n > 43200 {
			return nil, errInvalidParam("VisibilityTimeout", itoa(*n), "Must be >= 0 and <= 43200, if provided.")
		}
		opt.visibility = seconds(*n)
	}
	if n := in.WaitTimeSeconds; n != nil {
		if *n < 0 || *n > 20 {
			return nil, errInvalidParam("WaitTimeSeconds", itoa(*n), "Must be >= 0 and <= 20, if provided.")
		}
		opt.wait = seconds(*n)
	}
	got, err := s.receive(ctx, q, opt)
	if err != nil {
		return nil, err
	}
	system := append(append([]string(nil), in.AttributeNames...), in.MessageSystemAttributeNames...)
	out := &receiveMessageOutput{}
	for _, r := range got {
		m := messageOutput{MessageID: r.id, ReceiptHandle: r.handle, MD5OfBody: r.md5Body, Body: r.body}
		m.Attributes = systemAttributes(r, system)
		m.MessageAttributes = selectAttributes(r.attrs, in.MessageAttributeNames)
		if len(m.MessageAttributes) == len(r.attrs) {
			m.MD5OfMessageAttributes = r.md5Attrs
		} else {
			m.MD5OfMessageAttributes = md5OfAttributes(m.MessageAttributes)
		}
		out.Messages = append(out.Messages, m)
	}
	return out, nil
}

// systemAttributes renders the requested system attributes of r.
func systemAttributes(r received, names []string) attrMap {
	if len(names) == 0 {
		return nil
	}
	have := map[string]string{
		"ApproximateReceiveCount":          strconv.Itoa(r.receives),
		"ApproximateFirstReceiveTimestamp": strconv.FormatInt(r.firstReceive.UnixMilli(), 10),
		"SentTimestamp":                    strconv.FormatInt(r.sentAt.UnixMilli(), 10),
		"SenderId":                         r.senderID,
	}
	if r.sourceARN != "" {
		have["DeadLetterQueueSourceArn"] = r.sourceARN
	}
	if r.traceHeader != "" {
		have["AWSTraceHeader"] = r.traceHeader
	}
	if r.groupID != "" {
		have["MessageGroupId"] = r.groupID
	}
	if r.seq != 0 {
		have["MessageDeduplicationId"] = r.dedupID
		have["SequenceNumber"] = sequenceNumber(r.seq)
	}
	out := attrMap{}
	for _, name := range names {
		if name == "All" {
			for k, v := range have {
				out[k] = v
			}
		} else if v, ok := have[name]; ok {
			out[name] = v
		}
	}
	return out
}

// selectAttributes picks the message attributes a receive asked for: "All",
// ".*" or "*" for every one ("*" as AWS answers it in LocalStack's recorded
// test_receive_message_message_attribute_names_filters), "prefix.*" for a
// family, or exact names.
func selectAttributes(attrs map[string]MessageAttribute, names []string) messageAttrMap {
	if len(attrs) == 0 || len(names) == 0 {
		return nil
	}
	out := messageAttrMap{}
	for _, want := range names {
		if want == "All" || want == ".*" || want == "*" {
			for k, v := range attrs {
				out[k] = v
			}
			break
		}
		if prefix, ok := strings.CutSuffix(want, ".*"); ok {
			for k, v := range attrs {
				if strings.HasPrefix(k, prefix) {
					out[k] = v
				}
			}
			continue
		}
		if v, ok := attrs[want]; ok {
			out[want] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
