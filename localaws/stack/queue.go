package stack

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// queueAttributes returns the AWS::SQS::Queue properties that are queue
// attributes under the same name.
func queueAttributes() []string {
	return []string{"DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds",
		"VisibilityTimeout", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds",
		"SqsManagedSseEnabled", "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"}
}

func (d *deployer) createQueue(ctx context.Context, id string, p map[string]any) (created, error) {
	name, err := stringProp(p, "QueueName")
	if err != nil {
		return created{}, err
	}
	fifo, err := boolProp(p, "FifoQueue")
	if err != nil {
		return created{}, err
	}
	if name == "" {
		name = d.physicalName(id)
		if fifo {
			name += ".fifo"
		}
	}
	attrs, err := attributeMap(p, queueAttributes()...)
	if err != nil {
		return created{}, err
	}
	if !fifo {
		delete(attrs, "FifoQueue") // AWS refuses FifoQueue=false on a standard queue
	}
	out, err := d.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	if err != nil {
		return created{}, fmt.Errorf("create queue %s: %w", name, err)
	}
	url := aws.ToString(out.QueueUrl)
	arn := fmt.Sprintf("arn:aws:sqs:%s:%s:%s", d.cfg.Region, d.cfg.AccountID, name)
	return created{ref: url, attrs: map[string]any{"Arn": arn, "QueueName": name, "QueueUrl": url}}, nil
}

// ignored records a resource the local stack accepts without creating
// anything, giving it a plausible physical ID and Arn so that references
// to it still resolve.
func (d *deployer) ignored(id, typ string, p map[string]any) created {
	name := d.physicalName(id)
	for _, key := range []string{"LogGroupName", "RoleName", "AlarmName", "PolicyName", "Name"} {
		if s, ok := p[key].(string); ok && s != "" {
			name = s
			break
		}
	}
	service := strings.ToLower(strings.Split(strings.TrimPrefix(typ, "AWS::"), "::")[0])
	arn := fmt.Sprintf("arn:aws:%s:%s:%s:%s", service, d.cfg.Region, d.cfg.AccountID, name)
	if service == "iam" {
		arn = fmt.Sprintf("arn:aws:iam::%s:role/%s", d.cfg.AccountID, name)
	}
	return created{ref: name, attrs: map[string]any{"Arn": arn}}
}
