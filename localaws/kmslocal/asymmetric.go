package kmslocal

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"fmt"
	"io"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// usageSign and usageAgreement are the key usages of asymmetric signing
// and key agreement keys.
const (
	usageSign      = "SIGN_VERIFY"
	usageAgreement = "KEY_AGREEMENT"
)

// asymmetricSpec describes one asymmetric key spec this KMS can hold: how
// to make its private key and which algorithms it offers (as DescribeKey
// lists them).
type asymmetricSpec struct {
	rsaBits   int            // RSA modulus size, or 0 for an elliptic curve
	curve     elliptic.Curve // the NIST curve of an ECC spec
	secp256k1 bool           // ECC_SECG_P256K1, which crypto/elliptic lacks
	ed25519   bool           // ECC_NIST_EDWARDS25519
	usages    []string       // the key usages it supports here
	signing   []string       // its signing algorithms
}

// rsaSigning and rsaEncryption are the algorithms of every RSA key spec.
var (
	rsaSigning = []string{"RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
		"RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512"}
	rsaEncryption = []string{"RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"}
)

// signingAlgorithms are the SigningAlgorithm values in the service model's
// order, as AWS lists them when it refuses another.
var signingAlgorithms = []string{"RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
	"RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
	"ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512", "SM2DSA", "ML_DSA_SHAKE_256", "ED25519_SHA_512", "ED25519_PH_SHA_512"}

// asymmetricSpecFor returns the spec's description, if this KMS holds such
// keys. SM2 and ML-DSA keys are not held.
func asymmetricSpecFor(spec string) (asymmetricSpec, bool) {
	rsaUsages := []string{usageEncrypt, usageSign}
	switch spec {
	case "RSA_2048":
		return asymmetricSpec{rsaBits: 2048, usages: rsaUsages, signing: rsaSigning}, true
	case "RSA_3072":
		return asymmetricSpec{rsaBits: 3072, usages: rsaUsages, signing: rsaSigning}, true
	case "RSA_4096":
		return asymmetricSpec{rsaBits: 4096, usages: rsaUsages, signing: rsaSigning}, true
	case "ECC_NIST_P256":
		return asymmetricSpec{curve: elliptic.P256(), usages: []string{usageSign, usageAgreement}, signing: []string{"ECDSA_SHA_256"}}, true
	case "ECC_NIST_P384":
		return asymmetricSpec{curve: elliptic.P384(), usages: []string{usageSign, usageAgreement}, signing: []string{"ECDSA_SHA_384"}}, true
	case "ECC_NIST_P521":
		return asymmetricSpec{curve: elliptic.P521(), usages: []string{usageSign, usageAgreement}, signing: []string{"ECDSA_SHA_512"}}, true
	case "ECC_NIST_EDWARDS25519":
		return asymmetricSpec{ed25519: true, usages: []string{usageSign}, signing: []string{"ED25519_SHA_512", "ED25519_PH_SHA_512"}}, true
	case "ECC_SECG_P256K1":
		return asymmetricSpec{secp256k1: true, usages: []string{usageSign}, signing: []string{"ECDSA_SHA_256"}}, true
	}
	return asymmetricSpec{}, false
}

// generate makes a new private key of this spec from random.
func (a asymmetricSpec) generate(random io.Reader) (crypto.Signer, error) {
	if a.secp256k1 {
		return generateSecp256k1(random)
	}
	if a.ed25519 {
		_, priv, err := ed25519.GenerateKey(random)
		if err != nil {
			return nil, fmt.Errorf("generate Ed25519 key: %w", err)
		}
		return priv, nil
	}
	if a.rsaBits > 0 {
		k, err := rsa.GenerateKey(random, a.rsaBits)
		if err != nil {
			return nil, fmt.Errorf("generate RSA key: %w", err)
		}
		return k, nil
	}
	k, err := ecdsa.GenerateKey(a.curve, random)
	if err != nil {
		return nil, fmt.Errorf("generate ECC key: %w", err)
	}
	return k, nil
}

// publicKeyDER is the key's public half as GetPublicKey returns it: a
// DER-encoded X.509 SubjectPublicKeyInfo.
func (k *key) publicKeyDER() ([]byte, error) {
	if pub, ok := k.private.Public().(*secp256k1.PublicKey); ok {
		return secp256k1PublicKeyDER(pub)
	}
	der, err := x509.MarshalPKIXPublicKey(k.private.Public())
	if err != nil {
		return nil, fmt.Errorf("encode public key: %w", err)
	}
	return der, nil
}

// algorithms lists what an asymmetric key offers for its usage (a key
// agreement key's are keyAgreementAlgorithms).
func (k *key) algorithms() (encryption, signing []string) {
	if k.usage == usageAgreement {
		return nil, nil
	}
	if k.usage == usageSign {
		spec, _ := asymmetricSpecFor(k.spec)
		return nil, spec.signing
	}
	return rsaEncryption, nil
}

// signingHash is the digest an algorithm signs.
func signingHash(alg string) crypto.Hash {
	switch alg {
	case "RSASSA_PSS_SHA_256", "RSASSA_PKCS1_V1_5_SHA_256", "ECDSA_SHA_256":
		return crypto.SHA256
	case "RSASSA_PSS_SHA_384", "RSASSA_PKCS1_V1_5_SHA_384", "ECDSA_SHA_384":
		return crypto.SHA384
	case "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_512", "ECDSA_SHA_512", "ED25519_PH_SHA_512":
		return crypto.SHA512
	}
	return 0
}

// oaepHash is the digest an RSA encryption algorithm uses.
func oaepHash(alg string) crypto.Hash {
	switch alg {
	case "RSAES_OAEP_SHA_1":
		return crypto.SHA1
	case "RSAES_OAEP_SHA_256":
		return crypto.SHA256
	}
	return 0
}
