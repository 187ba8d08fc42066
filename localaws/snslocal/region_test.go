package snslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

func (e *env) regionClient(region string) *sns.Client {
	return sns.New(sns.Options{
		Region: region, BaseEndpoint: aws.String(e.url),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
	})
}

// TestTopicsArePerRegion checks that a topic created in eu-west-1 carries
// that region in its ARN and is not seen from us-east-1, as in AWS.
func TestTopicsArePerRegion(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	eu := e.regionClient("eu-west-1")
	out, err := eu.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("orders")})
	if err != nil {
		t.Fatal(err)
	}
	euTopic := aws.ToString(out.TopicArn)
	if want := "arn:aws:sns:eu-west-1:123456789012:orders"; euTopic != want {
		t.Errorf("TopicArn = %s, want %s", euTopic, want)
	}
	if usTopic := e.createTopic(t, "orders"); usTopic == euTopic {
		t.Errorf("the same name in us-east-1 gave the eu-west-1 topic %s", usTopic)
	}
	_, err = e.client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: &euTopic})
	// AWS's answer to a topic ARN of another region, as users quoted it
	// (boto/boto3 #1084, mozilla/security #8): the ARN is an invalid
	// parameter, not a missing topic.
	if code, msg := errorCode(t, err), errorMessageOf(t, err); code != "InvalidParameter" || msg != "Invalid parameter: TopicArn" {
		t.Errorf("GetTopicAttributes of an eu-west-1 topic from us-east-1: %s %q, want InvalidParameter \"Invalid parameter: TopicArn\"", code, msg)
	}
	for client, want := range map[*sns.Client]string{eu: euTopic, e.client: "arn:aws:sns:us-east-1:123456789012:orders"} {
		list, err := client.ListTopics(ctx, &sns.ListTopicsInput{})
		if err != nil || len(list.Topics) != 1 || aws.ToString(list.Topics[0].TopicArn) != want {
			t.Errorf("ListTopics in %s = %+v (%v), want only %s", client.Options().Region, list, err, want)
		}
	}
	cn := e.regionClient("cn-north-1")
	out, err = cn.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("orders")})
	if err != nil || aws.ToString(out.TopicArn) != "arn:aws-cn:sns:cn-north-1:123456789012:orders" {
		t.Errorf("CreateTopic in cn-north-1 = %v (%v), want the aws-cn partition", aws.ToString(out.TopicArn), err)
	}
	sub, err := eu.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &euTopic, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:eu-west-1:123456789012:eu-queue"), ReturnSubscriptionArn: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := eu.Publish(ctx, &sns.PublishInput{TopicArn: &euTopic, Message: aws.String("hello")}); err != nil {
		t.Fatal(err)
	}
	e.sink.mu.Lock()
	n := len(e.sink.got)
	e.sink.mu.Unlock()
	if n != 1 {
		t.Errorf("deliveries = %d, want 1", n)
	}
	_, err = e.client.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: sub.SubscriptionArn})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("GetSubscriptionAttributes of an eu-west-1 subscription from us-east-1: code %q, want InvalidParameter", got)
	}
}
