package kmslocal

import "fmt"

type encryptInput struct {
	KeyID               string            `json:"KeyId"`
	Plaintext           []byte            `json:"Plaintext"`
	EncryptionContext   map[string]string `json:"EncryptionContext"`
	EncryptionAlgorithm string            `json:"EncryptionAlgorithm"`
}

type encryptOutput struct {
	CiphertextBlob      []byte `json:"CiphertextBlob"`
	EncryptionAlgorithm string `json:"EncryptionAlgorithm"`
	KeyID               string `json:"KeyId"`
}

// checkAlgorithm accepts the only algorithm symmetric keys have.
func checkAlgorithm(alg string) error {
	if alg != "" && alg != specSymmetric {
		return errorf(codeInvalidKeyUsage, "EncryptionAlgorithm %s is not supported by a symmetric key", alg)
	}
	return nil
}

// encryptionKey resolves keyID to an enabled ENCRYPT_DECRYPT key. The
// caller holds s.mu.
func (s *regional) encryptionKey(keyID, op string) (*key, error) {
	k, err := s.usableKeyLocked(keyID)
	if err != nil {
		return nil, err
	}
	if err := k.requireUsage(usageEncrypt, op); err != nil {
		return nil, err
	}
	if k.private != nil && op != "Encrypt" {
		return nil, errorf(codeInvalidKeyUsage, "%s key spec is %s which is not valid for %s.", k.arn, k.spec, op)
	}
	return k, nil
}

func (s *regional) encrypt(body []byte) (any, error) {
	var in encryptInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	// The service model's length constraint, in its wording (moto's
	// AWS-verified test_encrypt_key_with_empty_content and
	// test_encrypt_key_with_large_content record it).
	if err := checkLength("plaintext", len(in.Plaintext), maxPlaintext); err != nil {
		return nil, err
	}
	s.mu.RLock()
	k, err := s.encryptionKey(in.KeyID, "Encrypt")
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	if k.private != nil {
		return encryptRSA(k, in, s.random)
	}
	if err := checkAlgorithm(in.EncryptionAlgorithm); err != nil {
		return nil, err
	}
	blob, err := seal(k, in.Plaintext, in.EncryptionContext, s.random)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return encryptOutput{CiphertextBlob: blob, EncryptionAlgorithm: specSymmetric, KeyID: k.arn}, nil
}
