package kmslocal

import (
	"crypto/ecdsa"
	"crypto/x509"
	"fmt"
	"slices"
)

// keyAgreementAlgorithms are the KeyAgreementAlgorithm values, as the
// service model lists them.
var keyAgreementAlgorithms = []string{"ECDH"}

// keyAgreementAlgorithms lists what a key agreement key offers: ECDH; nil
// for any other key.
func (k *key) keyAgreementAlgorithms() []string {
	if k.usage != usageAgreement {
		return nil
	}
	return slices.Clone(keyAgreementAlgorithms)
}

type deriveSharedSecretInput struct {
	KeyID                 string `json:"KeyId"`
	KeyAgreementAlgorithm string `json:"KeyAgreementAlgorithm"`
	PublicKey             []byte `json:"PublicKey"`
}

type deriveSharedSecretOutput struct {
	KeyID                 string `json:"KeyId"`
	SharedSecret          []byte `json:"SharedSecret"`
	KeyAgreementAlgorithm string `json:"KeyAgreementAlgorithm"`
	KeyOrigin             string `json:"KeyOrigin"`
}

// deriveSharedSecret runs ECDH between a KEY_AGREEMENT key's private half
// and a peer's public key (a DER SubjectPublicKeyInfo on the same curve)
// and answers the raw shared secret, as AWS does; the refusals are in the
// words LocalStack's AWS-validated test_derive_shared_secret records (an
// unusable public key is a ValidationException with no message).
func (s *regional) deriveSharedSecret(body []byte) (any, error) {
	var in deriveSharedSecretInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if !slices.Contains(keyAgreementAlgorithms, in.KeyAgreementAlgorithm) {
		return nil, enumError(in.KeyAgreementAlgorithm, "keyAgreementAlgorithm", keyAgreementAlgorithms)
	}
	k, err := s.usableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if err := k.requireUsage(usageAgreement, "DeriveSharedSecret"); err != nil {
		return nil, err
	}
	priv, ok := k.private.(*ecdsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("derive shared secret: %s holds a %T", k.arn, k.private)
	}
	parsed, err := x509.ParsePKIXPublicKey(in.PublicKey)
	peer, isEC := parsed.(*ecdsa.PublicKey)
	if err != nil || !isEC || peer.Curve != priv.Curve {
		return nil, errorf(codeValidation, "")
	}
	mine, err := priv.ECDH()
	if err != nil {
		return nil, fmt.Errorf("derive shared secret: %w", err)
	}
	theirs, err := peer.ECDH()
	if err != nil {
		return nil, errorf(codeValidation, "")
	}
	secret, err := mine.ECDH(theirs)
	if err != nil {
		return nil, errorf(codeValidation, "")
	}
	return deriveSharedSecretOutput{KeyID: k.arn, SharedSecret: secret, KeyAgreementAlgorithm: in.KeyAgreementAlgorithm, KeyOrigin: k.origin}, nil
}
