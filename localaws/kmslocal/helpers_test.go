package kmslocal_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/smithy-go"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/kmslocal"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// newClient starts a local KMS behind an httptest server and returns a real
// SDK client pointed at it, with the fake clock the service reads.
func newClient(tb testing.TB) (*kms.Client, *clock.Fake) {
	tb.Helper()
	in, clk := newRegionalClients(tb)
	return in("us-east-1"), clk
}

// newRegionalClients starts a local KMS and returns a maker of SDK clients
// that sign for a given region, all against that one server.
func newRegionalClients(tb testing.TB) (func(region string) *kms.Client, *clock.Fake) {
	tb.Helper()
	clk := clock.NewFake(t0)
	srv := httptest.NewServer(kmslocal.New(kmslocal.Config{Clock: clk}))
	tb.Cleanup(srv.Close)
	return func(region string) *kms.Client {
		return kms.New(kms.Options{
			Region:       region,
			BaseEndpoint: aws.String(srv.URL),
			Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
			HTTPClient:   srv.Client(),
		})
	}, clk
}

// errorMessage returns the message of an API error.
func errorMessage(tb testing.TB, err error) string {
	tb.Helper()
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		tb.Fatalf("error %v is not an API error", err)
	}
	return apiErr.ErrorMessage()
}

// errorCode returns the AWS error code of err, or "" for nil.
func errorCode(tb testing.TB, err error) string {
	tb.Helper()
	if err == nil {
		return ""
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		tb.Fatalf("error %v is not an API error", err)
	}
	return apiErr.ErrorCode()
}

func createSymmetric(tb testing.TB, c *kms.Client) *types.KeyMetadata {
	tb.Helper()
	out, err := c.CreateKey(context.Background(), &kms.CreateKeyInput{Description: aws.String("test key")})
	if err != nil {
		tb.Fatalf("CreateKey: %v", err)
	}
	return out.KeyMetadata
}

func createHMAC(tb testing.TB, c *kms.Client, spec types.KeySpec) *types.KeyMetadata {
	tb.Helper()
	out, err := c.CreateKey(context.Background(), &kms.CreateKeyInput{
		KeySpec:  spec,
		KeyUsage: types.KeyUsageTypeGenerateVerifyMac,
	})
	if err != nil {
		tb.Fatalf("CreateKey %s: %v", spec, err)
	}
	return out.KeyMetadata
}

func createAlias(tb testing.TB, c *kms.Client, name, keyID string) {
	tb.Helper()
	_, err := c.CreateAlias(context.Background(), &kms.CreateAliasInput{AliasName: aws.String(name), TargetKeyId: aws.String(keyID)})
	if err != nil {
		tb.Fatalf("CreateAlias %s: %v", name, err)
	}
}

func encrypt(tb testing.TB, c *kms.Client, keyID string, plain []byte, ctx map[string]string) []byte {
	tb.Helper()
	out, err := c.Encrypt(context.Background(), &kms.EncryptInput{KeyId: aws.String(keyID), Plaintext: plain, EncryptionContext: ctx})
	if err != nil {
		tb.Fatalf("Encrypt: %v", err)
	}
	return out.CiphertextBlob
}
