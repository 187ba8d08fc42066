package kmslocal

type decryptInput struct {
	KeyID               string            `json:"KeyId"`
	CiphertextBlob      []byte            `json:"CiphertextBlob"`
	EncryptionContext   map[string]string `json:"EncryptionContext"`
	EncryptionAlgorithm string            `json:"EncryptionAlgorithm"`
}

type decryptOutput struct {
	EncryptionAlgorithm string `json:"EncryptionAlgorithm"`
	KeyID               string `json:"KeyId"`
	// KeyMaterialID names the material that sealed a symmetric
	// ciphertext, as the service model's DecryptResponse has it; AWS's
	// answers recorded in LocalStack's snapshot of
	// TestKMS::test_encrypt_decrypt_encryption_context carry it (LocalStack
	// itself is not checked on that member).
	KeyMaterialID string `json:"KeyMaterialId,omitempty"`
	Plaintext     []byte `json:"Plaintext"`
}

// decrypt finds the key from the blob itself. A KeyId, when given, must
// name that same key (IncorrectKeyException otherwise), as in AWS.
func (s *regional) decrypt(body []byte) (any, error) {
	var in decryptInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if len(in.CiphertextBlob) == 0 {
		return nil, errorf(codeValidation, "CiphertextBlob is required")
	}
	if oaepHash(in.EncryptionAlgorithm) != 0 {
		return s.decryptRSA(in)
	}
	if err := checkAlgorithm(in.EncryptionAlgorithm); err != nil {
		return nil, err
	}
	k, plain, err := s.openBlob(in.CiphertextBlob, in.KeyID, in.EncryptionContext)
	if err != nil {
		return nil, err
	}
	return decryptOutput{EncryptionAlgorithm: specSymmetric, KeyID: k.arn, KeyMaterialID: blobMaterialID(k, in.CiphertextBlob), Plaintext: plain}, nil
}

// blobKey returns the usable key a blob names, checking it against the
// optional KeyId of the request. The caller holds s.mu.
func (s *regional) blobKey(id, keyID string) (*key, error) {
	k, ok := s.keys[id]
	if keyID != "" {
		named, err := s.lookup(keyID)
		if err != nil {
			return nil, err
		}
		if named != k {
			return nil, errorf(codeIncorrectKey, "The key ID in the request does not identify a CMK that can perform this operation.")
		}
	}
	if !ok || k.usage != usageEncrypt {
		return nil, errorf(codeInvalidCiphertext, "")
	}
	if err := k.usable(); err != nil {
		return nil, err
	}
	return k, nil
}

// openBlob decrypts a symmetric ciphertext under the key it names (which
// keyID, when given, must also name).
func (s *regional) openBlob(blob []byte, keyID string, ctx map[string]string) (*key, []byte, error) {
	id, err := blobKeyID(blob)
	if err != nil {
		return nil, nil, err
	}
	s.mu.RLock()
	src, err := s.blobKey(id, keyID)
	s.mu.RUnlock()
	if err != nil {
		return nil, nil, err
	}
	plain, err := open(src, blob, ctx)
	return src, plain, err
}
