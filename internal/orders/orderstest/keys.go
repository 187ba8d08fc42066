package orderstest

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Keys is a fake of the card key and the MAC key. It seals cards with
// AES-GCM, authenticating the orderId, and digests with HMAC-SHA-256. It is
// safe for concurrent use.
type Keys struct {
	aead   cipher.AEAD
	macKey []byte
	nonces io.Reader

	mu  sync.Mutex
	err error
}

// NewKeys returns a fake whose key material is derived from seed, so two
// fakes with the same seed agree. Nonces are random, so sealing the same
// card twice gives two ciphertexts, as KMS does.
func NewKeys(seed string) *Keys {
	return newKeys(seed, rand.Reader)
}

// NewDeterministicKeys is NewKeys with all-zero nonces: sealing the same
// card for the same order twice gives the same ciphertext, for tests that
// must not rely on ciphertexts differing.
func NewDeterministicKeys(seed string) *Keys {
	return newKeys(seed, zeros{})
}

func newKeys(seed string, nonces io.Reader) *Keys {
	encKey := sha256.Sum256([]byte("enc:" + seed))
	block, err := aes.NewCipher(encKey[:])
	if err != nil {
		panic(err) // a 32-byte key cannot fail
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	macKey := sha256.Sum256([]byte("mac:" + seed))
	return &Keys{aead: aead, macKey: macKey[:], nonces: nonces}
}

// SealCard encrypts the card's JSON, authenticating orderID.
func (k *Keys) SealCard(_ context.Context, orderID string, card orders.CardSecret) ([]byte, error) {
	if err := k.failure(); err != nil {
		return nil, err
	}
	plain, err := json.Marshal(card)
	if err != nil {
		return nil, fmt.Errorf("fake keys: %w", err)
	}
	defer clear(plain)
	nonce := make([]byte, k.aead.NonceSize())
	if _, err := io.ReadFull(k.nonces, nonce); err != nil {
		return nil, fmt.Errorf("fake keys: %w", err)
	}
	return k.aead.Seal(nonce, nonce, plain, []byte(orderID)), nil
}

// OpenCard reverses SealCard for the same orderID, or fails with
// ErrCardUnreadable.
func (k *Keys) OpenCard(_ context.Context, orderID string, sealed []byte) (orders.CardSecret, error) {
	n := k.aead.NonceSize()
	if len(sealed) < n {
		return orders.CardSecret{}, fmt.Errorf("fake keys: ciphertext too short: %w", orders.ErrCardUnreadable)
	}
	plain, err := k.aead.Open(nil, sealed[:n], sealed[n:], []byte(orderID))
	if err != nil {
		return orders.CardSecret{}, fmt.Errorf("fake keys: ciphertext or order mismatch: %w", orders.ErrCardUnreadable)
	}
	defer clear(plain)
	var card orders.CardSecret
	if err := json.Unmarshal(plain, &card); err != nil {
		return orders.CardSecret{}, fmt.Errorf("fake keys: %w", orders.ErrCardUnreadable)
	}
	return card, nil
}

// DigestOrder returns HMAC-SHA-256 of msg.
func (k *Keys) DigestOrder(_ context.Context, msg []byte) ([]byte, error) {
	if err := k.failure(); err != nil {
		return nil, err
	}
	m := hmac.New(sha256.New, k.macKey)
	m.Write(msg)
	return m.Sum(nil), nil
}

// FailWith makes every later SealCard and DigestOrder fail with err; nil
// restores service.
func (k *Keys) FailWith(err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.err = err
}

func (k *Keys) failure() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.err
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
