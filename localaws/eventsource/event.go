package eventsource

import (
	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// event builds the SQS event Lambda passes to the function.
func (m *Mapping) event(msgs []types.Message) events.SQSEvent {
	ev := events.SQSEvent{Records: make([]events.SQSMessage, len(msgs))}
	for i, msg := range msgs {
		rec := events.SQSMessage{
			MessageId:              aws.ToString(msg.MessageId),
			ReceiptHandle:          aws.ToString(msg.ReceiptHandle),
			Body:                   aws.ToString(msg.Body),
			Md5OfBody:              aws.ToString(msg.MD5OfBody),
			Md5OfMessageAttributes: aws.ToString(msg.MD5OfMessageAttributes),
			Attributes:             msg.Attributes,
			EventSource:            "aws:sqs",
			EventSourceARN:         m.cfg.QueueARN,
			AWSRegion:              m.cfg.Region,
		}
		if rec.Attributes == nil {
			rec.Attributes = map[string]string{}
		}
		rec.MessageAttributes = make(map[string]events.SQSMessageAttribute, len(msg.MessageAttributes))
		for name, a := range msg.MessageAttributes {
			rec.MessageAttributes[name] = events.SQSMessageAttribute{
				StringValue:      a.StringValue,
				BinaryValue:      a.BinaryValue,
				StringListValues: a.StringListValues,
				BinaryListValues: a.BinaryListValues,
				DataType:         aws.ToString(a.DataType),
			}
		}
		ev.Records[i] = rec
	}
	return ev
}
