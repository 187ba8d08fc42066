package snslocal_test

import (
	"context"
	"testing"

	"github.com/payflow-dev/payflow/localaws/snslocal"
)

// BenchmarkPublish measures an in-process publish delivered to one queue,
// signed envelope and raw.
func BenchmarkPublish(b *testing.B) {
	for _, raw := range []string{"false", "true"} {
		b.Run("raw="+raw, func(b *testing.B) {
			svc := snslocal.New(snslocal.Config{Queues: &discardSink{}})
			_, body := post(b, svc, "Action=CreateTopic&Name=bench")
			_ = body
			topic := "arn:aws:sns:us-east-1:123456789012:bench"
			post(b, svc, "Action=Subscribe&TopicArn="+topic+"&Protocol=sqs&Endpoint=arn:aws:sqs:us-east-1:123456789012:q"+
				"&Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value="+raw)
			in := snslocal.PublishInput{TopicArn: topic, Subject: "Order paid", Message: `{"orderId":"o-1","status":"PAID"}`,
				Attributes: map[string]snslocal.MessageAttribute{"status": {DataType: "String", StringValue: "PAID"}}}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := svc.Publish(context.Background(), in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type discardSink struct{}

func (discardSink) SendToQueue(context.Context, string, string, map[string]snslocal.MessageAttribute) error {
	return nil
}
