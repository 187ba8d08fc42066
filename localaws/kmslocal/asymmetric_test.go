package kmslocal_test

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

func createAsymmetric(tb testing.TB, c *kms.Client, spec types.KeySpec, usage types.KeyUsageType) *types.KeyMetadata {
	tb.Helper()
	out, err := c.CreateKey(context.Background(), &kms.CreateKeyInput{KeySpec: spec, KeyUsage: usage})
	if err != nil {
		tb.Fatalf("CreateKey %s %s: %v", spec, usage, err)
	}
	return out.KeyMetadata
}

// publicKey fetches a key's public key and parses it as any X.509 user
// outside KMS would.
func publicKey(tb testing.TB, c *kms.Client, keyID string) (crypto.PublicKey, *kms.GetPublicKeyOutput) {
	tb.Helper()
	out, err := c.GetPublicKey(context.Background(), &kms.GetPublicKeyInput{KeyId: aws.String(keyID)})
	if err != nil {
		tb.Fatalf("GetPublicKey: %v", err)
	}
	pub, err := x509.ParsePKIXPublicKey(out.PublicKey)
	if err != nil {
		tb.Fatalf("parse the public key GetPublicKey returned: %v", err)
	}
	return pub, out
}

// TestSignVerify signs with each kind of key, checks the signature with
// the public key outside KMS (the point of an asymmetric key) and with
// Verify, and sees a changed message refused.
func TestSignVerify(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	tests := []struct {
		spec types.KeySpec
		alg  types.SigningAlgorithmSpec
		hash crypto.Hash
	}{
		{types.KeySpecRsa2048, types.SigningAlgorithmSpecRsassaPssSha256, crypto.SHA256},
		{types.KeySpecRsa2048, types.SigningAlgorithmSpecRsassaPkcs1V15Sha512, crypto.SHA512},
		{types.KeySpecEccNistP256, types.SigningAlgorithmSpecEcdsaSha256, crypto.SHA256},
		{types.KeySpecEccNistP384, types.SigningAlgorithmSpecEcdsaSha384, crypto.SHA384},
		{types.KeySpecEccNistP521, types.SigningAlgorithmSpecEcdsaSha512, crypto.SHA512},
	}
	for _, tt := range tests {
		t.Run(string(tt.spec)+"/"+string(tt.alg), func(t *testing.T) {
			t.Parallel()
			key := createAsymmetric(t, c, tt.spec, types.KeyUsageTypeSignVerify)
			if !slices.Contains(key.SigningAlgorithms, tt.alg) || key.EncryptionAlgorithms != nil {
				t.Errorf("KeyMetadata algorithms: signing %v, encryption %v", key.SigningAlgorithms, key.EncryptionAlgorithms)
			}
			msg := []byte("order o-1 paid 1999 EUR")
			out, err := c.Sign(ctx, &kms.SignInput{KeyId: key.KeyId, Message: msg, SigningAlgorithm: tt.alg})
			if err != nil {
				t.Fatalf("Sign: %v", err)
			}
			if aws.ToString(out.KeyId) != aws.ToString(key.Arn) || out.SigningAlgorithm != tt.alg {
				t.Errorf("Sign answered key %s, algorithm %s", aws.ToString(out.KeyId), out.SigningAlgorithm)
			}
			pub, pubOut := publicKey(t, c, aws.ToString(key.KeyId))
			if pubOut.KeySpec != tt.spec || pubOut.KeyUsage != types.KeyUsageTypeSignVerify {
				t.Errorf("GetPublicKey spec %s usage %s", pubOut.KeySpec, pubOut.KeyUsage)
			}
			h := tt.hash.New()
			h.Write(msg)
			digest := h.Sum(nil)
			if !verifyLocally(pub, tt.alg, tt.hash, digest, out.Signature) {
				t.Errorf("the signature does not verify with the public key outside KMS")
			}
			ver, err := c.Verify(ctx, &kms.VerifyInput{KeyId: key.KeyId, Message: msg, Signature: out.Signature, SigningAlgorithm: tt.alg})
			if err != nil || !ver.SignatureValid {
				t.Errorf("Verify = %+v, %v; want valid", ver, err)
			}
			// A digest signed as DIGEST verifies as the RAW message it is
			// the digest of, and as that same digest.
			byDigest, err := c.Sign(ctx, &kms.SignInput{KeyId: key.KeyId, Message: digest, MessageType: types.MessageTypeDigest, SigningAlgorithm: tt.alg})
			if err != nil {
				t.Fatalf("Sign a digest: %v", err)
			}
			if _, err := c.Verify(ctx, &kms.VerifyInput{KeyId: key.KeyId, Message: msg, Signature: byDigest.Signature, SigningAlgorithm: tt.alg}); err != nil {
				t.Errorf("Verify the raw message of a signed digest: %v", err)
			}
			if _, err := c.Verify(ctx, &kms.VerifyInput{KeyId: key.KeyId, Message: digest, MessageType: types.MessageTypeDigest, Signature: byDigest.Signature, SigningAlgorithm: tt.alg}); err != nil {
				t.Errorf("Verify a signed digest: %v", err)
			}
			_, err = c.Verify(ctx, &kms.VerifyInput{KeyId: key.KeyId, Message: append(msg, '!'), Signature: out.Signature, SigningAlgorithm: tt.alg})
			if got := errorCode(t, err); got != "KMSInvalidSignatureException" {
				t.Errorf("Verify a changed message: %q (%v), want KMSInvalidSignatureException", got, err)
			}
		})
	}
}

func verifyLocally(pub crypto.PublicKey, alg types.SigningAlgorithmSpec, h crypto.Hash, digest, sig []byte) bool {
	switch pub := pub.(type) {
	case *rsa.PublicKey:
		if alg == types.SigningAlgorithmSpecRsassaPssSha256 {
			return rsa.VerifyPSS(pub, h, digest, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}) == nil
		}
		return rsa.VerifyPKCS1v15(pub, h, digest, sig) == nil
	case *ecdsa.PublicKey:
		return ecdsa.VerifyASN1(pub, digest, sig)
	}
	return false
}

// TestSignRejects checks the refusals a caller meets first: the algorithm
// and message checks of the service model, then the key's own limits.
func TestSignRejects(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	ecc := createAsymmetric(t, c, types.KeySpecEccNistP256, types.KeyUsageTypeSignVerify)
	rsaEnc := createAsymmetric(t, c, types.KeySpecRsa2048, types.KeyUsageTypeEncryptDecrypt)
	tests := []struct {
		name     string
		in       kms.SignInput
		code     string
		wantText string
	}{
		{"unknown algorithm", kms.SignInput{KeyId: ecc.KeyId, Message: []byte("m"), SigningAlgorithm: "ECDSA_SHA_1"}, "ValidationException",
			"1 validation error detected: Value 'ECDSA_SHA_1' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RSASSA_PSS_SHA_256, RSASSA_PSS_SHA_384, RSASSA_PSS_SHA_512, RSASSA_PKCS1_V1_5_SHA_256, RSASSA_PKCS1_V1_5_SHA_384, RSASSA_PKCS1_V1_5_SHA_512, ECDSA_SHA_256, ECDSA_SHA_384, ECDSA_SHA_512, SM2DSA, ML_DSA_SHAKE_256, ED25519_SHA_512, ED25519_PH_SHA_512]"},
		{"empty message", kms.SignInput{KeyId: ecc.KeyId, Message: []byte{}, SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha256}, "ValidationException",
			"1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"algorithm of another curve", kms.SignInput{KeyId: ecc.KeyId, Message: []byte("m"), SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha384}, "InvalidKeyUsageException",
			"Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256."},
		{"digest of the wrong length", kms.SignInput{KeyId: ecc.KeyId, Message: []byte("short"), MessageType: types.MessageTypeDigest, SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha256}, "ValidationException",
			"Digest is invalid length for algorithm ECDSA_SHA_256."},
		{"encryption key", kms.SignInput{KeyId: rsaEnc.KeyId, Message: []byte("m"), SigningAlgorithm: types.SigningAlgorithmSpecRsassaPssSha256}, "InvalidKeyUsageException",
			aws.ToString(rsaEnc.Arn) + " key usage is ENCRYPT_DECRYPT which is not valid for Sign."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Sign(ctx, &tt.in)
			if errorCode(t, err) != tt.code || errorMessage(t, err) != tt.wantText {
				t.Errorf("Sign: %v\nwant %s %q", err, tt.code, tt.wantText)
			}
		})
	}
	sym := createSymmetric(t, c)
	if _, err := c.GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: sym.KeyId}); errorCode(t, err) != "UnsupportedOperationException" {
		t.Errorf("GetPublicKey of a symmetric key: %v, want UnsupportedOperationException", err)
	}
	if _, err := c.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: rsaEnc.KeyId, KeySpec: types.DataKeySpecAes256}); errorCode(t, err) != "InvalidKeyUsageException" {
		t.Errorf("GenerateDataKey with an RSA key: %v, want InvalidKeyUsageException", err)
	}
}

// TestRSAEncryption encrypts with an RSA key both through KMS and outside
// it with the public key, and decrypts both through KMS.
func TestRSAEncryption(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	key := createAsymmetric(t, c, types.KeySpecRsa2048, types.KeyUsageTypeEncryptDecrypt)
	if !slices.Equal(key.EncryptionAlgorithms, []types.EncryptionAlgorithmSpec{types.EncryptionAlgorithmSpecRsaesOaepSha1, types.EncryptionAlgorithmSpecRsaesOaepSha256}) {
		t.Errorf("EncryptionAlgorithms = %v", key.EncryptionAlgorithms)
	}
	alg := types.EncryptionAlgorithmSpecRsaesOaepSha256
	secret := []byte("vault token tok_123")
	enc, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: key.KeyId, Plaintext: secret, EncryptionAlgorithm: alg})
	if err != nil {
		t.Fatalf("Encrypt: %v", err)
	}
	pub, _ := publicKey(t, c, aws.ToString(key.KeyId))
	outside, err := rsa.EncryptOAEP(sha256.New(), rand.Reader, pub.(*rsa.PublicKey), secret, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, blob := range map[string][]byte{"through KMS": enc.CiphertextBlob, "outside KMS": outside} {
		dec, err := c.Decrypt(ctx, &kms.DecryptInput{KeyId: key.KeyId, CiphertextBlob: blob, EncryptionAlgorithm: alg})
		if err != nil || string(dec.Plaintext) != string(secret) || dec.EncryptionAlgorithm != alg {
			t.Errorf("Decrypt of a ciphertext made %s = %+v, %v", name, dec, err)
		}
	}
	_, err = c.Encrypt(ctx, &kms.EncryptInput{KeyId: key.KeyId, Plaintext: secret})
	if errorCode(t, err) != "InvalidKeyUsageException" {
		t.Errorf("Encrypt with an RSA key and no algorithm: %v, want InvalidKeyUsageException", err)
	}
	_, err = c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: enc.CiphertextBlob, EncryptionAlgorithm: alg})
	if errorCode(t, err) != "ValidationException" {
		t.Errorf("Decrypt of an RSA ciphertext without KeyId: %v, want ValidationException", err)
	}
	_, err = c.Decrypt(ctx, &kms.DecryptInput{KeyId: key.KeyId, CiphertextBlob: enc.CiphertextBlob, EncryptionAlgorithm: types.EncryptionAlgorithmSpecRsaesOaepSha1})
	if errorCode(t, err) != "InvalidCiphertextException" {
		t.Errorf("Decrypt with the other OAEP hash: %v, want InvalidCiphertextException", err)
	}
}

// TestReEncryptWithRSAKeys moves ciphertexts between RSA and symmetric
// keys, as LocalStack's AWS-validated TestKMS::test_re_encrypt does on AWS
// for RSA to RSA: each side names its algorithm, an RSA source needs its
// SourceKeyId (its ciphertext names no key), and what comes out decrypts
// under the destination key.
func TestReEncryptWithRSAKeys(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	rsa1 := createAsymmetric(t, c, types.KeySpecRsa2048, types.KeyUsageTypeEncryptDecrypt)
	rsa2 := createAsymmetric(t, c, types.KeySpecRsa2048, types.KeyUsageTypeEncryptDecrypt)
	sym := createSymmetric(t, c)
	oaep := types.EncryptionAlgorithmSpecRsaesOaepSha256
	enc, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: rsa1.KeyId, Plaintext: []byte("tok_1"), EncryptionAlgorithm: oaep})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: enc.CiphertextBlob, SourceKeyId: rsa1.KeyId, SourceEncryptionAlgorithm: oaep,
		DestinationKeyId: rsa2.KeyId, DestinationEncryptionAlgorithm: oaep})
	if err != nil {
		t.Fatalf("ReEncrypt RSA to RSA: %v", err)
	}
	if out.SourceEncryptionAlgorithm != oaep || out.DestinationEncryptionAlgorithm != oaep || aws.ToString(out.KeyId) != aws.ToString(rsa2.Arn) ||
		aws.ToString(out.SourceKeyId) != aws.ToString(rsa1.Arn) || out.SourceKeyMaterialId != nil {
		t.Errorf("ReEncrypt answered %+v", out)
	}
	dec, err := c.Decrypt(ctx, &kms.DecryptInput{KeyId: rsa2.KeyId, CiphertextBlob: out.CiphertextBlob, EncryptionAlgorithm: oaep})
	if err != nil || string(dec.Plaintext) != "tok_1" {
		t.Errorf("the destination decrypts %v (%v), want tok_1", dec, err)
	}
	toSym, err := c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: out.CiphertextBlob, SourceKeyId: rsa2.KeyId, SourceEncryptionAlgorithm: oaep,
		DestinationKeyId: sym.KeyId})
	if err != nil {
		t.Fatalf("ReEncrypt RSA to symmetric: %v", err)
	}
	if dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: toSym.CiphertextBlob}); err != nil || string(dec.Plaintext) != "tok_1" {
		t.Errorf("the symmetric key decrypts %v (%v), want tok_1", dec, err)
	}
	_, err = c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: enc.CiphertextBlob, SourceEncryptionAlgorithm: oaep, DestinationKeyId: rsa2.KeyId, DestinationEncryptionAlgorithm: oaep})
	if errorCode(t, err) != "ValidationException" {
		t.Errorf("ReEncrypt of an RSA ciphertext without SourceKeyId = %v, want ValidationException", err)
	}
	_, err = c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: enc.CiphertextBlob, SourceKeyId: rsa1.KeyId, SourceEncryptionAlgorithm: oaep,
		DestinationKeyId: sym.KeyId, DestinationEncryptionAlgorithm: oaep})
	if errorCode(t, err) != "InvalidKeyUsageException" {
		t.Errorf("an RSA algorithm for a symmetric destination = %v, want InvalidKeyUsageException", err)
	}
}
