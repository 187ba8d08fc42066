package kmslocal

import "fmt"

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
	if err := checkAlgorithm(in.SourceEncryptionAlgorithm); err != nil {
		return nil, err
	}
	if err := checkAlgorithm(in.DestinationEncryptionAlgorithm); err != nil {
		return nil, err
	}
	id, err := blobKeyID(in.CiphertextBlob)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	src, err := s.blobKey(id, in.SourceKeyID)
	var dst *key
	if err == nil {
		dst, err = s.encryptionKey(in.DestinationKeyID, "ReEncrypt")
	}
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	plain, err := open(src, in.CiphertextBlob, in.SourceEncryptionContext)
	if err != nil {
		return nil, err
	}
	blob, err := seal(dst, plain, in.DestinationEncryptionContext, s.random)
	if err != nil {
		return nil, fmt.Errorf("re-encrypt: %w", err)
	}
	return reEncryptOutput{
		CiphertextBlob:                 blob,
		SourceKeyID:                    src.arn,
		KeyID:                          dst.arn,
		SourceEncryptionAlgorithm:      specSymmetric,
		DestinationEncryptionAlgorithm: specSymmetric,
		SourceKeyMaterialID:            blobMaterialID(src, in.CiphertextBlob),
		DestinationKeyMaterialID:       blobMaterialID(dst, blob),
	}, nil
}
