package awsendpoint_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// TestSecretsManagerThroughTheEndpoint checks that the SDK's Secrets
// Manager client reaches the emulator through the shared endpoint, which
// is how the callback reads the Stripe key locally.
func TestSecretsManagerThroughTheEndpoint(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{Region: "eu-west-1", Account: "210987654321"}))
	t.Cleanup(srv.Close)
	c := secretsmanager.NewFromConfig(aws.Config{
		Region: "eu-west-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
	})
	ctx := context.Background()
	created, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("stripe"), SecretString: aws.String("sk_test_x")})
	if err != nil {
		t.Fatalf("CreateSecret: %v", err)
	}
	if want := "arn:aws:secretsmanager:eu-west-1:210987654321:secret:stripe-"; aws.ToString(created.ARN)[:len(want)] != want {
		t.Errorf("ARN = %s, want the endpoint's Region and account", aws.ToString(created.ARN))
	}
	got, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: created.ARN})
	if err != nil || aws.ToString(got.SecretString) != "sk_test_x" {
		t.Fatalf("GetSecretValue = %v, %v; want sk_test_x", got, err)
	}
}
