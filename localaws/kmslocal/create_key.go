package kmslocal

import (
	"crypto"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
)

type createKeyInput struct {
	Description           string  `json:"Description"`
	KeySpec               string  `json:"KeySpec"`
	CustomerMasterKeySpec string  `json:"CustomerMasterKeySpec"`
	KeyUsage              string  `json:"KeyUsage"`
	Origin                string  `json:"Origin"`
	MultiRegion           bool    `json:"MultiRegion"`
	Policy                *string `json:"Policy"`
	Tags                  []tag   `json:"Tags"`
	// BypassPolicyLockoutSafetyCheck skips checkLockout, as on AWS.
	BypassPolicyLockoutSafetyCheck bool `json:"BypassPolicyLockoutSafetyCheck"`
}

type keyMetadataOutput struct {
	KeyMetadata keyMetadata `json:"KeyMetadata"`
}

// keySpecs are the values KeySpec takes, in the order AWS lists them when it
// refuses another (the first twelve as recorded from AWS, then the specs
// added since, from the service model).
var keySpecs = []string{"RSA_2048", "ECC_NIST_P384", "ECC_NIST_P256", "ECC_NIST_P521", "HMAC_384", "RSA_3072",
	"ECC_SECG_P256K1", "RSA_4096", "SYMMETRIC_DEFAULT", "HMAC_256", "HMAC_224", "HMAC_512",
	"SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519"}

// keyUsages are the values KeyUsage takes, in AWS's order.
var keyUsages = []string{"ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"}

// materialSize gives the secret length for each key spec this KMS can
// hold: symmetric encryption keys and HMAC keys.
func materialSize(spec string) (int, bool) {
	switch spec {
	case specSymmetric:
		return 32, true
	case "HMAC_224":
		return 28, true
	case "HMAC_256":
		return 32, true
	case "HMAC_384":
		return 48, true
	case "HMAC_512":
		return 64, true
	}
	return 0, false
}

// enumError is AWS's answer to a value outside an enum.
func enumError(value, member string, allowed []string) *Error {
	return errorf(codeValidation, "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [%s]",
		value, member, strings.Join(allowed, ", "))
}

// specAndUsage validates CreateKey's KeySpec and KeyUsage as AWS does: enum
// values first, then the pairing. It returns the secret size of symmetric
// and HMAC keys, or the description of an asymmetric spec.
func (in createKeyInput) specAndUsage() (string, string, int, *asymmetricSpec, error) {
	spec := in.KeySpec
	if spec == "" {
		spec = in.CustomerMasterKeySpec
	}
	if spec == "" {
		spec = specSymmetric
	}
	if !slices.Contains(keySpecs, spec) {
		return "", "", 0, nil, enumError(spec, "keySpec", keySpecs)
	}
	usage := in.KeyUsage
	if usage != "" && !slices.Contains(keyUsages, usage) {
		return "", "", 0, nil, enumError(usage, "keyUsage", keyUsages[:3])
	}
	if usage == "" {
		if spec != specSymmetric {
			return "", "", 0, nil, errorf(codeValidation, "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.")
		}
		usage = usageEncrypt
	}
	if asym, ok := asymmetricSpecFor(spec); ok {
		if !slices.Contains(asym.usages, usage) {
			return "", "", 0, nil, errorf(codeValidation, "KeyUsage %s is not compatible with KeySpec %s", usage, spec)
		}
		return spec, usage, 0, &asym, nil
	}
	size, ok := materialSize(spec)
	if !ok {
		return "", "", 0, nil, errorf(codeUnsupported, "KeySpec %s is not supported by the local KMS, which keeps symmetric, HMAC, RSA, NIST-curve, secp256k1 and Ed25519 keys only", spec)
	}
	want := usageMac
	if spec == specSymmetric {
		want = usageEncrypt
	}
	if usage != want {
		return "", "", 0, nil, errorf(codeValidation, "KeyUsage %s is not compatible with KeySpec %s", usage, spec)
	}
	return spec, usage, size, nil, nil
}

func (s *regional) createKey(body []byte) (any, error) {
	var in createKeyInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	spec, usage, size, asym, err := in.specAndUsage()
	if err != nil {
		return nil, err
	}
	origin := in.Origin
	switch origin {
	case "":
		origin = originKMS
	case originKMS:
	case originExternal:
		if asym != nil || in.MultiRegion {
			return nil, errorf(codeUnsupported, "The local KMS imports material into symmetric and HMAC single-Region keys only")
		}
	default:
		return nil, errorf(codeUnsupported, "Origin %s is not supported by the local KMS", in.Origin)
	}
	if len(in.Description) > 8192 {
		return nil, errorf(codeValidation, "Description is longer than 8192 characters")
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if err := checkPolicy(in.Policy); err != nil {
		return nil, err
	}
	if err := checkLockout(in.Policy, in.BypassPolicyLockoutSafetyCheck); err != nil {
		return nil, err
	}
	var id string
	if in.MultiRegion {
		id, err = newMultiRegionKeyID(s.random)
	} else {
		id, err = newUUID(s.random)
	}
	if err != nil {
		return nil, fmt.Errorf("create key: %w", err)
	}
	var materials []material
	var private crypto.Signer
	if asym != nil {
		if private, err = asym.generate(s.random); err != nil {
			return nil, fmt.Errorf("create key: %w", err)
		}
	} else if origin == originKMS {
		first, err := s.newMaterial(size)
		if err != nil {
			return nil, fmt.Errorf("create key: %w", err)
		}
		materials = []material{first}
	}
	k := &key{
		id:          id,
		arn:         s.keyARN(id),
		spec:        spec,
		usage:       usage,
		description: in.Description,
		created:     s.clock.Now(),
		state:       stateEnabled,
		tags:        mergeTags(nil, in.Tags),
		policy:      s.defaultPolicy(),
		materials:   materials,
		private:     private,
		origin:      origin,
	}
	if in.Policy != nil {
		k.policy = *in.Policy
	}
	if origin == originExternal {
		k.state = statePendingImport
	}
	if in.MultiRegion {
		k.mr = &multiRegionSet{id: id, partition: s.partition, account: s.account, primary: s.region}
	}
	s.mu.Lock()
	s.keys[id] = k
	s.mu.Unlock()
	return keyMetadataOutput{KeyMetadata: k.metadata(s.account)}, nil
}

// newMaterial makes a random secret of size bytes and its material id.
func (s *regional) newMaterial(size int) (material, error) {
	secret := make([]byte, size)
	if _, err := io.ReadFull(s.random, secret); err != nil {
		return material{}, fmt.Errorf("read random: %w", err)
	}
	id := make([]byte, 32)
	if _, err := io.ReadFull(s.random, id); err != nil {
		return material{}, fmt.Errorf("read random: %w", err)
	}
	return material{id: hex.EncodeToString(id), secret: secret}, nil
}

type keyIDInput struct {
	KeyID string `json:"KeyId"`
}

func (s *regional) describeKey(body []byte) (any, error) {
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
