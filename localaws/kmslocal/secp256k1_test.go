package kmslocal_test

import (
	"context"
	"crypto/sha256"
	"encoding/asn1"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"
)

// TestSecp256k1 signs with an ECC_SECG_P256K1 key (the curve Ethereum
// signers keep in KMS) and checks the signature outside KMS against the
// public key read from GetPublicKey's SubjectPublicKeyInfo (id-ecPublicKey
// on secp256k1, OID 1.3.132.0.10).
func TestSecp256k1(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	key := createAsymmetric(t, c, types.KeySpecEccSecgP256k1, types.KeyUsageTypeSignVerify)
	msg := []byte("transfer 1 ETH")
	out, err := c.Sign(ctx, &kms.SignInput{KeyId: key.KeyId, Message: msg, SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha256})
	if err != nil {
		t.Fatalf("Sign: %v", err)
	}
	pubOut, err := c.GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: key.KeyId})
	if err != nil {
		t.Fatal(err)
	}
	var spki struct {
		Algorithm struct{ Algorithm, Curve asn1.ObjectIdentifier }
		PublicKey asn1.BitString
	}
	if _, err := asn1.Unmarshal(pubOut.PublicKey, &spki); err != nil {
		t.Fatalf("GetPublicKey's PublicKey is not a SubjectPublicKeyInfo: %v", err)
	}
	if !spki.Algorithm.Curve.Equal(asn1.ObjectIdentifier{1, 3, 132, 0, 10}) {
		t.Errorf("curve OID %v, want secp256k1 (1.3.132.0.10)", spki.Algorithm.Curve)
	}
	pub, err := secp256k1.ParsePubKey(spki.PublicKey.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := ecdsa.ParseDERSignature(out.Signature)
	digest := sha256.Sum256(msg)
	if err != nil || !sig.Verify(digest[:], pub) {
		t.Errorf("the signature (%v) does not verify with the public key outside KMS", err)
	}
	if _, err := c.Verify(ctx, &kms.VerifyInput{KeyId: key.KeyId, Message: msg, Signature: out.Signature, SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha256}); err != nil {
		t.Errorf("Verify: %v", err)
	}
	_, err = c.Verify(ctx, &kms.VerifyInput{KeyId: key.KeyId, Message: append(msg, '!'), Signature: out.Signature, SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha256})
	if got := errorCode(t, err); got != "KMSInvalidSignatureException" {
		t.Errorf("Verify a changed message: %q, want KMSInvalidSignatureException", got)
	}
	if aws.ToString(key.KeyId) == "" || len(key.SigningAlgorithms) != 1 || key.SigningAlgorithms[0] != types.SigningAlgorithmSpecEcdsaSha256 {
		t.Errorf("KeyMetadata SigningAlgorithms = %v", key.SigningAlgorithms)
	}
}
