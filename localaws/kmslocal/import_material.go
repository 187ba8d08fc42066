package kmslocal

import (
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"fmt"
	"hash"
	"slices"
	"time"
)

// Origins and the state of a key waiting for imported material, as KMS
// spells them.
const (
	originKMS          = "AWS_KMS"
	originExternal     = "EXTERNAL"
	statePendingImport = "PendingImport"
)

// importTokenLifetime is how long GetParametersForImport's public key and
// token stay valid, as on AWS.
const importTokenLifetime = 24 * time.Hour

// wrappingAlgorithms are the WrappingAlgorithm values in the service
// model's order; wrappingKeySpecs likewise for WrappingKeySpec.
var (
	wrappingAlgorithms = []string{"RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_1",
		"RSA_AES_KEY_WRAP_SHA_256", "SM2PKE"}
	wrappingKeySpecs = []string{"RSA_2048", "RSA_3072", "RSA_4096", "SM2"}
)

// importParameters is one GetParametersForImport answer still valid: the
// wrapping key pair and algorithm the material must come wrapped with.
type importParameters struct {
	token     string
	private   *rsa.PrivateKey
	algorithm string
	validTo   time.Time
}

type getParametersForImportInput struct {
	KeyID             string `json:"KeyId"`
	WrappingAlgorithm string `json:"WrappingAlgorithm"`
	WrappingKeySpec   string `json:"WrappingKeySpec"`
}

type getParametersForImportOutput struct {
	KeyID             string  `json:"KeyId"`
	ImportToken       []byte  `json:"ImportToken"`
	PublicKey         []byte  `json:"PublicKey"`
	ParametersValidTo float64 `json:"ParametersValidTo"`
}

// getParametersForImport makes a wrapping key pair for a key of origin
// EXTERNAL: the caller wraps its key material with the public key (RSAES-OAEP
// with SHA-1 or SHA-256) and imports it with the token.
func (s *regional) getParametersForImport(body []byte) (any, error) {
	var in getParametersForImportInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	switch {
	case !slices.Contains(wrappingAlgorithms, in.WrappingAlgorithm):
		return nil, enumError(in.WrappingAlgorithm, "wrappingAlgorithm", wrappingAlgorithms)
	case !slices.Contains(wrappingKeySpecs, in.WrappingKeySpec):
		return nil, enumError(in.WrappingKeySpec, "wrappingKeySpec", wrappingKeySpecs)
	case oaepImportHash(in.WrappingAlgorithm) == nil || in.WrappingKeySpec == "SM2":
		return nil, errorf(codeUnsupported, "The local KMS wraps imported key material with RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 and an RSA key only, not %s with %s",
			in.WrappingAlgorithm, in.WrappingKeySpec)
	}
	s.mu.RLock()
	k, err := s.lookupKey(in.KeyID)
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	if err := k.requireExternal(); err != nil {
		return nil, err
	}
	spec, _ := asymmetricSpecFor(in.WrappingKeySpec)
	priv, err := spec.generate(s.random)
	if err != nil {
		return nil, fmt.Errorf("get parameters for import: %w", err)
	}
	der, err := x509.MarshalPKIXPublicKey(priv.Public())
	if err != nil {
		return nil, fmt.Errorf("get parameters for import: %w", err)
	}
	_, token, err := newGrantID(s.random)
	if err != nil {
		return nil, fmt.Errorf("get parameters for import: %w", err)
	}
	p := importParameters{token: token, private: priv.(*rsa.PrivateKey), algorithm: in.WrappingAlgorithm, validTo: s.clock.Now().Add(importTokenLifetime)}
	s.mu.Lock()
	k.imports = append(k.imports, p)
	s.mu.Unlock()
	return getParametersForImportOutput{KeyID: k.arn, ImportToken: []byte(token), PublicKey: der, ParametersValidTo: epochSeconds(p.validTo)}, nil
}

func oaepImportHash(alg string) func() hash.Hash {
	switch alg {
	case "RSAES_OAEP_SHA_1":
		return sha1.New
	case "RSAES_OAEP_SHA_256":
		return sha256.New
	}
	return nil
}

type importKeyMaterialInput struct {
	KeyID                string   `json:"KeyId"`
	ImportToken          []byte   `json:"ImportToken"`
	EncryptedKeyMaterial []byte   `json:"EncryptedKeyMaterial"`
	ExpirationModel      string   `json:"ExpirationModel"`
	ValidTo              *float64 `json:"ValidTo"`
}

type importKeyMaterialOutput struct {
	KeyID         string `json:"KeyId"`
	KeyMaterialID string `json:"KeyMaterialId"`
}

// importKeyMaterial unwraps key material with the parameters its token
// names and gives it to the key, which becomes Enabled. Material imported
// again must be the same, as AWS requires.
func (s *regional) importKeyMaterial(body []byte) (any, error) {
	var in importKeyMaterialInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if in.ExpirationModel == "KEY_MATERIAL_EXPIRES" && in.ValidTo == nil {
		// AWS's wording, as LocalStack's AWS-validated snapshot of
		// TestKMS::test_import_key_symmetric records it.
		return nil, errorf(codeValidation, "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.lookupKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if err := k.requireExternal(); err != nil {
		return nil, err
	}
	i := slices.IndexFunc(k.imports, func(p importParameters) bool { return p.token == string(in.ImportToken) })
	if i < 0 {
		return nil, errorf(codeInvalidImportToken, "Import token is not valid for key %s", k.arn)
	}
	p := k.imports[i]
	if s.clock.Now().After(p.validTo) {
		return nil, errorf(codeExpiredImportToken, "Import token has expired")
	}
	secret, err := rsa.DecryptOAEP(oaepImportHash(p.algorithm)(), nil, p.private, in.EncryptedKeyMaterial, nil)
	size, _ := materialSize(k.spec)
	if err != nil || len(secret) != size {
		return nil, errorf(codeInvalidCiphertext, "")
	}
	if len(k.materials) > 0 && string(k.materials[0].secret) != string(secret) {
		return nil, errorf(codeIncorrectKeyMaterial, "The key material imported is not the key material previously imported into this KMS key.")
	}
	if len(k.materials) == 0 {
		m, err := s.newMaterial(size)
		if err != nil {
			return nil, fmt.Errorf("import key material: %w", err)
		}
		m.secret = secret
		k.materials = []material{m}
	}
	k.imports = slices.Delete(k.imports, i, i+1)
	k.state = stateEnabled
	k.expirationModel = "KEY_MATERIAL_DOES_NOT_EXPIRE"
	if in.ExpirationModel == "KEY_MATERIAL_EXPIRES" {
		k.expirationModel = in.ExpirationModel
	}
	return importKeyMaterialOutput{KeyID: k.arn, KeyMaterialID: k.materials[0].id}, nil
}

// deleteImportedKeyMaterial takes the material away: the key is unusable
// (PendingImport) until the same material is imported again.
func (s *regional) deleteImportedKeyMaterial(body []byte) (any, error) {
	var in keyIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.changeableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if err := k.requireExternal(); err != nil {
		return nil, err
	}
	// Without material the key has no expiration model: AWS's DescribeKey
	// leaves it out then (LocalStack's AWS-validated
	// TestKMS::test_import_key_hmac_keys).
	k.state, k.expirationModel = statePendingImport, ""
	return emptyOutput{}, nil
}
