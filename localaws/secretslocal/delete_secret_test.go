package secretslocal_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

func TestDeleteWithRecoveryWindow(t *testing.T) {
	t.Parallel()
	c, clk, _ := newClient(t)
	ctx := context.Background()
	arn := create(t, c, "key", aws.String("v1"))

	del, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("key"), RecoveryWindowInDays: aws.Int64(7)})
	if err != nil {
		t.Fatalf("DeleteSecret: %v", err)
	}
	if want := t0.Add(7 * 24 * time.Hour); !del.DeletionDate.Equal(want) {
		t.Errorf("DeletionDate = %v, want %v", del.DeletionDate, want)
	}
	_, err = c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("key")})
	if code, msg := apiError(t, err); code != "InvalidRequestException" ||
		msg != "You can't perform this operation on the secret because it was marked for deletion." {
		t.Errorf("GetSecretValue while deleted = %s: %s", code, msg)
	}
	desc, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(arn)})
	if err != nil || desc.DeletedDate == nil || !desc.DeletedDate.Equal(t0) {
		t.Errorf("DescribeSecret while deleted = %+v, %v; want DeletedDate %v", desc, err, t0)
	}
	_, err = c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("key")})
	if code, msg := apiError(t, err); code != "InvalidRequestException" ||
		msg != "You can't create this secret because a secret with this name is already scheduled for deletion." {
		t.Errorf("CreateSecret over a deleted name = %s: %s", code, msg)
	}
	if n := len(list(t, c, false)); n != 0 {
		t.Errorf("ListSecrets lists %d secrets, want the deleted one left out", n)
	}
	if n := len(list(t, c, true)); n != 1 {
		t.Errorf("ListSecrets IncludePlannedDeletion lists %d secrets, want 1", n)
	}

	if _, err := c.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: aws.String("key")}); err != nil {
		t.Fatalf("RestoreSecret: %v", err)
	}
	if got := current(t, c, "key"); got != "v1" {
		t.Errorf("value after restore = %q, want v1", got)
	}

	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("key")}); err != nil {
		t.Fatalf("DeleteSecret with the default window: %v", err)
	}
	clk.Advance(30*24*time.Hour - time.Second)
	if _, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("key")}); err != nil {
		t.Fatalf("DescribeSecret a second before the 30-day window ends: %v", err)
	}
	clk.Advance(time.Second)
	_, err = c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("key")})
	if code, _ := apiError(t, err); code != "ResourceNotFoundException" {
		t.Errorf("DescribeSecret after the window = %v, want ResourceNotFoundException", err)
	}
	if again := create(t, c, "key", nil); again == arn {
		t.Errorf("recreated secret kept the ARN %s; AWS gives a new suffix", arn)
	}
}

func TestForceDelete(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	create(t, c, "gone", aws.String("v"))
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("gone"), ForceDeleteWithoutRecovery: aws.Bool(true)}); err != nil {
		t.Fatalf("DeleteSecret: %v", err)
	}
	_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("gone")})
	if code, _ := apiError(t, err); code != "ResourceNotFoundException" {
		t.Errorf("GetSecretValue after a forced delete = %v, want ResourceNotFoundException", err)
	}
	create(t, c, "gone", aws.String("again"))
}

func TestDeleteRefusals(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	create(t, c, "s", aws.String("v"))
	tests := []struct {
		name     string
		in       secretsmanager.DeleteSecretInput
		wantCode string
		wantMsg  string
	}{
		{
			name:     "force and window",
			in:       secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true), RecoveryWindowInDays: aws.Int64(7)},
			wantCode: "InvalidParameterException", wantMsg: "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
		},
		{
			name:     "window too short",
			in:       secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), RecoveryWindowInDays: aws.Int64(6)},
			wantCode: "InvalidParameterException", wantMsg: "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
		},
		{
			name:     "window too long",
			in:       secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), RecoveryWindowInDays: aws.Int64(31)},
			wantCode: "InvalidParameterException", wantMsg: "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
		},
		{
			name:     "unknown",
			in:       secretsmanager.DeleteSecretInput{SecretId: aws.String("other")},
			wantCode: "ResourceNotFoundException", wantMsg: "Secrets Manager can't find the specified secret.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.DeleteSecret(context.Background(), &tt.in)
			if code, msg := apiError(t, err); code != tt.wantCode || msg != tt.wantMsg {
				t.Errorf("error = %s: %s\nwant    %s: %s", code, msg, tt.wantCode, tt.wantMsg)
			}
		})
	}
}
