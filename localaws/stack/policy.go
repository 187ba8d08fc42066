package stack

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// createQueuePolicy stores an AWS::SQS::QueuePolicy as each queue's Policy
// attribute, as CloudFormation does. Nothing enforces it locally.
func (d *deployer) createQueuePolicy(ctx context.Context, id string, p map[string]any) (created, error) {
	doc, err := stringProp(p, "PolicyDocument")
	if err != nil {
		return created{}, err
	}
	queues, _ := p["Queues"].([]any)
	for _, q := range queues {
		url, ok := q.(string)
		if !ok {
			return created{}, fmt.Errorf("entry %v of Queues is not a queue URL", q)
		}
		_, err := d.sqs.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{
			QueueUrl: aws.String(url), Attributes: map[string]string{"Policy": doc},
		})
		if err != nil {
			return created{}, fmt.Errorf("set the policy of %s: %w", url, err)
		}
	}
	return created{ref: d.physicalName(id)}, nil
}

// createTopicPolicy stores an AWS::SNS::TopicPolicy as each topic's Policy
// attribute. Nothing enforces it locally.
func (d *deployer) createTopicPolicy(ctx context.Context, id string, p map[string]any) (created, error) {
	doc, err := stringProp(p, "PolicyDocument")
	if err != nil {
		return created{}, err
	}
	topics, _ := p["Topics"].([]any)
	for _, t := range topics {
		arn, ok := t.(string)
		if !ok {
			return created{}, fmt.Errorf("entry %v of Topics is not a topic ARN", t)
		}
		_, err := d.sns.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{
			TopicArn: aws.String(arn), AttributeName: aws.String("Policy"), AttributeValue: aws.String(doc),
		})
		if err != nil {
			return created{}, fmt.Errorf("set the policy of %s: %w", arn, err)
		}
	}
	return created{ref: d.physicalName(id)}, nil
}
