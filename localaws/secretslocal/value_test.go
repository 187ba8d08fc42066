package secretslocal_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/go-cmp/cmp"
)

// The messages below are the ones AWS Secrets Manager answers with, as
// quoted in AWS CLI and SDK error output (for example "Secrets Manager
// can't find the specified secret value for staging label: AWSCURRENT" for
// a secret created without a value).

func TestSecretWithoutValueThenVersions(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	arn := create(t, c, "stripe/secret-key", nil)
	if want := "arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe/secret-key-"; !strings.HasPrefix(arn, want) || len(arn) != len(want)+6 {
		t.Fatalf("ARN = %s, want %s followed by 6 characters", arn, want)
	}

	_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("stripe/secret-key")})
	code, msg := apiError(t, err)
	if code != "ResourceNotFoundException" || msg != "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT" {
		t.Fatalf("GetSecretValue before any value = %s: %s", code, msg)
	}

	v1 := put(t, c, arn, "sk_test_one")
	v2 := put(t, c, "stripe/secret-key", "sk_test_two")
	if got := current(t, c, arn); got != "sk_test_two" {
		t.Fatalf("AWSCURRENT = %q, want sk_test_two", got)
	}
	prev, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(arn), VersionStage: aws.String("AWSPREVIOUS")})
	if err != nil {
		t.Fatalf("GetSecretValue AWSPREVIOUS: %v", err)
	}
	if aws.ToString(prev.SecretString) != "sk_test_one" || aws.ToString(prev.VersionId) != v1 {
		t.Fatalf("AWSPREVIOUS = %q (%s), want sk_test_one (%s)", aws.ToString(prev.SecretString), aws.ToString(prev.VersionId), v1)
	}

	v3 := put(t, c, arn, "sk_test_three")
	desc, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(arn)})
	if err != nil {
		t.Fatalf("DescribeSecret: %v", err)
	}
	// The deprecated v1 (no label left) is not listed: AWS leaves it out
	// (LocalStack's AWS-validated test_update_secret_description).
	want := map[string][]string{v2: {"AWSPREVIOUS"}, v3: {"AWSCURRENT"}}
	if diff := cmp.Diff(want, desc.VersionIdsToStages); diff != "" {
		t.Errorf("VersionIdsToStages (-want +got):\n%s", diff)
	}
	old, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(arn), VersionId: aws.String(v1)})
	if err != nil || aws.ToString(old.SecretString) != "sk_test_one" {
		t.Errorf("GetSecretValue by the deprecated VersionId = %v, %v; want sk_test_one", old, err)
	}
}

func TestPutSecretValueIdempotency(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	create(t, c, "db", aws.String("first"))
	token := "0123456789abcdef0123456789abcdef"
	put := func(value string) (*secretsmanager.PutSecretValueOutput, error) {
		return c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{
			SecretId: aws.String("db"), ClientRequestToken: aws.String(token), SecretString: aws.String(value),
		})
	}
	first, err := put("second")
	if err != nil {
		t.Fatalf("PutSecretValue: %v", err)
	}
	if aws.ToString(first.VersionId) != token {
		t.Errorf("VersionId = %s, want the ClientRequestToken %s", aws.ToString(first.VersionId), token)
	}
	again, err := put("second")
	if err != nil || aws.ToString(again.VersionId) != token {
		t.Fatalf("retried PutSecretValue = %v, %v; want the same version", again, err)
	}
	if _, prevErr := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db"), VersionStage: aws.String("AWSPREVIOUS")}); prevErr != nil {
		t.Fatalf("AWSPREVIOUS after a retried put: %v", prevErr)
	}
	if got := current(t, c, "db"); got != "second" {
		t.Errorf("AWSCURRENT after a retried put = %q, want second", got)
	}
	_, err = put("third")
	if code, _ := apiError(t, err); code != "ResourceExistsException" {
		t.Errorf("PutSecretValue with a used token and another value = %v, want ResourceExistsException", err)
	}
}

func TestBinaryValue(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	blob := []byte{0, 1, 2, 0xff, 'k'}
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("bin"), SecretBinary: blob}); err != nil {
		t.Fatalf("CreateSecret: %v", err)
	}
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("bin")})
	if err != nil {
		t.Fatalf("GetSecretValue: %v", err)
	}
	if diff := cmp.Diff(blob, out.SecretBinary); diff != "" || out.SecretString != nil {
		t.Errorf("SecretBinary (-want +got):\n%s; SecretString = %v", diff, out.SecretString)
	}
}

func TestRefusals(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	create(t, c, "taken", aws.String("v"))
	tests := []struct {
		name     string
		call     func() error
		wantCode string
		wantMsg  string
	}{
		{
			name: "get unknown",
			call: func() error {
				_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("nope")})
				return err
			},
			wantCode: "ResourceNotFoundException", wantMsg: "Secrets Manager can't find the specified secret.",
		},
		{
			name: "describe unknown ARN",
			call: func() error {
				_, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("arn:aws:secretsmanager:us-east-1:123456789012:secret:taken-AbCdEf")})
				return err
			},
			wantCode: "ResourceNotFoundException", wantMsg: "Secrets Manager can't find the specified secret.",
		},
		{
			name: "put unknown",
			call: func() error {
				_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("nope"), SecretString: aws.String("x")})
				return err
			},
			wantCode: "ResourceNotFoundException", wantMsg: "Secrets Manager can't find the specified secret.",
		},
		{
			name: "create existing",
			call: func() error {
				_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("taken")})
				return err
			},
			wantCode: "ResourceExistsException", wantMsg: "The operation failed because the secret taken already exists.",
		},
		{
			name: "string and binary",
			call: func() error {
				_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("both"), SecretString: aws.String("s"), SecretBinary: []byte("b")})
				return err
			},
			wantCode: "InvalidParameterException", wantMsg: "You can't specify both a binary secret value and a string secret value in the same secret.",
		},
		{
			name: "name with a space",
			call: func() error {
				_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("my secret")})
				return err
			},
			// LocalStack's AWS-validated test_invalid_secret_name records
			// a ValidationException with these words.
			wantCode: "ValidationException",
			wantMsg:  "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!",
		},
		{
			name: "stage that no version has",
			call: func() error {
				_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("taken"), VersionStage: aws.String("AWSPREVIOUS")})
				return err
			},
			wantCode: "ResourceNotFoundException", wantMsg: "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS",
		},
		{
			name: "unknown version id",
			call: func() error {
				_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("taken"), VersionId: aws.String("00000000-0000-4000-8000-000000000000")})
				return err
			},
			wantCode: "ResourceNotFoundException", wantMsg: "Secrets Manager can't find the specified secret value for VersionId: 00000000-0000-4000-8000-000000000000",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, msg := apiError(t, tt.call())
			if code != tt.wantCode || msg != tt.wantMsg {
				t.Errorf("error = %s: %s\nwant    %s: %s", code, msg, tt.wantCode, tt.wantMsg)
			}
		})
	}
}

func TestSecretIDForms(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	arn := create(t, c, "prod/stripe", aws.String("sk_live_x"))
	tests := []struct{ name, id string }{
		{name: "name", id: "prod/stripe"},
		{name: "full ARN", id: arn},
		{name: "partial ARN", id: strings.TrimSuffix(arn, arn[len(arn)-7:])},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := current(t, c, tt.id); got != "sk_live_x" {
				t.Errorf("value by %s = %q, want sk_live_x", tt.id, got)
			}
		})
	}
}

func TestCreateSecretRetryIsIdempotent(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	in := &secretsmanager.CreateSecretInput{
		Name: aws.String("retried"), SecretString: aws.String("v"), ClientRequestToken: aws.String("fedcba9876543210fedcba9876543210"),
	}
	first, err := c.CreateSecret(context.Background(), in)
	if err != nil {
		t.Fatalf("CreateSecret: %v", err)
	}
	again, err := c.CreateSecret(context.Background(), in)
	if err != nil {
		t.Fatalf("CreateSecret retried with the same token: %v", err)
	}
	if aws.ToString(again.ARN) != aws.ToString(first.ARN) || aws.ToString(again.VersionId) != "fedcba9876543210fedcba9876543210" {
		t.Errorf("retry = %s %s, want %s and the token as VersionId", aws.ToString(again.ARN), aws.ToString(again.VersionId), aws.ToString(first.ARN))
	}
}
