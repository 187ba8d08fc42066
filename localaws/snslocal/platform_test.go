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

// TestMobilePush registers an application and a device, publishes to the
// device directly and through a topic, and checks the rules moto's
// AWS-verified tests record: endpoints are idempotent per token, a token
// with other attributes is refused, a disabled endpoint refuses a publish.
func TestMobilePush(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	app, err := e.client.CreatePlatformApplication(ctx, &sns.CreatePlatformApplicationInput{
		Name: aws.String("shop"), Platform: aws.String("GCM"), Attributes: map[string]string{"PlatformCredential": "key"}})
	if err != nil {
		t.Fatalf("CreatePlatformApplication: %v", err)
	}
	if got, want := aws.ToString(app.PlatformApplicationArn), "arn:aws:sns:us-east-1:123456789012:app/GCM/shop"; got != want {
		t.Errorf("application ARN = %s, want %s", got, want)
	}
	ep, err := e.client.CreatePlatformEndpoint(ctx, &sns.CreatePlatformEndpointInput{PlatformApplicationArn: app.PlatformApplicationArn, Token: aws.String("device-1")})
	if err != nil {
		t.Fatalf("CreatePlatformEndpoint: %v", err)
	}
	again, err := e.client.CreatePlatformEndpoint(ctx, &sns.CreatePlatformEndpointInput{PlatformApplicationArn: app.PlatformApplicationArn, Token: aws.String("device-1"),
		Attributes: map[string]string{"Enabled": "true"}})
	if err != nil || aws.ToString(again.EndpointArn) != aws.ToString(ep.EndpointArn) {
		t.Errorf("the same token again = %v, %v; want the same endpoint", again, err)
	}
	_, err = e.client.CreatePlatformEndpoint(ctx, &sns.CreatePlatformEndpointInput{PlatformApplicationArn: app.PlatformApplicationArn, Token: aws.String("device-1"), CustomUserData: aws.String("u")})
	if got := errorCode(t, err); got != "InvalidParameter" {
		t.Errorf("the same token with other attributes: %q (%v), want InvalidParameter", got, err)
	}
	attrs, err := e.client.GetEndpointAttributes(ctx, &sns.GetEndpointAttributesInput{EndpointArn: ep.EndpointArn})
	if diff := cmp.Diff(map[string]string{"Enabled": "true", "Token": "device-1"}, attrs.Attributes); err != nil || diff != "" {
		t.Errorf("GetEndpointAttributes (-want +got):\n%s %v", diff, err)
	}

	direct, err := e.client.Publish(ctx, &sns.PublishInput{TargetArn: ep.EndpointArn, Message: aws.String("your order shipped")})
	if err != nil {
		t.Fatalf("Publish to the endpoint: %v", err)
	}
	topic := e.createTopic(t, "orders")
	sub, err := e.client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &topic, Protocol: aws.String("application"), Endpoint: ep.EndpointArn})
	if err != nil {
		t.Fatalf("Subscribe the endpoint: %v", err)
	}
	viaTopic, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String("order o-1 paid")})
	if err != nil {
		t.Fatal(err)
	}
	want := []snslocal.Push{
		{EndpointARN: aws.ToString(ep.EndpointArn), MessageID: aws.ToString(direct.MessageId), Message: "your order shipped", At: t0},
		{EndpointARN: aws.ToString(ep.EndpointArn), MessageID: aws.ToString(viaTopic.MessageId), Message: "order o-1 paid", SubscriptionARN: aws.ToString(sub.SubscriptionArn), At: t0},
	}
	if diff := cmp.Diff(want, e.svc.SentPush(), cmpopts.EquateApproxTime(0)); diff != "" {
		t.Errorf("SentPush (-want +got):\n%s", diff)
	}

	if _, err := e.client.SetEndpointAttributes(ctx, &sns.SetEndpointAttributesInput{EndpointArn: ep.EndpointArn, Attributes: map[string]string{"Enabled": "false"}}); err != nil {
		t.Fatal(err)
	}
	_, err = e.client.Publish(ctx, &sns.PublishInput{TargetArn: ep.EndpointArn, Message: aws.String("m")})
	if got := errorCode(t, err); got != "EndpointDisabled" {
		t.Errorf("Publish to a disabled endpoint: %q (%v), want EndpointDisabled", got, err)
	}

	if _, err := e.client.DeletePlatformApplication(ctx, &sns.DeletePlatformApplicationInput{PlatformApplicationArn: app.PlatformApplicationArn}); err != nil {
		t.Fatal(err)
	}
	_, err = e.client.GetEndpointAttributes(ctx, &sns.GetEndpointAttributesInput{EndpointArn: ep.EndpointArn})
	if got := errorCode(t, err); got != "NotFound" {
		t.Errorf("an endpoint of a deleted application: %q (%v), want NotFound", got, err)
	}
	_, err = e.client.ListEndpointsByPlatformApplication(ctx, &sns.ListEndpointsByPlatformApplicationInput{PlatformApplicationArn: app.PlatformApplicationArn})
	if got := errorCode(t, err); got != "NotFound" {
		t.Errorf("ListEndpointsByPlatformApplication of a deleted application: %q (%v), want NotFound", got, err)
	}
}
