package kmslocal

type getPublicKeyOutput struct {
	KeyID                 string   `json:"KeyId"`
	PublicKey             []byte   `json:"PublicKey"`
	CustomerMasterKeySpec string   `json:"CustomerMasterKeySpec"`
	KeySpec               string   `json:"KeySpec"`
	KeyUsage              string   `json:"KeyUsage"`
	EncryptionAlgorithms  []string `json:"EncryptionAlgorithms,omitempty"`
	SigningAlgorithms     []string `json:"SigningAlgorithms,omitempty"`
	// KeyAgreementAlgorithms is ECDH for a key agreement key.
	KeyAgreementAlgorithms []string `json:"KeyAgreementAlgorithms,omitempty"`
}

// getPublicKey returns an asymmetric key's public key, DER-encoded, with
// what it may be used for, so that a caller can verify or encrypt outside
// KMS.
func (s *regional) getPublicKey(body []byte) (any, error) {
	var in keyIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	k, err := s.usableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if k.private == nil {
		return nil, errorf(codeUnsupported, "%s key spec is %s, which has no public key.", k.arn, k.spec)
	}
	der, err := k.publicKeyDER()
	if err != nil {
		return nil, err
	}
	out := getPublicKeyOutput{KeyID: k.arn, PublicKey: der, CustomerMasterKeySpec: k.spec, KeySpec: k.spec, KeyUsage: k.usage}
	out.EncryptionAlgorithms, out.SigningAlgorithms = k.algorithms()
	out.KeyAgreementAlgorithms = k.keyAgreementAlgorithms()
	return out, nil
}
