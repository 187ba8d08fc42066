package kmslocal_test

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/sha512"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// TestEd25519 signs with an ECC_NIST_EDWARDS25519 key, pure Ed25519 over
// the message and Ed25519ph over its SHA-512 digest, and checks both
// signatures outside KMS with the public key GetPublicKey returns.
func TestEd25519(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	key := createAsymmetric(t, c, types.KeySpecEccNistEdwards25519, types.KeyUsageTypeSignVerify)
	pub, _ := publicKey(t, c, *key.KeyId)
	edPub, ok := pub.(ed25519.PublicKey)
	if !ok {
		t.Fatalf("GetPublicKey gave a %T, want an Ed25519 public key", pub)
	}
	msg := []byte("refund r-1 of order o-1")
	digest := sha512.Sum512(msg)
	tests := []struct {
		name     string
		alg      types.SigningAlgorithmSpec
		verifyOn []byte
		opts     *ed25519.Options
	}{
		{"pure", types.SigningAlgorithmSpecEd25519Sha512, msg, &ed25519.Options{}},
		{"prehashed", types.SigningAlgorithmSpecEd25519PhSha512, digest[:], &ed25519.Options{Hash: crypto.SHA512}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, err := c.Sign(ctx, &kms.SignInput{KeyId: key.KeyId, Message: msg, SigningAlgorithm: tc.alg})
			if err != nil {
				t.Fatalf("Sign: %v", err)
			}
			if err := ed25519.VerifyWithOptions(edPub, tc.verifyOn, out.Signature, tc.opts); err != nil {
				t.Errorf("the signature does not verify outside KMS: %v", err)
			}
			if _, err := c.Verify(ctx, &kms.VerifyInput{KeyId: key.KeyId, Message: msg, Signature: out.Signature, SigningAlgorithm: tc.alg}); err != nil {
				t.Errorf("Verify: %v", err)
			}
		})
	}
	_, err := c.Sign(ctx, &kms.SignInput{KeyId: key.KeyId, Message: digest[:], MessageType: types.MessageTypeDigest, SigningAlgorithm: types.SigningAlgorithmSpecEd25519Sha512})
	if got := errorCode(t, err); got != "ValidationException" {
		t.Errorf("pure Ed25519 over a digest: %q, want ValidationException", got)
	}
}
