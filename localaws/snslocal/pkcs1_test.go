package snslocal

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
	"testing"
)

// TestCRTSignaturesAreCryptoRSAs signs digests of both hashes SNS uses with
// keys of several sizes and wants, byte for byte, what crypto/rsa signs,
// and a signature crypto/rsa verifies.
func TestCRTSignaturesAreCryptoRSAs(t *testing.T) {
	t.Parallel()
	for _, bits := range []int{1024, 2048} {
		key, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			t.Fatal(err)
		}
		crt, err := newCRTKey(key)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 20 {
			msg := []byte(fmt.Sprintf("notification %d of a %d-bit key", i, bits))
			s1, s256 := sha1.Sum(msg), sha256.Sum256(msg)
			for _, c := range []struct {
				h      crypto.Hash
				digest []byte
			}{{crypto.SHA1, s1[:]}, {crypto.SHA256, s256[:]}} {
				want, err := rsa.SignPKCS1v15(nil, key, c.h, c.digest)
				if err != nil {
					t.Fatal(err)
				}
				got, err := crt.signPKCS1v15(c.h, c.digest)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("%d bits, %v, message %d: signature differs from crypto/rsa's", bits, c.h, i)
				}
				if err := rsa.VerifyPKCS1v15(&key.PublicKey, c.h, c.digest, got); err != nil {
					t.Fatalf("%d bits, %v: crypto/rsa does not verify it: %v", bits, c.h, err)
				}
			}
		}
	}
}

// TestCRTSignRefusesWhatItCannotEncode covers the digests it will not sign.
func TestCRTSignRefusesWhatItCannotEncode(t *testing.T) {
	t.Parallel()
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	crt, err := newCRTKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := crt.signPKCS1v15(crypto.SHA256, make([]byte, 20)); err == nil {
		t.Error("a 20-byte digest was signed as SHA-256")
	}
	if _, err := crt.signPKCS1v15(crypto.SHA512, make([]byte, 64)); err == nil {
		t.Error("a SHA-512 digest was signed")
	}
}
