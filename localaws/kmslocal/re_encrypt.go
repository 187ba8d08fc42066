package kmslocal

import (
	"fmt"
	"slices"
)

type reEncryptInput struct {
	CiphertextBlob                 []byte            `json:"CiphertextBlob"`
	SourceEncryptionContext        map[string]string `json:"SourceEncryptionContext"`
	SourceKeyID                    string            `json:"SourceKeyId"`
	SourceEncryptionAlgorithm      string            `json:"SourceEncryptionAlgorithm"`
	DestinationKeyID               string            `json:"DestinationKeyId"`
	DestinationEncryptionContext   map[string]string `json:"DestinationEncryptionContext"`
	DestinationEncryptionAlgorithm string            `json:"DestinationEncryptionAlgorithm"`
}

type reEncryptOutput struct {
	CiphertextBlob                 []byte `json:"CiphertextBlob"`
	SourceKeyID                    string `json:"SourceKeyId"`
	KeyID                          string `json:"KeyId"`
	SourceEncryptionAlgorithm      string `json:"SourceEncryptionAlgorithm"`
	DestinationEncryptionAlgorithm string `json:"DestinationEncryptionAlgorithm"`
	// The materials that sealed the old and the new ciphertext, as the
	// service model's ReEncryptResponse has them for symmetric keys.
	SourceKeyMaterialID      string `json:"SourceKeyMaterialId,omitempty"`
	DestinationKeyMaterialID string `json:"DestinationKeyMaterialId,omitempty"`
}

// reEncrypt decrypts a ciphertext under its own key (which SourceKeyId,
// when given, must name) and encrypts the plaintext under the destination
// key, with the destination context, without the plaintext leaving KMS.
// Either side may be an RSA key with an RSAES-OAEP algorithm, as on AWS
// (LocalStack's AWS-validated TestKMS::test_re_encrypt): an RSA ciphertext
// does not name its key, so SourceKeyId is then required.
func (s *regional) reEncrypt(body []byte) (any, error) {
	var in reEncryptInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if len(in.CiphertextBlob) == 0 {
		return nil, errorf(codeValidation, "CiphertextBlob is required")
	}
	if in.DestinationKeyID == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'destinationKeyId' failed to satisfy constraint: Member must not be null")
	}
	srcRSA := slices.Contains(rsaEncryption, in.SourceEncryptionAlgorithm)
	dstRSA := slices.Contains(rsaEncryption, in.DestinationEncryptionAlgorithm)
	if !srcRSA {
		if err := checkAlgorithm(in.SourceEncryptionAlgorithm); err != nil {
			return nil, err
		}
	}
	if !dstRSA {
		if err := checkAlgorithm(in.DestinationEncryptionAlgorithm); err != nil {
			return nil, err
		}
	}
	out := reEncryptOutput{SourceEncryptionAlgorithm: specSymmetric, DestinationEncryptionAlgorithm: specSymmetric}
	var plain []byte
	if srcRSA {
		if in.SourceKeyID == "" {
			return nil, errorf(codeValidation, "SourceKeyId is required when decrypting with an asymmetric KMS key")
		}
		src, err := s.usableKey(in.SourceKeyID)
		if err != nil {
			return nil, err
		}
		if plain, err = rsaOpen(src, in.SourceEncryptionAlgorithm, in.CiphertextBlob); err != nil {
			return nil, err
		}
		out.SourceKeyID, out.SourceEncryptionAlgorithm = src.arn, in.SourceEncryptionAlgorithm
	} else {
		src, opened, err := s.openBlob(in.CiphertextBlob, in.SourceKeyID, in.SourceEncryptionContext)
		if err != nil {
			return nil, err
		}
		plain = opened
		out.SourceKeyID, out.SourceKeyMaterialID = src.arn, blobMaterialID(src, in.CiphertextBlob)
	}
	if dstRSA {
		if len(in.DestinationEncryptionContext) > 0 {
			return nil, errorf(codeValidation, "EncryptionContext is not supported with asymmetric KMS keys")
		}
		dst, err := s.usableKey(in.DestinationKeyID)
		if err != nil {
			return nil, err
		}
		if out.CiphertextBlob, err = rsaSeal(dst, in.DestinationEncryptionAlgorithm, plain, s.random); err != nil {
			return nil, err
		}
		out.KeyID, out.DestinationEncryptionAlgorithm = dst.arn, in.DestinationEncryptionAlgorithm
		return out, nil
	}
	s.mu.RLock()
	dst, err := s.encryptionKey(in.DestinationKeyID, "ReEncrypt")
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	if out.CiphertextBlob, err = seal(dst, plain, in.DestinationEncryptionContext, s.random); err != nil {
		return nil, fmt.Errorf("re-encrypt: %w", err)
	}
	out.KeyID, out.DestinationKeyMaterialID = dst.arn, blobMaterialID(dst, out.CiphertextBlob)
	return out, nil
}
