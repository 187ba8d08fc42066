package kmslocal

import (
	"crypto"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
)

// Key specs, usages and states as KMS spells them.
const (
	specSymmetric = "SYMMETRIC_DEFAULT"
	usageEncrypt  = "ENCRYPT_DECRYPT"
	usageMac      = "GENERATE_VERIFY_MAC"

	stateEnabled         = "Enabled"
	stateDisabled        = "Disabled"
	statePendingDeletion = "PendingDeletion"
)

// key is one KMS key and its secret material.
type key struct {
	id          string
	arn         string
	spec        string
	usage       string
	description string
	created     time.Time
	state       string
	deletion    time.Time // set while PendingDeletion
	window      int       // pending window in days
	tags        []tag
	policy      string
	// materials are the key's AES-256 or HMAC keys, oldest first: each
	// rotation adds one, the last encrypts, and every one still decrypts
	// what it encrypted. rotations describe all but the first.
	materials []material
	rotations []rotation
	// mr ties a multi-Region key to its primary and replicas; nil for a
	// single-Region key.
	mr *multiRegionSet
	// origin is AWS_KMS or EXTERNAL (material imported by the caller);
	// imports are the EXTERNAL key's valid import parameters and
	// expirationModel how its imported material expires.
	origin          string
	imports         []importParameters
	expirationModel string
	// grants are the key's grants, oldest first.
	grants []*grant
	// private is an asymmetric key's private key (RSA or ECDSA); such a
	// key has no materials.
	private crypto.Signer
	// rotation is the automatic rotation setting.
	rotationEnabled bool
	rotationPeriod  int       // days
	rotationFrom    time.Time // when the period started counting
}

// material is one generation of a key's secret.
type material struct {
	id     string // 64 hex digits, as KMS's key material ids
	secret []byte
}

// current is the material that encrypts and signs.
func (k *key) current() (int, material) {
	n := len(k.materials) - 1
	return n, k.materials[n]
}

// tag is a KMS resource tag.
type tag struct {
	TagKey   string `json:"TagKey"`
	TagValue string `json:"TagValue"`
}

// keyMetadata is the KeyMetadata document of CreateKey and DescribeKey.
type keyMetadata struct {
	AWSAccountID                string                    `json:"AWSAccountId"`
	Arn                         string                    `json:"Arn"`
	CreationDate                float64                   `json:"CreationDate"`
	CustomerMasterKeySpec       string                    `json:"CustomerMasterKeySpec"`
	DeletionDate                *float64                  `json:"DeletionDate,omitempty"`
	Description                 string                    `json:"Description"`
	Enabled                     bool                      `json:"Enabled"`
	EncryptionAlgorithms        []string                  `json:"EncryptionAlgorithms,omitempty"`
	KeyID                       string                    `json:"KeyId"`
	KeyManager                  string                    `json:"KeyManager"`
	KeySpec                     string                    `json:"KeySpec"`
	KeyState                    string                    `json:"KeyState"`
	KeyUsage                    string                    `json:"KeyUsage"`
	MacAlgorithms               []string                  `json:"MacAlgorithms,omitempty"`
	SigningAlgorithms           []string                  `json:"SigningAlgorithms,omitempty"`
	KeyAgreementAlgorithms      []string                  `json:"KeyAgreementAlgorithms,omitempty"`
	MultiRegion                 bool                      `json:"MultiRegion"`
	MultiRegionConfiguration    *multiRegionConfiguration `json:"MultiRegionConfiguration,omitempty"`
	CurrentKeyMaterialID        string                    `json:"CurrentKeyMaterialId,omitempty"`
	Origin                      string                    `json:"Origin"`
	ExpirationModel             string                    `json:"ExpirationModel,omitempty"`
	PendingDeletionWindowInDays *int                      `json:"PendingDeletionWindowInDays,omitempty"`
}

// epochSeconds renders t the way AWS JSON protocols carry timestamps.
func epochSeconds(t time.Time) float64 {
	return float64(t.UnixMilli()) / 1000
}

func (k *key) metadata(account string) keyMetadata {
	m := keyMetadata{
		AWSAccountID:          account,
		Arn:                   k.arn,
		CreationDate:          epochSeconds(k.created),
		CustomerMasterKeySpec: k.spec,
		Description:           k.description,
		Enabled:               k.state == stateEnabled,
		KeyID:                 k.id,
		KeyManager:            "CUSTOMER",
		KeySpec:               k.spec,
		KeyState:              k.state,
		KeyUsage:              k.usage,
		Origin:                k.origin,
	}
	switch {
	case k.private != nil:
		m.EncryptionAlgorithms, m.SigningAlgorithms = k.algorithms()
		m.KeyAgreementAlgorithms = k.keyAgreementAlgorithms()
	case k.usage == usageEncrypt:
		m.EncryptionAlgorithms = []string{specSymmetric}
		if len(k.materials) > 0 {
			_, cur := k.current()
			m.CurrentKeyMaterialID = cur.id
		}
	default:
		m.MacAlgorithms = []string{macAlgorithmFor(k.spec)}
	}
	if k.origin == originExternal {
		m.ExpirationModel = k.expirationModel
	}
	if k.mr != nil {
		m.MultiRegion = true
		m.MultiRegionConfiguration = k.mr.configuration(regionOfKeyARN(k.arn))
	}
	if k.state == statePendingDeletion {
		d := epochSeconds(k.deletion)
		w := k.window
		m.DeletionDate, m.PendingDeletionWindowInDays = &d, &w
	}
	return m
}

// usable reports why k cannot serve a cryptographic operation, if it cannot.
func (k *key) usable() error {
	switch k.state {
	case stateEnabled:
		return nil
	case stateDisabled:
		return errorf(codeDisabled, "%s is disabled.", k.arn)
	case statePendingImport:
		return errorf(codeInvalidState, "%s is pending import.", k.arn)
	default:
		return errPendingDeletion(k)
	}
}

// errPendingDeletion is AWS's answer to any use or change of a key that
// is scheduled for deletion.
func errPendingDeletion(k *key) error {
	return errorf(codeInvalidState, "%s is pending deletion.", k.arn)
}

// changeableKey finds the key id names and refuses one pending deletion,
// as every action that changes a key's settings does. The caller holds
// s.mu.
func (s *regional) changeableKey(id string) (*key, error) {
	k, err := s.lookupKey(id)
	if err != nil {
		return nil, err
	}
	if k.state == statePendingDeletion {
		return nil, errPendingDeletion(k)
	}
	return k, nil
}

// newUUID returns a random version 4 UUID read from r.
func newUUID(r io.Reader) (string, error) {
	var b [16]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", fmt.Errorf("read random: %w", err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}

func (s *regional) keyARN(id string) string {
	return fmt.Sprintf("arn:%s:kms:%s:%s:key/%s", s.partition, s.region, s.account, id)
}

func (s *regional) aliasARN(name string) string {
	return fmt.Sprintf("arn:%s:kms:%s:%s:%s", s.partition, s.region, s.account, name)
}

// lookup finds the key named by a key id, key ARN, alias name or alias ARN.
// The caller holds s.mu.
func (s *regional) lookup(keyID string) (*key, error) {
	if keyID == "" {
		return nil, errorf(codeValidation, "KeyId is required")
	}
	name := keyID
	if rest, ok := strings.CutPrefix(keyID, "arn:"); ok {
		parts := strings.SplitN(rest, ":", 5)
		if len(parts) != 5 || parts[1] != "kms" {
			return nil, errorf(codeInvalidArn, "invalid ARN %q", keyID)
		}
		if parts[2] != s.region {
			return nil, errorf(codeNotFound, "Invalid arn %s", parts[2])
		}
		if parts[3] != s.account {
			return nil, errorf(codeNotFound, "Key '%s' does not exist", keyID)
		}
		name = parts[4]
		if id, ok := strings.CutPrefix(name, "key/"); ok {
			name = id
		} else if !strings.HasPrefix(name, "alias/") {
			return nil, errorf(codeInvalidArn, "invalid ARN %q", keyID)
		}
	}
	if strings.HasPrefix(name, "alias/") {
		a, ok := s.aliases[name]
		if !ok {
			return nil, errorf(codeNotFound, "Alias %s is not found.", s.aliasARN(name))
		}
		name = a.target
	}
	k, ok := s.keys[name]
	if !ok {
		if !looksLikeKeyID(name) {
			return nil, errorf(codeNotFound, "Invalid keyId '%s'", name)
		}
		return nil, errorf(codeNotFound, "Key '%s' does not exist", s.keyARN(name))
	}
	return k, nil
}

// lookupKey finds the key named by a key id or key ARN only, as KMS's key
// management actions (policies, tags, rotation, state, description) take
// no alias. The caller holds s.mu.
func (s *regional) lookupKey(keyID string) (*key, error) {
	name := keyID
	if rest, ok := strings.CutPrefix(keyID, "arn:"); ok {
		if parts := strings.SplitN(rest, ":", 5); len(parts) == 5 {
			name = parts[4]
		}
	}
	if strings.HasPrefix(name, "alias/") {
		return nil, errorf(codeNotFound, "Invalid keyId '%s'", keyID)
	}
	return s.lookup(keyID)
}

// regionOfKeyARN is the region field of a key ARN.
func regionOfKeyARN(arn string) string {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 {
		return ""
	}
	return parts[3]
}

// looksLikeKeyID reports whether s has a key id's shape: a UUID, or "mrk-"
// and 32 hex digits for a multi-Region key.
func looksLikeKeyID(s string) bool {
	if rest, ok := strings.CutPrefix(s, "mrk-"); ok {
		_, err := hex.DecodeString(rest)
		return len(rest) == 32 && err == nil
	}
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}
