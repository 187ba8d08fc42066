package kmslocal

import (
	"fmt"
	"io"
)

type generateDataKeyInput struct {
	KeyID             string            `json:"KeyId"`
	KeySpec           string            `json:"KeySpec"`
	NumberOfBytes     *int              `json:"NumberOfBytes"`
	EncryptionContext map[string]string `json:"EncryptionContext"`
}

type generateDataKeyOutput struct {
	CiphertextBlob []byte `json:"CiphertextBlob"`
	KeyID          string `json:"KeyId"`
	Plaintext      []byte `json:"Plaintext,omitempty"`
}

// dataKeySize reads the length from exactly one of KeySpec and NumberOfBytes.
func (in generateDataKeyInput) dataKeySize() (int, error) {
	switch {
	case in.KeySpec != "" && in.NumberOfBytes != nil:
		return 0, errorf(codeValidation, "specify either KeySpec or NumberOfBytes, not both")
	case in.KeySpec == "AES_256":
		return 32, nil
	case in.KeySpec == "AES_128":
		return 16, nil
	case in.KeySpec != "":
		return 0, errorf(codeValidation, "KeySpec must be AES_256 or AES_128")
	case in.NumberOfBytes == nil:
		return 0, errorf(codeValidation, "specify either KeySpec or NumberOfBytes")
	case *in.NumberOfBytes < 1 || *in.NumberOfBytes > 1024:
		return 0, errorf(codeValidation, "NumberOfBytes must be between 1 and 1024")
	}
	return *in.NumberOfBytes, nil
}

// newDataKey makes a random data key and its copy sealed under the KMS key.
func (s *regional) newDataKey(body []byte, op string) (generateDataKeyOutput, error) {
	var in generateDataKeyInput
	if err := decode(body, &in); err != nil {
		return generateDataKeyOutput{}, err
	}
	size, err := in.dataKeySize()
	if err != nil {
		return generateDataKeyOutput{}, err
	}
	s.mu.RLock()
	k, err := s.encryptionKey(in.KeyID, op)
	s.mu.RUnlock()
	if err != nil {
		return generateDataKeyOutput{}, err
	}
	plain := make([]byte, size)
	if _, err := io.ReadFull(s.random, plain); err != nil {
		return generateDataKeyOutput{}, fmt.Errorf("generate data key: read random: %w", err)
	}
	blob, err := seal(k, plain, in.EncryptionContext, s.random)
	if err != nil {
		return generateDataKeyOutput{}, fmt.Errorf("generate data key: %w", err)
	}
	return generateDataKeyOutput{CiphertextBlob: blob, KeyID: k.arn, Plaintext: plain}, nil
}

func (s *regional) generateDataKey(body []byte) (any, error) {
	return s.newDataKey(body, "GenerateDataKey")
}

func (s *regional) generateDataKeyWithoutPlaintext(body []byte) (any, error) {
	out, err := s.newDataKey(body, "GenerateDataKeyWithoutPlaintext")
	out.Plaintext = nil
	return out, err
}

type generateRandomInput struct {
	NumberOfBytes *int `json:"NumberOfBytes"`
}

type generateRandomOutput struct {
	Plaintext []byte `json:"Plaintext"`
}

// generateRandom returns 1 to 1024 random bytes, independent of any key.
func (s *regional) generateRandom(body []byte) (any, error) {
	var in generateRandomInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if in.NumberOfBytes == nil || *in.NumberOfBytes < 1 || *in.NumberOfBytes > 1024 {
		return nil, errorf(codeValidation, "NumberOfBytes must be between 1 and 1024")
	}
	out := make([]byte, *in.NumberOfBytes)
	if _, err := io.ReadFull(s.random, out); err != nil {
		return nil, fmt.Errorf("generate random: %w", err)
	}
	return generateRandomOutput{Plaintext: out}, nil
}
