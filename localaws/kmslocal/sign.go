package kmslocal

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

type signInput struct {
	KeyID            string `json:"KeyId"`
	Message          []byte `json:"Message"`
	MessageType      string `json:"MessageType"`
	SigningAlgorithm string `json:"SigningAlgorithm"`
	Signature        []byte `json:"Signature"`
}

type signOutput struct {
	KeyID            string `json:"KeyId"`
	Signature        []byte `json:"Signature"`
	SigningAlgorithm string `json:"SigningAlgorithm"`
}

type verifyOutput struct {
	KeyID            string `json:"KeyId"`
	SignatureValid   bool   `json:"SignatureValid"`
	SigningAlgorithm string `json:"SigningAlgorithm"`
}

// messageTypes are the MessageType values in the service model's order.
var messageTypes = []string{"RAW", "DIGEST", "EXTERNAL_MU"}

// checkLength applies a blob member's length constraint from the service
// model (1 to max bytes), answering in the model's validation wording.
func checkLength(member string, n, max int) error {
	switch {
	case n == 0:
		return errorf(codeValidation, "1 validation error detected: Value at '%s' failed to satisfy constraint: Member must have length greater than or equal to 1", member)
	case n > max:
		return errorf(codeValidation, "1 validation error detected: Value at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", member, max)
	}
	return nil
}

// signingRequest validates a Sign or Verify request (op) and returns its
// key and the digest to sign or check.
func (s *regional) signingRequest(body []byte, op string) (signInput, *key, []byte, error) {
	var in signInput
	if err := decode(body, &in); err != nil {
		return in, nil, nil, err
	}
	messageErr := checkLength("message", len(in.Message), maxPlaintext)
	switch {
	case in.SigningAlgorithm == "":
		return in, nil, nil, errorf(codeValidation, "1 validation error detected: Value null at 'signingAlgorithm' failed to satisfy constraint: Member must not be null")
	case !slices.Contains(signingAlgorithms, in.SigningAlgorithm):
		return in, nil, nil, enumError(in.SigningAlgorithm, "signingAlgorithm", signingAlgorithms)
	case messageErr != nil:
		return in, nil, nil, messageErr
	case in.MessageType != "" && !slices.Contains(messageTypes, in.MessageType):
		return in, nil, nil, enumError(in.MessageType, "messageType", messageTypes)
	case op == "Verify" && len(in.Signature) == 0:
		return in, nil, nil, checkLength("signature", 0, 1)
	}
	k, err := s.usableKey(in.KeyID)
	if err != nil {
		return in, nil, nil, err
	}
	if err := k.requireUsage(usageSign, op); err != nil {
		return in, nil, nil, err
	}
	_, signing := k.algorithms()
	if !slices.Contains(signing, in.SigningAlgorithm) {
		return in, nil, nil, errorf(codeInvalidKeyUsage, "Algorithm %s is incompatible with key spec %s.", in.SigningAlgorithm, k.spec)
	}
	if in.SigningAlgorithm == "ED25519_SHA_512" {
		// Pure Ed25519 signs the message itself, so it takes no digest.
		if in.MessageType != "" && in.MessageType != "RAW" {
			return in, nil, nil, errorf(codeValidation, "The %s signing algorithm supports only the RAW message type.", in.SigningAlgorithm)
		}
		return in, k, in.Message, nil
	}
	h := signingHash(in.SigningAlgorithm)
	switch in.MessageType {
	case "", "RAW":
		d := h.New()
		d.Write(in.Message)
		return in, k, d.Sum(nil), nil
	case "DIGEST":
		if len(in.Message) != h.Size() {
			return in, nil, nil, errorf(codeValidation, "Digest is invalid length for algorithm %s.", in.SigningAlgorithm)
		}
		return in, k, in.Message, nil
	}
	return in, nil, nil, errorf(codeUnsupported, "MessageType %s is only for ML-DSA keys, which the local KMS does not hold", in.MessageType)
}

// sign signs a message or its digest with an asymmetric SIGN_VERIFY key:
// RSASSA-PSS (salt as long as the hash), RSASSA-PKCS1-v1_5 or DER-encoded
// ECDSA, as AWS does.
func (s *regional) sign(body []byte) (any, error) {
	in, k, digest, err := s.signingRequest(body, "Sign")
	if err != nil {
		return nil, err
	}
	h := signingHash(in.SigningAlgorithm)
	var sig []byte
	switch priv := k.private.(type) {
	case *rsa.PrivateKey:
		if strings.HasPrefix(in.SigningAlgorithm, "RSASSA_PSS_") {
			sig, err = rsa.SignPSS(s.random, priv, h, digest, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
		} else {
			sig, err = rsa.SignPKCS1v15(nil, priv, h, digest)
		}
	case *ecdsa.PrivateKey:
		sig, err = ecdsa.SignASN1(s.random, priv, digest)
	case secp256k1Key:
		sig, err = priv.Sign(s.random, digest, nil)
	case ed25519.PrivateKey:
		sig, err = priv.Sign(nil, digest, ed25519Options(in.SigningAlgorithm))
	default:
		err = errors.New("unknown private key type")
	}
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return signOutput{KeyID: k.arn, Signature: sig, SigningAlgorithm: in.SigningAlgorithm}, nil
}

// verify checks a signature. A signature that does not match fails with
// KMSInvalidSignatureException rather than answering SignatureValid false,
// as AWS documents.
func (s *regional) verify(body []byte) (any, error) {
	in, k, digest, err := s.signingRequest(body, "Verify")
	if err != nil {
		return nil, err
	}
	if !verifySignature(k.private.Public(), in.SigningAlgorithm, digest, in.Signature) {
		return nil, errorf(codeInvalidSignature, "")
	}
	return verifyOutput{KeyID: k.arn, SignatureValid: true, SigningAlgorithm: in.SigningAlgorithm}, nil
}

// ed25519Options selects pure Ed25519 (ED25519_SHA_512, over the message)
// or Ed25519ph (ED25519_PH_SHA_512, over its SHA-512 digest).
func ed25519Options(alg string) *ed25519.Options {
	if alg == "ED25519_PH_SHA_512" {
		return &ed25519.Options{Hash: crypto.SHA512}
	}
	return &ed25519.Options{}
}

func verifySignature(pub crypto.PublicKey, alg string, digest, sig []byte) bool {
	h := signingHash(alg)
	switch pub := pub.(type) {
	case *rsa.PublicKey:
		if strings.HasPrefix(alg, "RSASSA_PSS_") {
			return rsa.VerifyPSS(pub, h, digest, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}) == nil
		}
		return rsa.VerifyPKCS1v15(pub, h, digest, sig) == nil
	case *ecdsa.PublicKey:
		return ecdsa.VerifyASN1(pub, digest, sig)
	case *secp256k1.PublicKey:
		return verifySecp256k1(pub, digest, sig)
	case ed25519.PublicKey:
		return ed25519.VerifyWithOptions(pub, digest, sig, ed25519Options(alg)) == nil
	}
	return false
}
