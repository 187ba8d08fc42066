package snslocal_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// TestPlatformApplicationRefusalsRecordedFromAWS holds platform
// application requests to the answers AWS gave for them, as LocalStack's
// AWS-validated snapshots record them (tests/aws/services/sns/
// test_sns.snapshot.json, TestSNSPlatformApplicationCrud, the test named
// in each case).
func TestPlatformApplicationRefusalsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	dummy := map[string]string{"PlatformPrincipal": "dummy", "PlatformCredential": "dummy"}
	create := func(name, platform string, attrs map[string]string) func() error {
		return func() error {
			_, err := e.client.CreatePlatformApplication(ctx, &sns.CreatePlatformApplicationInput{Name: aws.String(name),
				Platform: aws.String(platform), Attributes: attrs})
			return err
		}
	}
	const missing = "arn:aws:sns:us-east-1:123456789012:app/ADM/NonExistingApp"
	set := func(arn string, attrs map[string]string) func() error {
		return func() error {
			_, err := e.client.SetPlatformApplicationAttributes(ctx, &sns.SetPlatformApplicationAttributesInput{
				PlatformApplicationArn: aws.String(arn), Attributes: attrs})
			return err
		}
	}
	const null = "1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null"
	long := strings.Repeat("a", 257)
	tests := []struct {
		name, code, want string
		call             func() error
	}{
		// test_create_platform_application_invalid_attributes.
		{"no attributes", "ValidationError", null, create("app", "ADM", map[string]string{})},
		{"principal without credential", "InvalidParameter", "Invalid parameter: Attributes Reason: PlatformPrincipal attribute provided without PlatformCredential",
			create("app", "ADM", map[string]string{"PlatformPrincipal": "dummy"})},
		{"credential without principal", "InvalidParameter", "Invalid parameter: Attributes Reason: PlatformCredential attribute provided without PlatformPrincipal",
			create("app", "ADM", map[string]string{"PlatformCredential": "dummy"})},
		// test_create_platform_application_invalid_name.
		{"name too long", "InvalidParameter", "Invalid parameter: " + long + " Reason: must be at most 256 characters long", create(long, "ADM", dummy)},
		{"empty name", "InvalidParameter", "Invalid parameter:  Reason: cannot be empty", create("", "ADM", dummy)},
		{"name with @", "InvalidParameter", "Invalid parameter: @name Reason: must contain only characters 'a'-'z', 'A'-'Z', '0'-'9', '_', '-', and '.'", create("@name", "ADM", dummy)},
		// test_create_platform_application_invalid_platform.
		{"unknown platform", "InvalidParameter", "Invalid parameter: Platform Reason: AAA is not supported", create("app", "AAA", dummy)},
		// test_get_platform_application_attributes_invalid_arn.
		{"get with a word for an ARN", "InvalidParameter", "Invalid parameter: PlatformApplicationArn Reason: An ARN must have at least 6 elements, not 1", func() error {
			_, err := e.client.GetPlatformApplicationAttributes(ctx, &sns.GetPlatformApplicationAttributesInput{PlatformApplicationArn: aws.String("invalid-arn")})
			return err
		}},
		// test_set_platform_application_attributes_invalid_arn and _non_existing_app.
		{"set with a word for an ARN", "InvalidParameter", "Invalid parameter: PlatformApplicationArn Reason: An ARN must have at least 6 elements, not 1", set("invalid-arn", map[string]string{})},
		{"set no attributes", "ValidationError", null, set(missing, map[string]string{})},
		{"set on a missing application", "NotFound", "PlatformApplication does not exist", set(missing, map[string]string{"PlatformPrincipal": "dummy"})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.call()
			if got := errorCode(t, err); got != tc.code {
				t.Fatalf("code %q (%v), want %s", got, err, tc.code)
			}
			if got := errorMessageOf(t, err); got != tc.want {
				t.Errorf("message %q\nwant    %q", got, tc.want)
			}
		})
	}
}

// TestFCMApplicationTakesOneCredential: an FCM (GCM) application is
// created with its key alone, as FCM has no principal.
func TestFCMApplicationTakesOneCredential(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	if _, err := e.client.CreatePlatformApplication(context.Background(), &sns.CreatePlatformApplicationInput{Name: aws.String("fcm"),
		Platform: aws.String("GCM"), Attributes: map[string]string{"PlatformCredential": "key"}}); err != nil {
		t.Errorf("CreatePlatformApplication: %v", err)
	}
}
