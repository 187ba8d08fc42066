package snslocal

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"sync"
	"time"
	"unicode/utf8"
)

// SMS is a text message the local SNS would have sent: published to a
// phone number directly or through a topic's sms subscription. Nothing is
// sent; SentSMS lists them so that a test or a developer can read the code
// their program texted.
type SMS struct {
	PhoneNumber, MessageID, Message string
	// SubscriptionARN is the sms subscription it went through; empty for a
	// direct publish.
	SubscriptionARN string
	At              time.Time
}

// maxSMSCharacters is the longest message a Publish to a phone number
// takes.
const maxSMSCharacters = 1600

// e164 is the phone number format SNS takes: a plus, a country code and
// up to fifteen digits in all.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)

// outbox holds what SNS keeps about text messaging (per region, the SMS
// attributes and the numbers that opted out) and every text, push
// notification and mail "sent".
type outbox struct {
	mu         sync.Mutex                   // guards attributes and optedOut
	attributes map[string]map[string]string // by region
	optedOut   map[string]map[string]bool   // by region
	sent       sentLog[SMS]
	pushed     sentLog[Push]
	emailed    sentLog[Email]
}

// sentLog is what the local SNS "sent" of one kind, oldest first, safe
// for concurrent use: deliveries add to it while a test reads it.
type sentLog[T any] struct {
	mu    sync.Mutex
	items []T
}

func (l *sentLog[T]) add(v T) {
	l.mu.Lock()
	l.items = append(l.items, v)
	l.mu.Unlock()
}

// all returns a copy, so the caller may keep it while more is sent.
func (l *sentLog[T]) all() []T {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]T(nil), l.items...)
}

func newOutbox() *outbox {
	return &outbox{attributes: map[string]map[string]string{}, optedOut: map[string]map[string]bool{}}
}

// SentSMS returns the text messages published so far, oldest first.
func (s *Service) SentSMS() []SMS { return s.outbox.sent.all() }

func checkPhoneNumber(member, number string) error {
	if !e164.MatchString(number) {
		return invalidParameter("%s Reason: %s does not meet the E164 format", member, number)
	}
	return nil
}

// publishSMS is Publish with a PhoneNumber: checked and recorded, not sent.
func (s *Service) publishSMS(req *request) (any, error) {
	p := req.params
	if !e164.MatchString(p["PhoneNumber"]) {
		// LocalStack's test_publish_wrong_phone_format, recorded from AWS.
		return nil, invalidParameter("PhoneNumber Reason: %s is not valid to publish to", p["PhoneNumber"])
	}
	switch n := utf8.RuneCountInString(p["Message"]); {
	case n == 0:
		return nil, invalidParameter("Empty message")
	case n > maxSMSCharacters:
		return nil, invalidParameter("Message Reason: SMS message must be less than %d characters long", maxSMSCharacters)
	}
	id := s.newID()
	s.outbox.sent.add(SMS{PhoneNumber: p["PhoneNumber"], MessageID: id, Message: p["Message"], At: s.clock.Now()})
	s.logger.Info("sns text message recorded, not sent", "messageId", id)
	return publishResult{MessageID: id}, nil
}

type smsAttributesResult struct {
	Attributes []entry `xml:"attributes>entry"`
}

// setSMSAttributesAction stores the account's default SMS settings
// (DefaultSMSType, DefaultSenderID, MonthlySpendLimit, ...), per region.
func (s *Service) setSMSAttributesAction(req *request) (any, error) {
	attrs, err := req.params.stringMap("attributes")
	if err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		if err := checkSMSAttribute(k, attrs[k]); err != nil {
			return nil, err
		}
	}
	s.outbox.mu.Lock()
	defer s.outbox.mu.Unlock()
	m := s.outbox.attributes[req.region]
	if m == nil {
		m = map[string]string{}
		s.outbox.attributes[req.region] = m
	}
	for k, v := range attrs {
		m[k] = v
	}
	return struct{}{}, nil // an empty result element, which the SDKs expect
}

// checkSMSAttribute refuses the names SetSMSAttributes does not take and a
// DefaultSMSType other than Promotional or Transactional, in AWS's words
// (LocalStack's test_set_invalid_sms_attributes, recorded from AWS).
func checkSMSAttribute(name, value string) error {
	switch name {
	case "DefaultSMSType":
		if value != "Promotional" && value != "Transactional" {
			return errorf(codeInvalidParameter, "DefaultSMSType is invalid")
		}
	case "MonthlySpendLimit", "DeliveryStatusIAMRole", "DeliveryStatusSuccessSamplingRate", "DefaultSenderID", "UsageReportS3Bucket":
	default:
		return errorf(codeInvalidParameter, "%s is not a valid attribute", name)
	}
	return nil
}

// getSMSAttributesAction returns the SMS settings, all of them or the ones
// named.
func (s *Service) getSMSAttributesAction(req *request) (any, error) {
	names, err := req.params.list("attributes.member")
	if err != nil {
		return nil, err
	}
	s.outbox.mu.Lock()
	defer s.outbox.mu.Unlock()
	out := map[string]string{}
	for k, v := range s.outbox.attributes[req.region] {
		if len(names) == 0 || contains(names, k) {
			out[k] = v
		}
	}
	return smsAttributesResult{Attributes: sortedEntries(out)}, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

type optedOutResult struct {
	IsOptedOut bool `xml:"isOptedOut"`
}

// checkIfPhoneNumberIsOptedOutAction reports whether a number opted out.
// Numbers opt out by replying STOP to a text, which cannot happen here, so
// none has unless the list was edited; OptInPhoneNumber takes one off.
func (s *Service) checkIfPhoneNumberIsOptedOutAction(req *request) (any, error) {
	number := req.params["phoneNumber"]
	if err := checkPhoneNumber("phoneNumber", number); err != nil {
		return nil, err
	}
	s.outbox.mu.Lock()
	defer s.outbox.mu.Unlock()
	return optedOutResult{IsOptedOut: s.outbox.optedOut[req.region][number]}, nil
}

type optedOutListResult struct {
	PhoneNumbers []string `xml:"phoneNumbers>member"`
}

// listPhoneNumbersOptedOutAction lists the numbers that opted out.
func (s *Service) listPhoneNumbersOptedOutAction(req *request) (any, error) {
	s.outbox.mu.Lock()
	defer s.outbox.mu.Unlock()
	out := optedOutListResult{PhoneNumbers: []string{}}
	for n := range s.outbox.optedOut[req.region] {
		out.PhoneNumbers = append(out.PhoneNumbers, n)
	}
	sort.Strings(out.PhoneNumbers)
	return out, nil
}

// optInPhoneNumberAction takes a number off the opted-out list.
func (s *Service) optInPhoneNumberAction(req *request) (any, error) {
	number := req.params["phoneNumber"]
	if !e164.MatchString(number) {
		// LocalStack's test_opt_in_invalid_number, recorded from AWS.
		return nil, invalidParameter("PhoneNumber Reason: input incorrectly formatted")
	}
	s.outbox.mu.Lock()
	defer s.outbox.mu.Unlock()
	delete(s.outbox.optedOut[req.region], number)
	return struct{}{}, nil // an empty result element, which the SDKs expect
}
