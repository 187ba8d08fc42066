package kmslocal

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"fmt"
	"io"
	"sort"
)

// Ciphertext blobs are self-describing, so that Decrypt can find the key
// without a KeyId:
//
//	version (1 byte) | key id (36 bytes) | material (2 bytes) | nonce (12 bytes) | AES-GCM sealed data and tag
//
// material is the index of the key material generation that sealed it, so
// that ciphertexts from before a rotation still decrypt. The additional
// authenticated data is the header (version, key id and material) followed
// by the canonical encryption context, so changing any header byte, any
// ciphertext byte or any context entry fails authentication.
const (
	blobVersion  = 2
	keyIDLen     = 36
	nonceLen     = 12
	headerLen    = 1 + keyIDLen + 2
	minBlobLen   = headerLen + nonceLen + 16
	maxPlaintext = 4096
	maxBlob      = 6144
)

// canonicalContext encodes an encryption context independent of map order:
// entries sorted by key, each key and value prefixed with its length so that
// no two different contexts share an encoding.
func canonicalContext(ctx map[string]string) []byte {
	keys := make([]string, 0, len(ctx))
	for k := range ctx {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []byte
	for _, k := range keys {
		out = binary.AppendUvarint(out, uint64(len(k)))
		out = append(out, k...)
		out = binary.AppendUvarint(out, uint64(len(ctx[k])))
		out = append(out, ctx[k]...)
	}
	return out
}

func gcmFor(secret []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(secret)
	if err != nil {
		return nil, fmt.Errorf("aes key: %w", err)
	}
	return cipher.NewGCM(block)
}

// seal encrypts plaintext under k's current material, binding ctx.
func seal(k *key, plaintext []byte, ctx map[string]string, random io.Reader) ([]byte, error) {
	gen, cur := k.current()
	aead, err := gcmFor(cur.secret)
	if err != nil {
		return nil, err
	}
	blob := make([]byte, headerLen+nonceLen, headerLen+nonceLen+len(plaintext)+aead.Overhead())
	blob[0] = blobVersion
	copy(blob[1:1+keyIDLen], k.id)
	binary.BigEndian.PutUint16(blob[1+keyIDLen:headerLen], uint16(gen))
	nonce := blob[headerLen : headerLen+nonceLen]
	if _, err := io.ReadFull(random, nonce); err != nil {
		return nil, fmt.Errorf("read nonce: %w", err)
	}
	aad := append(append([]byte{}, blob[:headerLen]...), canonicalContext(ctx)...)
	return aead.Seal(blob, nonce, plaintext, aad), nil
}

// blobKeyID returns the key id a blob claims to be sealed under.
func blobKeyID(blob []byte) (string, error) {
	if len(blob) < minBlobLen || len(blob) > maxBlob || blob[0] != blobVersion {
		return "", errorf(codeInvalidCiphertext, "")
	}
	return string(blob[1 : 1+keyIDLen]), nil
}

// open authenticates and decrypts a blob sealed under one of k's materials
// with ctx.
func open(k *key, blob []byte, ctx map[string]string) ([]byte, error) {
	gen := int(binary.BigEndian.Uint16(blob[1+keyIDLen : headerLen]))
	if gen >= len(k.materials) {
		return nil, errorf(codeInvalidCiphertext, "")
	}
	aead, err := gcmFor(k.materials[gen].secret)
	if err != nil {
		return nil, err
	}
	nonce := blob[headerLen : headerLen+nonceLen]
	aad := append(append([]byte{}, blob[:headerLen]...), canonicalContext(ctx)...)
	plain, err := aead.Open(nil, nonce, blob[headerLen+nonceLen:], aad)
	if err != nil {
		return nil, errorf(codeInvalidCiphertext, "")
	}
	return plain, nil
}

// blobMaterialID is the id of the key material of k that sealed a blob
// (open has checked it, or seal has just made it).
func blobMaterialID(k *key, blob []byte) string {
	gen := int(binary.BigEndian.Uint16(blob[1+keyIDLen : headerLen]))
	if gen >= len(k.materials) {
		return ""
	}
	return k.materials[gen].id
}
