package snslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/payflow-dev/payflow/localaws/snslocal"
)

// TestTextMessages publishes to a phone number directly and through an sms
// subscription; neither is sent, both are listed by SentSMS, as a program
// texting a one-time code would want to check.
func TestTextMessages(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	direct, err := e.client.Publish(ctx, &sns.PublishInput{PhoneNumber: aws.String("+15551234567"), Message: aws.String("Your code is 123456")})
	if err != nil {
		t.Fatalf("Publish to a phone number: %v", err)
	}
	topic := e.createTopic(t, "alerts")
	sub, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("sms"), Endpoint: aws.String("+447700900123")})
	if err != nil {
		t.Fatalf("Subscribe sms: %v", err)
	}
	viaTopic, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String("order o-1 paid"), Subject: aws.String("ignored by texts")})
	if err != nil {
		t.Fatal(err)
	}
	want := []snslocal.SMS{
		{PhoneNumber: "+15551234567", MessageID: aws.ToString(direct.MessageId), Message: "Your code is 123456", At: t0},
		{PhoneNumber: "+447700900123", MessageID: aws.ToString(viaTopic.MessageId), Message: "order o-1 paid", SubscriptionARN: aws.ToString(sub.SubscriptionArn), At: t0},
	}
	if diff := cmp.Diff(want, e.svc.SentSMS(), cmpopts.EquateApproxTime(0)); diff != "" {
		t.Errorf("SentSMS (-want +got):\n%s", diff)
	}

	_, err = e.client.Publish(ctx, &sns.PublishInput{PhoneNumber: aws.String("NAA+15551234567"), Message: aws.String("m")})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("Publish to a number not in E.164: %q (%v), want InvalidParameter", got, err)
	}
	_, err = e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("sms"), Endpoint: aws.String("+15--551234567")})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("Subscribe a malformed number: %q (%v), want InvalidParameter", got, err)
	}
}

// TestSMSSettings covers the account's SMS attributes and the opt-out list.
func TestSMSSettings(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.client.SetSMSAttributes(ctx, &sns.SetSMSAttributesInput{Attributes: map[string]string{"DefaultSMSType": "Transactional", "DefaultSenderID": "Payflow"}}); err != nil {
		t.Fatalf("SetSMSAttributes: %v", err)
	}
	got, err := e.client.GetSMSAttributes(ctx, &sns.GetSMSAttributesInput{Attributes: []string{"DefaultSMSType"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"DefaultSMSType": "Transactional"}, got.Attributes); diff != "" {
		t.Errorf("GetSMSAttributes of one name (-want +got):\n%s", diff)
	}
	opted, err := e.client.CheckIfPhoneNumberIsOptedOut(ctx, &sns.CheckIfPhoneNumberIsOptedOutInput{PhoneNumber: aws.String("+15551234567")})
	if err != nil || opted.IsOptedOut {
		t.Errorf("CheckIfPhoneNumberIsOptedOut = %+v, %v; want not opted out", opted, err)
	}
	_, err = e.client.CheckIfPhoneNumberIsOptedOut(ctx, &sns.CheckIfPhoneNumberIsOptedOutInput{PhoneNumber: aws.String("+44742LALALA")})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("CheckIfPhoneNumberIsOptedOut of a malformed number: %q, want InvalidParameter", got)
	}
	list, err := e.client.ListPhoneNumbersOptedOut(ctx, &sns.ListPhoneNumbersOptedOutInput{})
	if err != nil || len(list.PhoneNumbers) != 0 {
		t.Errorf("ListPhoneNumbersOptedOut = %+v, %v; want none", list, err)
	}
	if _, err := e.client.OptInPhoneNumber(ctx, &sns.OptInPhoneNumberInput{PhoneNumber: aws.String("+15551234567")}); err != nil {
		t.Errorf("OptInPhoneNumber: %v", err)
	}
}
