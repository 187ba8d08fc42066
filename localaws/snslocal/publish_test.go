package snslocal_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/snslocal"
)

func TestRawMessageDelivery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "raw")
	e.subscribe(t, topic, "rawq", map[string]string{"RawMessageDelivery": "true"})
	_, err := e.client.Publish(context.Background(), &sns.PublishInput{
		TopicArn: &topic, Message: aws.String(`{"orderId":"o-9"}`), Subject: aws.String("ignored in raw mode"),
		MessageAttributes: map[string]types.MessageAttributeValue{
			"status": {DataType: aws.String("String"), StringValue: aws.String("DECLINED")},
			"bin":    {DataType: aws.String("Binary"), BinaryValue: []byte("xyz")},
		},
	})
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	want := []delivery{{
		Queue: queueARN("rawq"),
		Body:  `{"orderId":"o-9"}`,
		Attrs: map[string]snslocal.MessageAttribute{
			"status": {DataType: "String", StringValue: "DECLINED"},
			"bin":    {DataType: "Binary", BinaryValue: []byte("xyz")},
		},
	}}
	if diff := cmp.Diff(want, e.sink.to("rawq")); diff != "" {
		t.Errorf("raw deliveries (-want +got):\n%s", diff)
	}
}

func TestPublishToTargetArnAndMessageStructure(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "structured")
	e.subscribe(t, topic, "sq", map[string]string{"RawMessageDelivery": "true"})
	_, err := e.client.Publish(context.Background(), &sns.PublishInput{
		TargetArn: &topic, MessageStructure: aws.String("json"),
		Message: aws.String(`{"default":"for everyone","sqs":"for queues"}`),
	})
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	got := e.sink.to("sq")
	if len(got) != 1 || got[0].Body != "for queues" {
		t.Errorf("deliveries = %+v, want one with body %q", got, "for queues")
	}
}

// TestPublishRejects checks the codes of Publish's refusals. A refused
// message attribute is ParameterValueInvalid, the code of the SDKs'
// InvalidParameterValueException (botocore's sns model; LocalStack's
// test_empty_or_wrong_message_attributes records AWS answering it).
func TestPublishRejects(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "strict")
	attr := func(typ, val string) map[string]types.MessageAttributeValue {
		return map[string]types.MessageAttributeValue{"a": {DataType: aws.String(typ), StringValue: aws.String(val)}}
	}
	tests := []struct {
		name string
		in   sns.PublishInput
		want string
	}{
		{name: "empty message", in: sns.PublishInput{TopicArn: &topic, Message: aws.String("")}, want: "InvalidParameter"},
		{name: "too long", in: sns.PublishInput{TopicArn: &topic, Message: aws.String(string(make([]byte, 256*1024+1)))}, want: "InvalidParameter"},
		{name: "long subject", in: sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), Subject: aws.String(string(bytes.Repeat([]byte("s"), 100)))}, want: "InvalidParameter"},
		{name: "subject line break", in: sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), Subject: aws.String("a\nb")}, want: "InvalidParameter"},
		{name: "NaN number", in: sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), MessageAttributes: attr("Number", "abc")}, want: "ParameterValueInvalid"},
		{name: "unknown type", in: sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), MessageAttributes: attr("Date", "x")}, want: "ParameterValueInvalid"},
		{name: "empty value", in: sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), MessageAttributes: attr("String", "")}, want: "ParameterValueInvalid"},
		{name: "reserved name", in: sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), MessageAttributes: map[string]types.MessageAttributeValue{
			"AWS.trace": {DataType: aws.String("String"), StringValue: aws.String("x")}}}, want: "ParameterValueInvalid"},
		{name: "both ARNs", in: sns.PublishInput{TopicArn: &topic, TargetArn: &topic, Message: aws.String("m")}, want: "InvalidParameter"},
		{name: "no target", in: sns.PublishInput{Message: aws.String("m")}, want: "InvalidParameter"},
		{name: "custom type", in: sns.PublishInput{TopicArn: &topic, Message: aws.String("m"), MessageAttributes: attr("String.id", "x")}, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.client.Publish(context.Background(), &tt.in)
			if got := errorCode(t, err); got != tt.want {
				t.Errorf("code %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestDeliveryFailureDoesNotFailPublish(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "partial")
	e.subscribe(t, topic, "broken-queue", nil)
	e.subscribe(t, topic, "working", nil)
	if _, err := e.client.Publish(context.Background(), &sns.PublishInput{TopicArn: &topic, Message: aws.String("m")}); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if n := len(e.sink.to("working")); n != 1 {
		t.Errorf("deliveries to the working queue = %d, want 1", n)
	}
	if n := e.svc.DeliveryFailures(); n != 1 {
		t.Errorf("DeliveryFailures = %d, want 1", n)
	}
}

func TestInProcessPublish(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "inproc")
	e.subscribe(t, topic, "q", map[string]string{"RawMessageDelivery": "true"})
	id, err := e.svc.Publish(context.Background(), snslocal.PublishInput{
		TopicArn: topic, Message: "hello", Attributes: map[string]snslocal.MessageAttribute{"k": {DataType: "String", StringValue: "v"}},
	})
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if id == "" {
		t.Errorf("empty message id")
	}
	if got := e.sink.to("q"); len(got) != 1 || got[0].Body != "hello" || got[0].Attrs["k"].StringValue != "v" {
		t.Errorf("deliveries = %+v, want one raw hello with k=v", got)
	}
	_, err = e.svc.Publish(context.Background(), snslocal.PublishInput{TopicArn: topic + "-missing", Message: "x"})
	var serr *snslocal.Error
	if !errors.As(err, &serr) || serr.Code != "NotFound" {
		t.Errorf("Publish to a missing topic: %v, want *Error NotFound", err)
	}
}
