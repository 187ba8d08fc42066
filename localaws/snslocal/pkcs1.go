package snslocal

import (
	"crypto"
	"crypto/rsa"
	"errors"
	"math/big"
)

// crtKey signs with a two-prime RSA key by the Chinese remainder theorem
// on math/big. crypto/rsa's constant-time arithmetic took about 0.2 ms a
// signature, the largest single cost of a busy local stack (one signature
// a notification); this takes about half. Constant time buys nothing here:
// the key is generated for one local endpoint and signs only what that
// endpoint publishes. The signatures are the same bytes crypto/rsa makes
// (PKCS #1 v1.5 is deterministic), which the tests check.
type crtKey struct {
	size               int
	p, q, dp, dq, qInv *big.Int
}

func newCRTKey(k *rsa.PrivateKey) (*crtKey, error) {
	if len(k.Primes) != 2 {
		return nil, errors.New("signing key: want two primes")
	}
	k.Precompute()
	return &crtKey{size: k.Size(), p: k.Primes[0], q: k.Primes[1],
		dp: k.Precomputed.Dp, dq: k.Precomputed.Dq, qInv: k.Precomputed.Qinv}, nil
}

// digestInfoPrefix is the DER of PKCS #1's DigestInfo up to the digest,
// for the two hashes SNS signs with (RFC 8017, section 9.2, note 1).
func digestInfoPrefix(h crypto.Hash) ([]byte, error) {
	switch h {
	case crypto.SHA1:
		return []byte{0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14}, nil
	case crypto.SHA256:
		return []byte{0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20}, nil
	}
	return nil, errors.New("signing key: unsupported hash")
}

// signPKCS1v15 encodes digest as EMSA-PKCS1-v1_5 (00 01 FF..FF 00
// DigestInfo) and applies the private key (RSASP1).
func (k *crtKey) signPKCS1v15(h crypto.Hash, digest []byte) ([]byte, error) {
	prefix, err := digestInfoPrefix(h)
	if err != nil {
		return nil, err
	}
	if len(digest) != h.Size() {
		return nil, errors.New("signing key: digest length does not match its hash")
	}
	tLen := len(prefix) + len(digest)
	if k.size < tLen+11 {
		return nil, errors.New("signing key: too short for the digest")
	}
	em := make([]byte, k.size)
	em[1] = 1
	for i := 2; i < k.size-tLen-1; i++ {
		em[i] = 0xff
	}
	copy(em[k.size-tLen:], prefix)
	copy(em[k.size-len(digest):], digest)
	m := new(big.Int).SetBytes(em)
	m1 := new(big.Int).Exp(m, k.dp, k.p)
	m2 := new(big.Int).Exp(m, k.dq, k.q)
	// s = m2 + q * (qInv * (m1 - m2) mod p)
	m1.Sub(m1, m2)
	m1.Mul(m1, k.qInv)
	m1.Mod(m1, k.p)
	m1.Mul(m1, k.q)
	m1.Add(m1, m2)
	return m1.FillBytes(make([]byte, k.size)), nil
}
