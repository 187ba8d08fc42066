package kmslocal

// The checks every cryptographic operation makes before touching key
// material, in AWS's order: the key exists (by key id, key ARN, alias name
// or alias ARN), its state lets it be used, and its KeyUsage is the
// operation's.

// usableKey finds the key keyID names and refuses one whose state does not
// let it serve a cryptographic operation. It takes s.mu for reading.
func (s *regional) usableKey(keyID string) (*key, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.usableKeyLocked(keyID)
}

// usableKeyLocked is usableKey for a caller that holds s.mu.
func (s *regional) usableKeyLocked(keyID string) (*key, error) {
	k, err := s.lookup(keyID)
	if err != nil {
		return nil, err
	}
	if err := k.usable(); err != nil {
		return nil, err
	}
	return k, nil
}

// requireUsage refuses op on a key whose KeyUsage is not usage, with
// InvalidKeyUsageException as AWS answers.
func (k *key) requireUsage(usage, op string) error {
	if k.usage != usage {
		return errorf(codeInvalidKeyUsage, "%s key usage is %s which is not valid for %s.", k.arn, k.usage, op)
	}
	return nil
}

// requireExternal refuses the import actions on a key whose key material
// KMS made (Origin is not EXTERNAL).
func (k *key) requireExternal() error {
	if k.origin != originExternal {
		return errorf(codeUnsupported, "%s origin is %s which is not valid for this operation.", k.arn, k.origin)
	}
	return nil
}
