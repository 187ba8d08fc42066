package kmslocal_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// TestGenerateDataKeyPair makes a key pair of each spec under a symmetric
// key and checks what a caller relies on: the public key is a DER
// SubjectPublicKeyInfo, the private key a DER PKCS #8 PrivateKeyInfo of the
// same pair, the sealed private key decrypts (with the same encryption
// context only) to those bytes, and the WithoutPlaintext form leaves the
// clear private key out.
func TestGenerateDataKeyPair(t *testing.T) {
	t.Parallel()
	client, _ := newClient(t)
	ctx := context.Background()
	created, err := client.CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	keyARN := aws.ToString(created.KeyMetadata.Arn)
	encCtx := map[string]string{"purpose": "pair"}
	for _, spec := range []types.DataKeyPairSpec{"RSA_2048", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519"} {
		t.Run(string(spec), func(t *testing.T) {
			t.Parallel()
			out, err := client.GenerateDataKeyPair(ctx, &kms.GenerateDataKeyPairInput{KeyId: created.KeyMetadata.KeyId, KeyPairSpec: spec, EncryptionContext: encCtx})
			if err != nil {
				t.Fatalf("GenerateDataKeyPair: %v", err)
			}
			if aws.ToString(out.KeyId) != keyARN || out.KeyPairSpec != spec {
				t.Errorf("KeyId %q KeyPairSpec %q, want %q %q", aws.ToString(out.KeyId), out.KeyPairSpec, keyARN, spec)
			}
			if public, private := publicOf(t, out.PublicKey, spec), privateOf(t, out.PrivateKeyPlaintext, spec); !public.Equal(private) {
				t.Error("the private key is not the public key's pair")
			}
			opened, err := client.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: out.PrivateKeyCiphertextBlob, EncryptionContext: encCtx})
			if err != nil || !bytes.Equal(opened.Plaintext, out.PrivateKeyPlaintext) {
				t.Errorf("Decrypt of the sealed private key (%v) is not the clear private key", err)
			}
			if _, err := client.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: out.PrivateKeyCiphertextBlob}); errorCode(t, err) != "InvalidCiphertextException" {
				t.Errorf("Decrypt without the encryption context = %v, want InvalidCiphertextException", err)
			}
			sealedOnly, err := client.GenerateDataKeyPairWithoutPlaintext(ctx, &kms.GenerateDataKeyPairWithoutPlaintextInput{KeyId: &keyARN, KeyPairSpec: spec})
			if err != nil {
				t.Fatalf("GenerateDataKeyPairWithoutPlaintext: %v", err)
			}
			opened, err = client.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: sealedOnly.PrivateKeyCiphertextBlob})
			if err != nil || !publicOf(t, sealedOnly.PublicKey, spec).Equal(privateOf(t, opened.Plaintext, spec)) {
				t.Errorf("WithoutPlaintext: the sealed private key (%v) is not the public key's pair", err)
			}
		})
	}
}

// TestGenerateDataKeyPairRefusals checks the answers a caller's mistakes
// get: an unknown spec (the model's enum, in AWS's wording), a spec the
// local KMS does not make, and a KMS key that cannot seal (asymmetric).
func TestGenerateDataKeyPairRefusals(t *testing.T) {
	t.Parallel()
	client, _ := newClient(t)
	ctx := context.Background()
	symmetric, err := client.CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	signing, err := client.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, key, spec, code, message string
	}{
		{"unknown spec", *symmetric.KeyMetadata.KeyId, "RSA_1024", "ValidationException",
			"Value 'RSA_1024' at 'keyPairSpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256,"},
		{"spec not made locally", *symmetric.KeyMetadata.KeyId, "SM2", "UnsupportedOperationException", "KeyPairSpec SM2 is not supported"},
		{"asymmetric KMS key", *signing.KeyMetadata.KeyId, "RSA_2048", "InvalidKeyUsageException", "which is not valid for GenerateDataKeyPair"},
		{"missing key", "1234abcd-12ab-34cd-56ef-1234567890ab", "RSA_2048", "NotFoundException", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := client.GenerateDataKeyPair(ctx, &kms.GenerateDataKeyPairInput{KeyId: aws.String(tc.key), KeyPairSpec: types.DataKeyPairSpec(tc.spec)})
			if errorCode(t, err) != tc.code || !strings.Contains(errorMessage(t, err), tc.message) {
				t.Errorf("GenerateDataKeyPair = %v, want %s containing %q", err, tc.code, tc.message)
			}
		})
	}
}

// equalKey is the Equal method every standard public key has.
type equalKey interface{ Equal(crypto.PublicKey) bool }

// publicOf parses a DER SubjectPublicKeyInfo; secp256k1, which x509 does
// not know, by its uncompressed point.
func publicOf(tb testing.TB, der []byte, spec types.DataKeyPairSpec) equalKey {
	tb.Helper()
	if spec == "ECC_SECG_P256K1" {
		var spki struct {
			Algorithm struct{ Algorithm, Curve asn1.ObjectIdentifier }
			PublicKey asn1.BitString
		}
		if _, err := asn1.Unmarshal(der, &spki); err != nil {
			tb.Fatalf("secp256k1 SubjectPublicKeyInfo: %v", err)
		}
		pub, err := secp256k1.ParsePubKey(spki.PublicKey.Bytes)
		if err != nil {
			tb.Fatal(err)
		}
		return secpPublic{pub}
	}
	pub, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		tb.Fatalf("PublicKey is not a DER SubjectPublicKeyInfo: %v", err)
	}
	switch p := pub.(type) {
	case *rsa.PublicKey:
		return p
	case *ecdsa.PublicKey:
		return p
	case ed25519.PublicKey:
		return p
	}
	tb.Fatalf("unexpected public key %T", pub)
	return nil
}

// privateOf parses a DER PKCS #8 private key and returns its public half.
func privateOf(tb testing.TB, der []byte, spec types.DataKeyPairSpec) crypto.PublicKey {
	tb.Helper()
	if spec == "ECC_SECG_P256K1" {
		var info struct {
			Version    int
			Algorithm  struct{ Algorithm, Curve asn1.ObjectIdentifier }
			PrivateKey []byte
		}
		var inner struct {
			Version    int
			PrivateKey []byte
			PublicKey  asn1.BitString `asn1:"optional,explicit,tag:1"`
		}
		if _, err := asn1.Unmarshal(der, &info); err != nil {
			tb.Fatalf("secp256k1 PrivateKeyInfo: %v", err)
		}
		if _, err := asn1.Unmarshal(info.PrivateKey, &inner); err != nil {
			tb.Fatalf("secp256k1 ECPrivateKey: %v", err)
		}
		return secpPublic{secp256k1.PrivKeyFromBytes(inner.PrivateKey).PubKey()}
	}
	priv, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		tb.Fatalf("PrivateKeyPlaintext is not DER PKCS #8: %v", err)
	}
	return priv.(crypto.Signer).Public()
}

// secpPublic gives a secp256k1 public key the standard Equal method.
type secpPublic struct{ *secp256k1.PublicKey }

func (p secpPublic) Equal(other crypto.PublicKey) bool {
	o, ok := other.(secpPublic)
	return ok && p.IsEqual(o.PublicKey)
}
