package sqslocal_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"
)

// TestAWSWordings pins messages whose exact text AWS is known to answer:
// the bare queue name rule (quoted from AWS in botocore issue 3058) and a
// FIFO queue's refusal of a per-message delay (moto's AWS-verified
// test_send_message_delay_seconds_validation).
func TestAWSWordings(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	fifo := e.createQueue(t, "w.fifo", map[string]string{"FifoQueue": "true"})
	tests := []struct {
		name, code, message string
		call                func() error
	}{
		{"invalid queue name", "InvalidParameterValue", "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length", func() error {
			_, err := e.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("/my/test")})
			return err
		}},
		{"delay on a FIFO queue", "InvalidParameterValue", "Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.", func() error {
			_, err := e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &fifo, MessageBody: aws.String("m"), DelaySeconds: 5,
				MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d")})
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var apiErr smithy.APIError
			if err := tc.call(); !errors.As(err, &apiErr) || apiErr.ErrorCode() != tc.code || apiErr.ErrorMessage() != tc.message {
				t.Errorf("error = %v\nwant %s %q", err, tc.code, tc.message)
			}
		})
	}
}
