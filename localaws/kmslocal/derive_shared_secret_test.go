package kmslocal_test

import (
	"bytes"
	"context"
	"crypto/ecdh"
	"crypto/rand"
	"crypto/x509"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// TestDeriveSharedSecret follows LocalStack's AWS-validated
// test_derive_shared_secret and test_derive_shared_secret_matches_openssl:
// two KEY_AGREEMENT keys derive the same secret from each other's public
// keys, a key made outside KMS agrees with a KMS key (the raw ECDH
// secret), and the refusals carry AWS's codes and words.
func TestDeriveSharedSecret(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	agreement := func(spec types.KeySpec) (string, []byte) {
		t.Helper()
		out, err := c.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: spec, KeyUsage: types.KeyUsageTypeKeyAgreement})
		if err != nil {
			t.Fatalf("CreateKey %s KEY_AGREEMENT: %v", spec, err)
		}
		if got := out.KeyMetadata.KeyAgreementAlgorithms; len(got) != 1 || got[0] != types.KeyAgreementAlgorithmSpecEcdh || out.KeyMetadata.SigningAlgorithms != nil {
			t.Errorf("KeyMetadata algorithms: agreement %v signing %v, want [ECDH] and none", got, out.KeyMetadata.SigningAlgorithms)
		}
		pub, err := c.GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: out.KeyMetadata.KeyId})
		if err != nil || len(pub.KeyAgreementAlgorithms) != 1 {
			t.Fatalf("GetPublicKey = %+v (%v)", pub, err)
		}
		return aws.ToString(out.KeyMetadata.KeyId), pub.PublicKey
	}
	derive := func(keyID string, peer []byte) ([]byte, error) {
		out, err := c.DeriveSharedSecret(ctx, &kms.DeriveSharedSecretInput{KeyId: &keyID, KeyAgreementAlgorithm: types.KeyAgreementAlgorithmSpecEcdh, PublicKey: peer})
		if err != nil {
			return nil, err
		}
		if out.KeyAgreementAlgorithm != types.KeyAgreementAlgorithmSpecEcdh || out.KeyOrigin != types.OriginTypeAwsKms || !strings.HasSuffix(aws.ToString(out.KeyId), keyID) {
			t.Errorf("DeriveSharedSecret answered %+v", out)
		}
		return out.SharedSecret, nil
	}
	key1, pub1 := agreement(types.KeySpecEccNistP256)
	key2, pub2 := agreement(types.KeySpecEccNistP256)
	s1, err1 := derive(key1, pub2)
	s2, err2 := derive(key2, pub1)
	if err1 != nil || err2 != nil || len(s1) != 32 || !bytes.Equal(s1, s2) {
		t.Fatalf("the two sides' secrets differ: %x (%v) / %x (%v)", s1, err1, s2, err2)
	}

	outside, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(outside.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	kmsPub, err := x509.ParsePKIXPublicKey(pub1)
	if err != nil {
		t.Fatal(err)
	}
	peer, err := kmsPub.(interface {
		ECDH() (*ecdh.PublicKey, error)
	}).ECDH()
	if err != nil {
		t.Fatal(err)
	}
	want, err := outside.ECDH(peer)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := derive(key1, der); err != nil || !bytes.Equal(got, want) {
		t.Errorf("KMS secret %x (%v), the outside key's %x", got, err, want)
	}

	signing, err := c.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: types.KeySpecEccNistP256, KeyUsage: types.KeyUsageTypeSignVerify})
	if err != nil {
		t.Fatal(err)
	}
	symmetric, err := c.CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	_, p384Pub := agreement(types.KeySpecEccNistP384)
	tests := []struct {
		name, key, algorithm string
		peer                 []byte
		code, message        string
	}{
		{"signing key", *signing.KeyMetadata.KeyId, "ECDH", pub2, "InvalidKeyUsageException", "key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret."},
		{"symmetric key", *symmetric.KeyMetadata.KeyId, "ECDH", pub2, "InvalidKeyUsageException", "key usage is ENCRYPT_DECRYPT which is not valid for DeriveSharedSecret."},
		{"unknown algorithm", key1, "INVALID", pub2, "ValidationException", "1 validation error detected: Value 'INVALID' at 'keyAgreementAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [ECDH]"},
		{"not a public key", key1, "ECDH", []byte("InvalidPublicKey"), "ValidationException", ""},
		{"another curve", key1, "ECDH", p384Pub, "ValidationException", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.DeriveSharedSecret(ctx, &kms.DeriveSharedSecretInput{KeyId: aws.String(tc.key),
				KeyAgreementAlgorithm: types.KeyAgreementAlgorithmSpec(tc.algorithm), PublicKey: tc.peer})
			if code := errorCode(t, err); code != tc.code || !strings.HasSuffix(errorMessage(t, err), tc.message) {
				t.Errorf("DeriveSharedSecret = %v, want %s ending %q", err, tc.code, tc.message)
			}
		})
	}
	_, err = c.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: types.KeySpecRsa2048, KeyUsage: types.KeyUsageTypeKeyAgreement})
	if errorCode(t, err) != "ValidationException" || errorMessage(t, err) != "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048" {
		t.Errorf("CreateKey RSA_2048 KEY_AGREEMENT = %v, want AWS's ValidationException", err)
	}
}
