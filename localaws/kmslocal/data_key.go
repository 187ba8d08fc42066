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
	}
	if err := checkNumberOfBytes(*in.NumberOfBytes); err != nil {
		return 0, err
	}
	return *in.NumberOfBytes, nil
}

// checkNumberOfBytes applies the service model's range for NumberOfBytes
// (1 to 1024) in AWS's wording, as LocalStack's AWS-validated snapshot of
// TestKMS::test_generate_random_invalid_number_of_bytes records it
// (tests/aws/services/kms/test_kms.snapshot.json).
func checkNumberOfBytes(n int) error {
	switch {
	case n < 1:
		return errorf(codeValidation, "1 validation error detected: Value '%d' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1", n)
	case n > 1024:
		return errorf(codeValidation, "1 validation error detected: Value '%d' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024", n)
	}
	return nil
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
	if in.NumberOfBytes == nil {
		// AWS's wording for a GenerateRandom without NumberOfBytes (the
		// same LocalStack snapshot).
		return nil, errorf(codeValidation, "NumberOfBytes is required.")
	}
	if err := checkNumberOfBytes(*in.NumberOfBytes); err != nil {
		return nil, err
	}
	out := make([]byte, *in.NumberOfBytes)
	if _, err := io.ReadFull(s.random, out); err != nil {
		return nil, fmt.Errorf("generate random: %w", err)
	}
	return generateRandomOutput{Plaintext: out}, nil
}
