package asl

import (
	"crypto/hmac"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
)

// Task tokens are self-describing: a version byte, the sequence number
// the engine registered the waiting task under, and a truncated
// HMAC-SHA256 of both under a key the engine draws at construction. The
// MAC makes tokens unguessable and lets the engine tell a token it issued
// (whose task may since have closed) from one it never issued, without
// keeping closed tasks around.

const (
	tokenVersion = 1
	tokenMACLen  = 16
	tokenRawLen  = 1 + 8 + tokenMACLen
)

type tokenCodec struct {
	key []byte
}

func newTokenCodec() tokenCodec {
	key := make([]byte, 32)
	if _, err := crand.Read(key); err != nil {
		panic("asl: no randomness for task token keys: " + err.Error())
	}
	return tokenCodec{key: key}
}

func (c tokenCodec) mac(b []byte) []byte {
	h := hmac.New(sha256.New, c.key)
	h.Write(b)
	return h.Sum(nil)[:tokenMACLen]
}

// issue returns the token for sequence number seq.
func (c tokenCodec) issue(seq uint64) string {
	var raw [tokenRawLen]byte
	raw[0] = tokenVersion
	binary.BigEndian.PutUint64(raw[1:9], seq)
	copy(raw[9:], c.mac(raw[:9]))
	return base64.StdEncoding.EncodeToString(raw[:])
}

// parse returns the sequence number of a token this engine issued.
// Garbage yields ErrInvalidToken; a well-formed token this engine did not
// issue (from another engine, or from before a restart) yields
// ErrTaskDoesNotExist.
func (c tokenCodec) parse(token string) (uint64, error) {
	if len(token) != base64.StdEncoding.EncodedLen(tokenRawLen) {
		return 0, ErrInvalidToken
	}
	raw, err := base64.StdEncoding.DecodeString(token)
	if err != nil || len(raw) != tokenRawLen || raw[0] != tokenVersion {
		return 0, ErrInvalidToken
	}
	if !hmac.Equal(raw[9:], c.mac(raw[:9])) {
		return 0, ErrTaskDoesNotExist
	}
	return binary.BigEndian.Uint64(raw[1:9]), nil
}
