package secretslocal_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/payflow-dev/payflow/localaws/secretslocal"
)

// TestSecretsArePerRegion checks that a secret lives in the region its
// request was signed for, with that region and its partition in its ARN,
// as on AWS.
func TestSecretsArePerRegion(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(secretslocal.New(secretslocal.Config{}))
	t.Cleanup(srv.Close)
	client := func(region string) *secretsmanager.Client {
		return secretsmanager.New(secretsmanager.Options{
			Region: region, BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(),
			Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		})
	}
	ctx := context.Background()
	tests := []struct{ region, wantPrefix string }{
		{"eu-west-1", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:key-"},
		{"cn-north-1", "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:key-"},
	}
	for _, tt := range tests {
		out, err := client(tt.region).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("key"), SecretString: aws.String(tt.region)})
		if err != nil {
			t.Fatalf("CreateSecret in %s: %v", tt.region, err)
		}
		if !strings.HasPrefix(aws.ToString(out.ARN), tt.wantPrefix) {
			t.Errorf("ARN = %s, want prefix %s", aws.ToString(out.ARN), tt.wantPrefix)
		}
		got, err := client(tt.region).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: out.ARN})
		if err != nil || aws.ToString(got.SecretString) != tt.region {
			t.Errorf("GetSecretValue in %s = %v, %v", tt.region, got, err)
		}
	}
	_, err := client("us-east-1").GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("key")})
	if code, _ := apiError(t, err); code != "ResourceNotFoundException" {
		t.Errorf("the eu-west-1 secret from us-east-1 = %v, want ResourceNotFoundException", err)
	}
}
