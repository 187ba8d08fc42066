package awsadapter

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Notifier publishes payment outcomes to the notification topic in the
// shape the workflow publishes them: the JSON notification as the message,
// a subject naming the status and the order, and the status as a message
// attribute subscribers can filter on. It implements callback.Notifier.
type Notifier struct {
	client   *sns.Client
	topicARN string
}

// NewNotifier returns a Notifier publishing to topicARN.
func NewNotifier(client *sns.Client, topicARN string) *Notifier {
	return &Notifier{client: client, topicARN: topicARN}
}

// Notify publishes n.
func (p *Notifier) Notify(ctx context.Context, n orders.Notification) error {
	msg, err := json.Marshal(n)
	if err != nil {
		return fmt.Errorf("encode notification: %w", err)
	}
	_, err = p.client.Publish(ctx, &sns.PublishInput{
		TopicArn: aws.String(p.topicARN),
		Subject:  aws.String(fmt.Sprintf("Payment %s for order %s", n.Status, n.OrderID)),
		Message:  aws.String(string(msg)),
		MessageAttributes: map[string]snstypes.MessageAttributeValue{
			"status": {DataType: aws.String("String"), StringValue: aws.String(n.Status)},
		},
	})
	if err != nil {
		return classify("publish notification", err)
	}
	return nil
}
