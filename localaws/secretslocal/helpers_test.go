package secretslocal_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/secretslocal"
)

var t0 = time.Date(2026, 3, 1, 12, 30, 0, 0, time.UTC)

// newClient starts a local Secrets Manager behind an httptest server and
// returns a real SDK client pointed at it, with the fake clock the service
// reads.
func newClient(tb testing.TB) (*secretsmanager.Client, *clock.Fake, string) {
	tb.Helper()
	clk := clock.NewFake(t0)
	srv := httptest.NewServer(secretslocal.New(secretslocal.Config{Clock: clk}))
	tb.Cleanup(srv.Close)
	client := secretsmanager.New(secretsmanager.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:   srv.Client(),
	})
	return client, clk, srv.URL
}

// apiError returns the AWS error code and message of err, or two empty
// strings for nil.
func apiError(tb testing.TB, err error) (code, msg string) {
	tb.Helper()
	if err == nil {
		return "", ""
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		tb.Fatalf("error %v is not an API error", err)
	}
	return apiErr.ErrorCode(), apiErr.ErrorMessage()
}

// create makes a secret, with value when it is not nil, and returns its
// ARN.
func create(tb testing.TB, c *secretsmanager.Client, name string, value *string) string {
	tb.Helper()
	out, err := c.CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: value})
	if err != nil {
		tb.Fatalf("CreateSecret %s: %v", name, err)
	}
	return aws.ToString(out.ARN)
}

// put stores value as the new AWSCURRENT version and returns its id.
func put(tb testing.TB, c *secretsmanager.Client, id, value string) string {
	tb.Helper()
	out, err := c.PutSecretValue(context.Background(), &secretsmanager.PutSecretValueInput{SecretId: aws.String(id), SecretString: aws.String(value)})
	if err != nil {
		tb.Fatalf("PutSecretValue %s: %v", id, err)
	}
	return aws.ToString(out.VersionId)
}

// current reads the AWSCURRENT value of id.
func current(tb testing.TB, c *secretsmanager.Client, id string) string {
	tb.Helper()
	out, err := c.GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		tb.Fatalf("GetSecretValue %s: %v", id, err)
	}
	return aws.ToString(out.SecretString)
}
