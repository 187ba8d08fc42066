package kmslocal

import (
	"fmt"
	"io"
)

type createKeyInput struct {
	Description           string `json:"Description"`
	KeySpec               string `json:"KeySpec"`
	CustomerMasterKeySpec string `json:"CustomerMasterKeySpec"`
	KeyUsage              string `json:"KeyUsage"`
	Origin                string `json:"Origin"`
	MultiRegion           bool   `json:"MultiRegion"`
	Tags                  []tag  `json:"Tags"`
}

type keyMetadataOutput struct {
	KeyMetadata keyMetadata `json:"KeyMetadata"`
}

// materialSize gives the secret length for each supported key spec.
func materialSize(spec string) (int, bool) {
	switch spec {
	case specSymmetric:
		return 32, true
	case "HMAC_256":
		return 32, true
	case "HMAC_384":
		return 48, true
	case "HMAC_512":
		return 64, true
	}
	return 0, false
}

func (s *Service) createKey(body []byte) (any, error) {
	var in createKeyInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	spec := in.KeySpec
	if spec == "" {
		spec = in.CustomerMasterKeySpec
	}
	if spec == "" {
		spec = specSymmetric
	}
	size, ok := materialSize(spec)
	if !ok {
		return nil, errorf(codeUnsupported, "KeySpec %s is not supported by the local KMS", spec)
	}
	usage := in.KeyUsage
	if usage == "" && spec == specSymmetric {
		usage = usageEncrypt
	}
	wantUsage := usageMac
	if spec == specSymmetric {
		wantUsage = usageEncrypt
	}
	if usage != wantUsage {
		return nil, errorf(codeValidation, "KeyUsage %q is not compatible with KeySpec %s", usage, spec)
	}
	if in.Origin != "" && in.Origin != "AWS_KMS" {
		return nil, errorf(codeUnsupported, "Origin %s is not supported by the local KMS", in.Origin)
	}
	if in.MultiRegion {
		return nil, errorf(codeUnsupported, "multi-Region keys are not supported by the local KMS")
	}
	if len(in.Description) > 8192 {
		return nil, errorf(codeValidation, "Description is longer than 8192 characters")
	}
	for _, t := range in.Tags {
		if t.TagKey == "" || len(t.TagKey) > 128 || len(t.TagValue) > 256 {
			return nil, errorf("TagException", "invalid tag %q", t.TagKey)
		}
	}
	id, err := newUUID(s.random)
	if err != nil {
		return nil, fmt.Errorf("create key: %w", err)
	}
	material := make([]byte, size)
	if _, err := io.ReadFull(s.random, material); err != nil {
		return nil, fmt.Errorf("create key: read random: %w", err)
	}
	k := &key{
		id:          id,
		arn:         s.keyARN(id),
		spec:        spec,
		usage:       usage,
		description: in.Description,
		created:     s.clock.Now(),
		state:       stateEnabled,
		tags:        append([]tag(nil), in.Tags...),
		material:    material,
	}
	s.mu.Lock()
	s.keys[id] = k
	s.mu.Unlock()
	return keyMetadataOutput{KeyMetadata: k.metadata(s.account)}, nil
}

type keyIDInput struct {
	KeyID string `json:"KeyId"`
}

func (s *Service) describeKey(body []byte) (any, error) {
	var in keyIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, err := s.lookup(in.KeyID)
	if err != nil {
		return nil, err
	}
	return keyMetadataOutput{KeyMetadata: k.metadata(s.account)}, nil
}

type listResourceTagsOutput struct {
	Tags      []tag `json:"Tags"`
	Truncated bool  `json:"Truncated"`
}

func (s *Service) listResourceTags(body []byte) (any, error) {
	var in keyIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, err := s.lookup(in.KeyID)
	if err != nil {
		return nil, err
	}
	return listResourceTagsOutput{Tags: append([]tag{}, k.tags...)}, nil
}
