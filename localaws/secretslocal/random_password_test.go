package secretslocal_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// TestGetRandomPassword checks what a caller relies on: the length asked
// for (32 by default), no excluded character (the request of LocalStack's
// AWS-validated test, 120 characters without "xyzDje@?!."), a character of
// each class by default, and the refusals of impossible requests.
func TestGetRandomPassword(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	out, err := c.GetRandomPassword(ctx, &secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(120), ExcludeCharacters: aws.String("xyzDje@?!.")})
	if pw := aws.ToString(out.RandomPassword); err != nil || len(pw) != 120 || strings.ContainsAny(pw, "xyzDje@?!.") {
		t.Errorf("GetRandomPassword(120, exclusions) = %q (%v)", pw, err)
	}
	for range 20 {
		out, err := c.GetRandomPassword(ctx, &secretsmanager.GetRandomPasswordInput{})
		pw := aws.ToString(out.RandomPassword)
		if err != nil || len(pw) != 32 || strings.Contains(pw, " ") {
			t.Fatalf("default password = %q (%v), want 32 characters without a space", pw, err)
		}
		for _, class := range []string{"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", punctuation} {
			if !strings.ContainsAny(pw, class) {
				t.Errorf("default password %q has no character of %q", pw, class)
			}
		}
	}
	out, err = c.GetRandomPassword(ctx, &secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(4), ExcludeLowercase: aws.Bool(true),
		ExcludeUppercase: aws.Bool(true), ExcludePunctuation: aws.Bool(true), IncludeSpace: aws.Bool(true), ExcludeCharacters: aws.String("0123456")})
	if pw := aws.ToString(out.RandomPassword); err != nil || len(pw) != 4 || strings.Trim(pw, "789 ") != "" || !strings.Contains(pw, " ") {
		t.Errorf("digits 7-9 and a space = %q (%v)", pw, err)
	}
	tests := []struct {
		name     string
		in       secretsmanager.GetRandomPasswordInput
		wantCode string
	}{
		{"too long", secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(4097)}, "ValidationException"},
		{"empty", secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(0)}, "ValidationException"},
		{"every class excluded", secretsmanager.GetRandomPasswordInput{ExcludeLowercase: aws.Bool(true), ExcludeUppercase: aws.Bool(true),
			ExcludeNumbers: aws.Bool(true), ExcludePunctuation: aws.Bool(true)}, "InvalidParameterException"},
		{"shorter than the classes", secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(3)}, "InvalidParameterException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.GetRandomPassword(ctx, &tc.in)
			if code, msg := apiError(t, err); code != tc.wantCode {
				t.Errorf("GetRandomPassword = %s %q, want %s", code, msg, tc.wantCode)
			}
		})
	}
}

const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
