package snslocal

import (
	"net/http"
	"strings"
	"time"
)

// Email is a message the local SNS would have mailed: a subscription
// confirmation, or a notification to a confirmed email or email-json
// subscription. Nothing is mailed; SentEmail lists them, so that a
// developer can open the confirmation link or read the notification.
type Email struct {
	To, Subject, Body string
	// SubscriptionARN is the subscription it was sent for.
	SubscriptionARN string
	At              time.Time
}

// SentEmail returns the emails sent so far, oldest first.
func (s *Service) SentEmail() []Email { return s.outbox.emailed.all() }

// email reports whether the subscription is by email.
func (sub *subscription) email() bool { return sub.protocol == "email" || sub.protocol == "email-json" }

// confirmable reports whether the subscription waits for its endpoint to
// confirm, as http, https and email subscriptions do on AWS.
func (sub *subscription) confirmable() bool { return sub.web() || sub.email() }

// validEmail is a loose check of an address: one @ with text either side,
// no spaces.
func validEmail(addr string) bool {
	local, domain, ok := strings.Cut(addr, "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(addr, " \t\r\n") && !strings.Contains(domain, "@")
}

// sendEmailConfirmation records the confirmation mail of a new email
// subscription: its link confirms the subscription.
func (s *Service) sendEmailConfirmation(r *http.Request, sub *subscription) {
	base := strings.TrimSuffix(s.publicURL(r), "/")
	link := base + "/?Action=ConfirmSubscription&TopicArn=" + arnInURL(sub.topicArn) + "&Token=" + sub.token
	s.outbox.emailed.add(Email{To: sub.endpoint, Subject: "AWS Notification - Subscription Confirmation", SubscriptionARN: sub.arn,
		Body: "A subscription of this address to the topic " + sub.topicArn + " is waiting for confirmation.\n" +
			"Open this link to confirm it:\n" + link + "\n", At: s.clock.Now()})
	// The link is logged so that a developer running the endpoint as a
	// process (make run) can confirm; it carries no message content.
	s.logger.Info("sns subscription confirmation mail recorded, not sent", "subscription", sub.arn, "confirmLink", link)
}

// emailNotification records a notification to a confirmed email
// subscription: the message itself (email) or the signed envelope
// (email-json).
func (s *Service) emailNotification(n *notification, t target, envelope string) {
	subject := n.subject
	if subject == "" {
		subject = "AWS Notification Message"
	}
	body := n.message
	if t.protocol == "email-json" {
		body = envelope
	}
	s.outbox.emailed.add(Email{To: t.endpoint, Subject: subject, Body: body, SubscriptionARN: t.arn, At: n.time})
}
