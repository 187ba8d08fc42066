package snslocal

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"sort"
	"strings"
	"time"
)

// timestampLayout is the notification Timestamp: UTC, milliseconds, "Z".
const timestampLayout = "2006-01-02T15:04:05.000Z"

// envelope is the JSON document SNS delivers to an SQS subscription without
// raw delivery. Field order follows AWS's.
type envelope struct {
	Type              string                       `json:"Type"`
	MessageID         string                       `json:"MessageId"`
	SequenceNumber    string                       `json:"SequenceNumber,omitempty"`
	TopicArn          string                       `json:"TopicArn"`
	Subject           string                       `json:"Subject,omitempty"`
	Message           string                       `json:"Message"`
	Timestamp         string                       `json:"Timestamp"`
	SignatureVersion  string                       `json:"SignatureVersion,omitempty"`
	Signature         string                       `json:"Signature,omitempty"`
	SigningCertURL    string                       `json:"SigningCertURL,omitempty"`
	UnsubscribeURL    string                       `json:"UnsubscribeURL"`
	MessageAttributes map[string]envelopeAttribute `json:"MessageAttributes,omitempty"`
}

// envelopeAttribute is how a message attribute appears in an envelope.
type envelopeAttribute struct {
	Type  string `json:"Type"`
	Value string `json:"Value"`
}

// canonical is the string SNS signs for a Notification: each present field
// name and value on their own lines, in this fixed order.
func (e *envelope) canonical() string {
	var b strings.Builder
	add := func(name, value string) {
		b.WriteString(name)
		b.WriteByte('\n')
		b.WriteString(value)
		b.WriteByte('\n')
	}
	add("Message", e.Message)
	add("MessageId", e.MessageID)
	if e.Subject != "" {
		add("Subject", e.Subject)
	}
	add("Timestamp", e.Timestamp)
	add("TopicArn", e.TopicArn)
	add("Type", e.Type)
	return b.String()
}

// envelopeAttributes renders message attributes for the envelope; binary
// values travel base64-encoded.
func envelopeAttributes(attrs map[string]MessageAttribute) map[string]envelopeAttribute {
	if len(attrs) == 0 {
		return nil
	}
	out := make(map[string]envelopeAttribute, len(attrs))
	for name, a := range attrs {
		v := a.StringValue
		if strings.HasPrefix(a.DataType, "Binary") {
			v = base64.StdEncoding.EncodeToString(a.BinaryValue)
		}
		out[name] = envelopeAttribute{Type: a.DataType, Value: v}
	}
	return out
}

// notification is one published message on its way to subscribers.
type notification struct {
	messageID string
	topicArn  string
	subject   string
	message   string
	attrs     map[string]MessageAttribute
	time      time.Time
	baseURL   string
	version   string // SignatureVersion of the topic
	// groupID, dedupID and sequence are set on FIFO topics only.
	groupID, dedupID, sequence string
}

// body renders the envelope for one subscription, signed, except a FIFO
// topic's: AWS delivers those without Signature, SignatureVersion and
// SigningCertURL (LocalStack's AWS-validated TestSNSSubscriptionSQSFifo
// snapshots, e.g. test_message_to_fifo_sqs).
func (n *notification) body(sg *signer, subscriptionArn string) (string, error) {
	e := envelope{
		Type:              "Notification",
		MessageID:         n.messageID,
		SequenceNumber:    n.sequence,
		TopicArn:          n.topicArn,
		Subject:           n.subject,
		Message:           n.message,
		Timestamp:         n.time.UTC().Format(timestampLayout),
		UnsubscribeURL:    n.baseURL + "/?Action=Unsubscribe&SubscriptionArn=" + arnInURL(subscriptionArn),
		MessageAttributes: envelopeAttributes(n.attrs),
	}
	if n.sequence == "" {
		e.SignatureVersion, e.SigningCertURL = n.version, n.baseURL+CertPath
		sig, err := sg.sign(n.version, e.canonical())
		if err != nil {
			return "", err
		}
		e.Signature = sig
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

// sortedNames lists attribute names in order, for stable validation errors.
func sortedNames(attrs map[string]MessageAttribute) []string {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// arnInURL writes an ARN as a query value the way AWS does in SubscribeURL
// and UnsubscribeURL: escaped, but with its colons left plain (LocalStack's
// AWS-validated SNS snapshots record "SubscriptionArn=arn:aws:sns:...").
func arnInURL(arn string) string {
	return strings.ReplaceAll(url.QueryEscape(arn), "%3A", ":")
}
