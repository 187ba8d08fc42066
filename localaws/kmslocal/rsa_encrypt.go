package kmslocal

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"slices"
)

// encryptRSA encrypts with an RSA ENCRYPT_DECRYPT key's public key using
// RSAES-OAEP, as AWS does; the ciphertext is the bare OAEP output, which
// anyone holding the public key could have made. The key has no default
// algorithm: EncryptionAlgorithm must name one of its two.
func encryptRSA(k *key, in encryptInput, random io.Reader) (any, error) {
	if len(in.EncryptionContext) > 0 && slices.Contains(rsaEncryption, in.EncryptionAlgorithm) {
		return nil, errorf(codeValidation, "EncryptionContext is not supported with asymmetric KMS keys")
	}
	blob, err := rsaSeal(k, in.EncryptionAlgorithm, in.Plaintext, random)
	if err != nil {
		return nil, err
	}
	return encryptOutput{CiphertextBlob: blob, EncryptionAlgorithm: in.EncryptionAlgorithm, KeyID: k.arn}, nil
}

// rsaSeal encrypts plain with an RSA ENCRYPT_DECRYPT key under alg, one of
// the key's two RSAES-OAEP algorithms.
func rsaSeal(k *key, alg string, plain []byte, random io.Reader) ([]byte, error) {
	priv, ok := k.private.(*rsa.PrivateKey)
	if !ok || k.usage != usageEncrypt || !slices.Contains(rsaEncryption, alg) {
		if alg == "" {
			alg = specSymmetric
		}
		return nil, errorf(codeInvalidKeyUsage, "Algorithm %s is incompatible with key spec %s.", alg, k.spec)
	}
	h := oaepHash(alg)
	blob, err := rsa.EncryptOAEP(h.New(), random, &priv.PublicKey, plain, nil)
	if errors.Is(err, rsa.ErrMessageTooLong) {
		// AWS's wording and limits (the modulus length less twice the
		// hash length less 2), as LocalStack's AWS-validated snapshot of
		// TestKMS::test_encrypt_validate_plaintext_size_per_key_type records
		// them (tests/aws/services/kms/test_kms.snapshot.json).
		return nil, errorf(codeValidation, "Algorithm %s and key spec %s cannot encrypt data larger than %d bytes.",
			alg, k.spec, priv.Size()-2*h.Size()-2)
	}
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return blob, nil
}

// rsaOpen decrypts an RSAES-OAEP ciphertext with an RSA ENCRYPT_DECRYPT
// key under alg.
func rsaOpen(k *key, alg string, blob []byte) ([]byte, error) {
	priv, ok := k.private.(*rsa.PrivateKey)
	if !ok || k.usage != usageEncrypt || !slices.Contains(rsaEncryption, alg) {
		return nil, errorf(codeInvalidKeyUsage, "Algorithm %s is incompatible with key spec %s.", alg, k.spec)
	}
	plain, err := rsa.DecryptOAEP(oaepHash(alg).New(), nil, priv, blob, nil)
	if err != nil {
		return nil, errorf(codeInvalidCiphertext, "")
	}
	return plain, nil
}

// decryptRSA decrypts an RSAES-OAEP ciphertext. Such a ciphertext does not
// name its key, so KeyId is required, as in AWS.
func (s *regional) decryptRSA(in decryptInput) (any, error) {
	if in.KeyID == "" {
		return nil, errorf(codeValidation, "KeyId is required when decrypting with an asymmetric KMS key")
	}
	k, err := s.usableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	plain, err := rsaOpen(k, in.EncryptionAlgorithm, in.CiphertextBlob)
	if err != nil {
		return nil, err
	}
	return decryptOutput{EncryptionAlgorithm: in.EncryptionAlgorithm, KeyID: k.arn, Plaintext: plain}, nil
}
