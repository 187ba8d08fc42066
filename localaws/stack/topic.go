package stack

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

func (d *deployer) createTopic(ctx context.Context, id string, p map[string]any) (created, error) {
	name, err := stringProp(p, "TopicName")
	if err != nil {
		return created{}, err
	}
	fifo, err := boolProp(p, "FifoTopic")
	if err != nil {
		return created{}, err
	}
	if name == "" {
		name = d.physicalName(id)
		if fifo {
			name += ".fifo"
		}
	}
	attrs, err := attributeMap(p, "DisplayName", "KmsMasterKeyId", "FifoTopic", "ContentBasedDeduplication")
	if err != nil {
		return created{}, err
	}
	if !fifo {
		delete(attrs, "FifoTopic")
	}
	out, err := d.sns.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String(name), Attributes: attrs})
	if err != nil {
		return created{}, fmt.Errorf("create topic %s: %w", name, err)
	}
	arn := aws.ToString(out.TopicArn)
	// The inline Subscription list of AWS::SNS::Topic.
	subs, _ := p["Subscription"].([]any)
	for i, s := range subs {
		sp, _ := s.(map[string]any)
		if _, err := d.subscribe(ctx, arn, sp); err != nil {
			return created{}, fmt.Errorf("subscription %d: %w", i, err)
		}
	}
	return created{ref: arn, attrs: map[string]any{"TopicArn": arn, "TopicName": name}}, nil
}

func (d *deployer) createSubscription(ctx context.Context, p map[string]any) (created, error) {
	topic, err := stringProp(p, "TopicArn")
	if err != nil {
		return created{}, err
	}
	arn, err := d.subscribe(ctx, topic, p)
	if err != nil {
		return created{}, err
	}
	return created{ref: arn, attrs: map[string]any{"Arn": arn}}, nil
}

// subscribe subscribes an endpoint with the subscription attributes the
// template sets (RawMessageDelivery, FilterPolicy, ...).
func (d *deployer) subscribe(ctx context.Context, topic string, p map[string]any) (string, error) {
	protocol, err := stringProp(p, "Protocol")
	if err != nil {
		return "", err
	}
	endpoint, err := stringProp(p, "Endpoint")
	if err != nil {
		return "", err
	}
	attrs, err := attributeMap(p, "RawMessageDelivery", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy",
		"DeliveryPolicy", "SubscriptionRoleArn")
	if err != nil {
		return "", err
	}
	out, err := d.sns.Subscribe(ctx, &sns.SubscribeInput{
		TopicArn: aws.String(topic), Protocol: aws.String(protocol), Endpoint: aws.String(endpoint),
		Attributes: attrs, ReturnSubscriptionArn: true,
	})
	if err != nil {
		return "", fmt.Errorf("subscribe %s to %s: %w", endpoint, topic, err)
	}
	return aws.ToString(out.SubscriptionArn), nil
}
