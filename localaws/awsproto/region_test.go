package awsproto_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// signed returns a request signed by the SDK's own SigV4 signer for
// service in region, either in the Authorization header or presigned.
func signed(tb testing.TB, service, region string, presign bool) *http.Request {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:4566/", nil)
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret"}
	const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	signer := v4.NewSigner()
	when := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	if presign {
		u, _, err := signer.PresignHTTP(context.Background(), creds, req, emptySHA256, service, region, when)
		if err != nil {
			tb.Fatal(err)
		}
		return httptest.NewRequest(http.MethodGet, u, nil)
	}
	if err := signer.SignHTTP(context.Background(), creds, req, emptySHA256, service, region, when); err != nil {
		tb.Fatal(err)
	}
	return req
}

func TestCredentialScope(t *testing.T) {
	t.Parallel()
	for _, presign := range []bool{false, true} {
		s, ok := awsproto.CredentialScope(signed(t, "sqs", "eu-west-1", presign))
		want := awsproto.Scope{AccessKey: "AKIDEXAMPLE", Date: "20261128", Region: "eu-west-1", Service: "sqs"}
		if !ok || s != want {
			t.Errorf("presigned=%v: CredentialScope = %+v, %v; want %+v", presign, s, ok, want)
		}
	}
	if _, ok := awsproto.CredentialScope(httptest.NewRequest(http.MethodGet, "/", nil)); ok {
		t.Error("an unsigned request has a credential scope")
	}
}

func TestRegionOf(t *testing.T) {
	t.Parallel()
	unsigned := httptest.NewRequest(http.MethodPost, "/", nil)
	withDefault := unsigned.WithContext(awsproto.WithDefaultRegion(context.Background(), "ap-south-1"))
	forged := httptest.NewRequest(http.MethodPost, "/", nil)
	forged.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261128/x:y/sqs/aws4_request, Signature=0")
	tests := []struct {
		name string
		req  *http.Request
		want string
	}{
		{"signed for eu-west-1", signed(t, "states", "eu-west-1", false), "eu-west-1"},
		{"signed for a China region", signed(t, "kms", "cn-north-1", false), "cn-north-1"},
		{"unsigned uses the endpoint's default", withDefault, "ap-south-1"},
		{"unsigned without a default", unsigned, "us-east-1"},
		{"a scope region that is no region name", forged.WithContext(awsproto.WithDefaultRegion(context.Background(), "eu-central-1")), "eu-central-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := awsproto.RegionOf(tt.req); got != tt.want {
				t.Errorf("RegionOf = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRegionOrPrefersTheSignedRegion(t *testing.T) {
	t.Parallel()
	if got := awsproto.RegionOr(signed(t, "sqs", "eu-west-1", false), "ap-south-1"); got != "eu-west-1" {
		t.Errorf("RegionOr(signed for eu-west-1) = %q", got)
	}
	if got := awsproto.RegionOr(httptest.NewRequest(http.MethodGet, "/", nil), "ap-south-1"); got != "ap-south-1" {
		t.Errorf("RegionOr(unsigned) = %q, want the fallback", got)
	}
}
