package snslocal

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
)

// confirmation is the SubscriptionConfirmation document SNS posts to a new
// http/https subscriber. Field order follows AWS's.
type confirmation struct {
	Type             string `json:"Type"`
	MessageID        string `json:"MessageId"`
	Token            string `json:"Token"`
	TopicArn         string `json:"TopicArn"`
	Message          string `json:"Message"`
	SubscribeURL     string `json:"SubscribeURL"`
	Timestamp        string `json:"Timestamp"`
	SignatureVersion string `json:"SignatureVersion"`
	Signature        string `json:"Signature"`
	SigningCertURL   string `json:"SigningCertURL"`
}

// canonical is the string SNS signs for a SubscriptionConfirmation.
func (c *confirmation) canonical() string {
	var b strings.Builder
	for _, f := range [][2]string{
		{"Message", c.Message}, {"MessageId", c.MessageID}, {"SubscribeURL", c.SubscribeURL},
		{"Timestamp", c.Timestamp}, {"Token", c.Token}, {"TopicArn", c.TopicArn}, {"Type", c.Type},
	} {
		b.WriteString(f[0] + "\n" + f[1] + "\n")
	}
	return b.String()
}

// sendConfirmation posts a signed SubscriptionConfirmation to a pending
// subscription's endpoint, in the background, retried as its delivery
// policy says. r is the Subscribe request, for the public URL.
func (s *Service) sendConfirmation(r *http.Request, sub *subscription, version, topicPolicy string) {
	s.sendHandshake(r, sub, version, topicPolicy, "SubscriptionConfirmation", sub.token,
		"You have chosen to subscribe to the topic "+sub.topicArn+
			".\nTo confirm the subscription, visit the SubscribeURL included in this message.")
}

// sendUnsubscribeConfirmation tells a removed http/https subscription's
// endpoint it will receive nothing more; its SubscribeURL, with token,
// restores the subscription, as AWS's does.
func (s *Service) sendUnsubscribeConfirmation(r *http.Request, sub *subscription, version, topicPolicy, token string) {
	s.sendHandshake(r, sub, version, topicPolicy, "UnsubscribeConfirmation", token,
		"You have chosen to deactivate subscription "+sub.arn+
			".\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.")
}

// sendHandshake posts a signed SubscriptionConfirmation or
// UnsubscribeConfirmation whose SubscribeURL confirms token.
func (s *Service) sendHandshake(r *http.Request, sub *subscription, version, topicPolicy, kind, token, message string) {
	if version == "" {
		version = "1"
	}
	base := strings.TrimSuffix(s.publicURL(r), "/")
	c := confirmation{
		Type: kind, MessageID: s.newID(), Token: token, TopicArn: sub.topicArn, Message: message,
		SubscribeURL: base + "/?Action=ConfirmSubscription&TopicArn=" + arnInURL(sub.topicArn) +
			"&Token=" + token,
		Timestamp:        s.clock.Now().UTC().Format(timestampLayout),
		SignatureVersion: version,
		SigningCertURL:   base + CertPath,
	}
	sg, err := s.signingKey()
	if err == nil {
		c.Signature, err = sg.sign(version, c.canonical())
	}
	var body bytes.Buffer
	if err == nil {
		enc := json.NewEncoder(&body)
		enc.SetEscapeHTML(false)
		err = enc.Encode(c)
	}
	if err != nil {
		s.failures.Add(1)
		s.logger.LogAttrs(r.Context(), slog.LevelWarn, "sns "+kind+" not sent",
			slog.String("subscription", sub.arn), slog.Any("error", err))
		return
	}
	policy := effectivePolicy(topicPolicy, sub.attrs["DeliveryPolicy"])
	s.sendWeb(webRequest{
		url: sub.endpoint, body: strings.TrimSuffix(body.String(), "\n"),
		headers: webHeaders(kind, c.MessageID, sub.topicArn, policy.contentType),
		delays:  policy.delays, what: []slog.Attr{slog.String("subscription", sub.arn)},
	})
}

type confirmSubscriptionResult struct {
	SubscriptionArn string `xml:"SubscriptionArn"`
}

// confirmSubscriptionAction confirms a pending http/https subscription
// with the token its endpoint was sent; the SubscribeURL is this action as
// a GET. Confirming again with the same token answers the same ARN.
func (s *Service) confirmSubscriptionAction(req *request) (any, error) {
	token := req.params["Token"]
	if token == "" {
		return nil, invalidParameter("Token")
	}
	// The SubscribeURL is opened unsigned, so the topic ARN names the region.
	region := req.region
	if _, signed := req.http.Header["Authorization"]; !signed {
		region = ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookupTopic(region, "TopicArn", req.params["TopicArn"])
	var serr *Error
	if errors.As(err, &serr) && serr.Code == codeNotFound {
		// No topic, so no token of it: AWS names the token (LocalStack's
		// test_sns_confirm_subscription_wrong_token, topic-not-exists,
		// recorded from AWS).
		return nil, invalidParameter("Token")
	}
	if err != nil {
		return nil, err
	}
	for _, arn := range t.subs {
		if sub := s.subs[arn]; sub.confirmable() && sub.token == token {
			sub.pending = false
			return confirmSubscriptionResult{SubscriptionArn: sub.arn}, nil
		}
	}
	// The token of an UnsubscribeConfirmation restores the subscription.
	if sub, ok := s.unsubscribed[token]; ok && sub.topicArn == t.arn {
		delete(s.unsubscribed, token)
		sub.pending = false
		s.subs[sub.arn] = sub
		t.subs = append(t.subs, sub.arn)
		return confirmSubscriptionResult{SubscriptionArn: sub.arn}, nil
	}
	return nil, invalidParameter("Token")
}
