package kmslocal

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// grantOperations are the GrantOperation values in the service model's
// order, as AWS lists them when it refuses another.
var grantOperations = []string{"Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom",
	"ReEncryptTo", "Sign", "Verify", "GetPublicKey", "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair",
	"GenerateDataKeyPairWithoutPlaintext", "GenerateMac", "VerifyMac", "DeriveSharedSecret"}

// grant is one grant on a key: permission for a grantee principal to use
// the key for some operations. The local KMS records grants but, as with
// key policies, never enforces them.
type grant struct {
	id, token, name   string
	grantee, retiring string
	operations        []string
	constraints       *grantConstraints
	created           time.Time
}

// grantConstraints are a grant's encryption context constraints.
type grantConstraints struct {
	EncryptionContextSubset map[string]string `json:"EncryptionContextSubset,omitempty"`
	EncryptionContextEquals map[string]string `json:"EncryptionContextEquals,omitempty"`
}

type createGrantInput struct {
	KeyID             string            `json:"KeyId"`
	GranteePrincipal  string            `json:"GranteePrincipal"`
	RetiringPrincipal string            `json:"RetiringPrincipal"`
	Operations        []string          `json:"Operations"`
	Constraints       *grantConstraints `json:"Constraints"`
	Name              string            `json:"Name"`
	DryRun            bool              `json:"DryRun"`
}

type createGrantOutput struct {
	GrantID    string `json:"GrantId"`
	GrantToken string `json:"GrantToken"`
}

// createGrant records a grant. With a Name it is idempotent, as AWS
// documents: the same name and parameters answer the existing grant's id.
func (s *regional) createGrant(body []byte) (any, error) {
	var in createGrantInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	switch {
	case in.GranteePrincipal == "":
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'granteePrincipal' failed to satisfy constraint: Member must not be null")
	case len(in.Operations) == 0:
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'operations' failed to satisfy constraint: Member must not be null")
	}
	for _, op := range in.Operations {
		if !slices.Contains(grantOperations, op) {
			return nil, errorf(codeValidation, "1 validation error detected: Value '[%s]' at 'operations' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [%s]]",
				strings.Join(in.Operations, ", "), strings.Join(grantOperations, ", "))
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.lookup(in.KeyID)
	if err != nil {
		return nil, err
	}
	if k.state == statePendingDeletion {
		return nil, errPendingDeletion(k)
	}
	if in.DryRun {
		return nil, errDryRun()
	}
	if in.Name != "" {
		for _, g := range k.grants {
			if g.name == in.Name && g.grantee == in.GranteePrincipal && g.retiring == in.RetiringPrincipal &&
				slices.Equal(g.operations, in.Operations) {
				return createGrantOutput{GrantID: g.id, GrantToken: g.token}, nil
			}
		}
	}
	g := &grant{name: in.Name, grantee: in.GranteePrincipal, retiring: in.RetiringPrincipal,
		operations: slices.Clone(in.Operations), constraints: in.Constraints, created: s.clock.Now()}
	if g.id, g.token, err = newGrantID(s.random); err != nil {
		return nil, fmt.Errorf("create grant: %w", err)
	}
	k.grants = append(k.grants, g)
	return createGrantOutput{GrantID: g.id, GrantToken: g.token}, nil
}

// newGrantID returns a grant id (64 hex digits, as AWS's) and an opaque
// token that names it.
func newGrantID(r io.Reader) (string, string, error) {
	b := make([]byte, 32)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", "", fmt.Errorf("read random: %w", err)
	}
	id := hex.EncodeToString(b)
	return id, base64.RawURLEncoding.EncodeToString([]byte("kmslocal-grant:" + id)), nil
}

// grantOfToken returns the grant id a token names.
func grantOfToken(token string) (string, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return "", false
	}
	return strings.CutPrefix(string(raw), "kmslocal-grant:")
}

type grantListEntry struct {
	KeyID             string            `json:"KeyId"`
	GrantID           string            `json:"GrantId"`
	Name              string            `json:"Name,omitempty"`
	CreationDate      float64           `json:"CreationDate"`
	GranteePrincipal  string            `json:"GranteePrincipal"`
	RetiringPrincipal string            `json:"RetiringPrincipal,omitempty"`
	IssuingAccount    string            `json:"IssuingAccount"`
	Operations        []string          `json:"Operations"`
	Constraints       *grantConstraints `json:"Constraints,omitempty"`
}

func (s *regional) grantEntry(k *key, g *grant) grantListEntry {
	e := grantListEntry{KeyID: k.arn, GrantID: g.id, Name: g.name, CreationDate: epochSeconds(g.created),
		GranteePrincipal: g.grantee, RetiringPrincipal: g.retiring, Operations: g.operations,
		IssuingAccount: fmt.Sprintf("arn:%s:iam::%s:root", s.partition, s.account)}
	if g.constraints != nil {
		c := grantConstraints{EncryptionContextSubset: maps.Clone(g.constraints.EncryptionContextSubset),
			EncryptionContextEquals: maps.Clone(g.constraints.EncryptionContextEquals)}
		e.Constraints = &c
	}
	return e
}

type listGrantsInput struct {
	listInput
	GrantID           string `json:"GrantId"`
	GranteePrincipal  string `json:"GranteePrincipal"`
	RetiringPrincipal string `json:"RetiringPrincipal"`
}

type listGrantsOutput struct {
	Grants     []grantListEntry `json:"Grants"`
	NextMarker string           `json:"NextMarker,omitempty"`
	Truncated  bool             `json:"Truncated"`
}

// listGrants lists a key's grants, optionally one grant or one grantee's.
func (s *regional) listGrants(body []byte) (any, error) {
	var in listGrantsInput
	limit, err := decodeList(body, &in)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, err := s.lookup(in.KeyID)
	if err != nil {
		return nil, err
	}
	var all []grantListEntry
	for _, g := range k.grants {
		if (in.GrantID == "" || g.id == in.GrantID) && (in.GranteePrincipal == "" || g.grantee == in.GranteePrincipal) {
			all = append(all, s.grantEntry(k, g))
		}
	}
	return pageGrants(all, in.Marker, limit), nil
}

// listRetirableGrants lists the grants, on every key of the region, that a
// principal may retire.
func (s *regional) listRetirableGrants(body []byte) (any, error) {
	var in listGrantsInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if in.RetiringPrincipal == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'retiringPrincipal' failed to satisfy constraint: Member must not be null")
	}
	limit, err := in.pageLimit()
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var all []grantListEntry
	for _, id := range slices.Sorted(maps.Keys(s.keys)) {
		k := s.keys[id]
		for _, g := range k.grants {
			if g.retiring == in.RetiringPrincipal {
				all = append(all, s.grantEntry(k, g))
			}
		}
	}
	return pageGrants(all, in.Marker, limit), nil
}

// pageGrants cuts a listing after the grant id marker; a marker that names
// no grant starts from the first.
func pageGrants(all []grantListEntry, marker string, limit int) listGrantsOutput {
	got, next, _ := pageAfter(all, marker, limit, func(e grantListEntry) string { return e.GrantID })
	return listGrantsOutput{Grants: got, NextMarker: next, Truncated: next != ""}
}

type grantIDInput struct {
	KeyID      string `json:"KeyId"`
	GrantID    string `json:"GrantId"`
	GrantToken string `json:"GrantToken"`
	DryRun     bool   `json:"DryRun"`
}

// revokeGrant deletes a grant of a key.
func (s *regional) revokeGrant(body []byte) (any, error) {
	var in grantIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if in.GrantID == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'grantId' failed to satisfy constraint: Member must not be null")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.lookup(in.KeyID)
	if err != nil {
		return nil, err
	}
	return k.dropGrant(in.GrantID, in.DryRun)
}

// retireGrant deletes a grant named by its token, or by key and grant id.
func (s *regional) retireGrant(body []byte) (any, error) {
	var in grantIDInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	id := in.GrantID
	if in.GrantToken != "" {
		var ok bool
		if id, ok = grantOfToken(in.GrantToken); !ok {
			return nil, errorf(codeInvalidGrantToken, "Invalid grant token")
		}
	} else if in.KeyID == "" || in.GrantID == "" {
		return nil, errorf(codeValidation, "Either GrantToken, or both KeyId and GrantId, must be specified")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.KeyID != "" {
		k, err := s.lookup(in.KeyID)
		if err != nil {
			return nil, err
		}
		return k.dropGrant(id, in.DryRun)
	}
	for _, k := range s.keys {
		if out, err := k.dropGrant(id, in.DryRun); err == nil || errorCode(err) == codeDryRun {
			return out, err
		}
	}
	return nil, errorf(codeNotFound, "Grant ID %s not found", id)
}

// dropGrant removes the grant with the given id; with dryRun it only
// checks that it could (DryRunOperationException where it could). The
// caller holds s.mu.
func (k *key) dropGrant(id string, dryRun bool) (any, error) {
	if !slices.ContainsFunc(k.grants, func(g *grant) bool { return g.id == id }) {
		if _, err := hex.DecodeString(id); err != nil || len(id) != 64 {
			return nil, errorf(codeInvalidGrantID, "Invalid grant ID %s", id)
		}
		return nil, errorf(codeNotFound, "Grant ID %s not found", id)
	}
	if dryRun {
		return nil, errDryRun()
	}
	k.grants = slices.DeleteFunc(k.grants, func(g *grant) bool { return g.id == id })
	return emptyOutput{}, nil
}

// errorCode is the AWS code of an error this package made, or "".
func errorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
