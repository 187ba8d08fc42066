package kmslocal

import (
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"slices"
)

// dataKeyPairSpecs are the KeyPairSpec values, in the order AWS lists them
// when it refuses another (the service model's).
var dataKeyPairSpecs = []string{"RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521",
	"ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519", "ML_KEM_512", "ML_KEM_768", "ML_KEM_1024"}

type generateDataKeyPairInput struct {
	KeyID             string            `json:"KeyId"`
	KeyPairSpec       string            `json:"KeyPairSpec"`
	EncryptionContext map[string]string `json:"EncryptionContext"`
}

type generateDataKeyPairOutput struct {
	KeyID                    string `json:"KeyId"`
	KeyPairSpec              string `json:"KeyPairSpec"`
	PrivateKeyCiphertextBlob []byte `json:"PrivateKeyCiphertextBlob"`
	PrivateKeyPlaintext      []byte `json:"PrivateKeyPlaintext,omitempty"`
	PublicKey                []byte `json:"PublicKey"`
}

func (s *regional) generateDataKeyPair(body []byte) (any, error) {
	return s.newDataKeyPair(body, "GenerateDataKeyPair")
}

func (s *regional) generateDataKeyPairWithoutPlaintext(body []byte) (any, error) {
	out, err := s.newDataKeyPair(body, "GenerateDataKeyPairWithoutPlaintext")
	out.PrivateKeyPlaintext = nil
	return out, err
}

// newDataKeyPair makes an asymmetric key pair for the caller to use outside
// KMS: the public key as a DER SubjectPublicKeyInfo, the private key as a
// DER PKCS #8 PrivateKeyInfo, in clear and sealed under the symmetric KMS
// key with the request's encryption context.
func (s *regional) newDataKeyPair(body []byte, op string) (generateDataKeyPairOutput, error) {
	var in generateDataKeyPairInput
	if err := decode(body, &in); err != nil {
		return generateDataKeyPairOutput{}, err
	}
	if in.KeyPairSpec == "" {
		return generateDataKeyPairOutput{}, errorf(codeValidation, "1 validation error detected: Value null at 'keyPairSpec' failed to satisfy constraint: Member must not be null")
	}
	if !slices.Contains(dataKeyPairSpecs, in.KeyPairSpec) {
		return generateDataKeyPairOutput{}, enumError(in.KeyPairSpec, "keyPairSpec", dataKeyPairSpecs)
	}
	s.mu.RLock()
	k, err := s.encryptionKey(in.KeyID, op)
	s.mu.RUnlock()
	if err != nil {
		return generateDataKeyPairOutput{}, err
	}
	spec, ok := asymmetricSpecFor(in.KeyPairSpec)
	if !ok {
		return generateDataKeyPairOutput{}, errorf(codeUnsupported, "KeyPairSpec %s is not supported by the local KMS, which makes RSA, NIST-curve, secp256k1 and Ed25519 key pairs only", in.KeyPairSpec)
	}
	private, err := spec.generate(s.random)
	if err != nil {
		return generateDataKeyPairOutput{}, fmt.Errorf("%s: %w", op, err)
	}
	pair := &key{private: private}
	public, err := pair.publicKeyDER()
	if err != nil {
		return generateDataKeyPairOutput{}, fmt.Errorf("%s: %w", op, err)
	}
	plain, err := pkcs8(private)
	if err != nil {
		return generateDataKeyPairOutput{}, fmt.Errorf("%s: %w", op, err)
	}
	blob, err := seal(k, plain, in.EncryptionContext, s.random)
	if err != nil {
		return generateDataKeyPairOutput{}, fmt.Errorf("%s: %w", op, err)
	}
	return generateDataKeyPairOutput{KeyID: k.arn, KeyPairSpec: in.KeyPairSpec, PrivateKeyCiphertextBlob: blob,
		PrivateKeyPlaintext: plain, PublicKey: public}, nil
}

// pkcs8 encodes a private key as a DER PKCS #8 PrivateKeyInfo; x509 does
// every spec but secp256k1, whose ECPrivateKey (RFC 5915) is written here.
func pkcs8(private crypto.Signer) ([]byte, error) {
	k, ok := private.(secp256k1Key)
	if !ok {
		der, err := x509.MarshalPKCS8PrivateKey(private)
		if err != nil {
			return nil, fmt.Errorf("encode private key: %w", err)
		}
		return der, nil
	}
	type ecPrivateKey struct {
		Version    int
		PrivateKey []byte
		PublicKey  asn1.BitString `asn1:"optional,explicit,tag:1"`
	}
	type algorithm struct {
		Algorithm asn1.ObjectIdentifier
		Curve     asn1.ObjectIdentifier
	}
	type privateKeyInfo struct {
		Version    int
		Algorithm  algorithm
		PrivateKey []byte
	}
	point := k.priv.PubKey().SerializeUncompressed()
	inner, err := asn1.Marshal(ecPrivateKey{Version: 1, PrivateKey: k.priv.Serialize(),
		PublicKey: asn1.BitString{Bytes: point, BitLength: 8 * len(point)}})
	if err != nil {
		return nil, fmt.Errorf("encode secp256k1 private key: %w", err)
	}
	der, err := asn1.Marshal(privateKeyInfo{Algorithm: algorithm{oidECPublicKey, oidSecp256k1}, PrivateKey: inner})
	if err != nil {
		return nil, fmt.Errorf("encode secp256k1 private key: %w", err)
	}
	return der, nil
}
