package kmslocal

import (
	"crypto"
	"encoding/asn1"
	"fmt"
	"io"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"
)

// secp256k1Key is an ECC_SECG_P256K1 private key. The standard library has
// no secp256k1 curve (Go's crypto/elliptic covers NIST curves only), so
// Decred's implementation does the arithmetic; signatures are DER-encoded
// ECDSA, as KMS answers for every ECC key.
type secp256k1Key struct {
	priv *secp256k1.PrivateKey
}

func generateSecp256k1(random io.Reader) (crypto.Signer, error) {
	priv, err := secp256k1.GeneratePrivateKeyFromRand(random)
	if err != nil {
		return nil, fmt.Errorf("generate secp256k1 key: %w", err)
	}
	return secp256k1Key{priv: priv}, nil
}

// Public returns the *secp256k1.PublicKey.
func (k secp256k1Key) Public() crypto.PublicKey { return k.priv.PubKey() }

// Sign signs a digest (RFC 6979 deterministic ECDSA) and DER-encodes it.
func (k secp256k1Key) Sign(_ io.Reader, digest []byte, _ crypto.SignerOpts) ([]byte, error) {
	return ecdsa.Sign(k.priv, digest).Serialize(), nil
}

func verifySecp256k1(pub *secp256k1.PublicKey, digest, sig []byte) bool {
	s, err := ecdsa.ParseDERSignature(sig)
	return err == nil && s.Verify(digest, pub)
}

// OIDs of an EC public key on secp256k1 in a SubjectPublicKeyInfo.
var (
	oidECPublicKey = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidSecp256k1   = asn1.ObjectIdentifier{1, 3, 132, 0, 10}
)

// secp256k1PublicKeyDER encodes pub as the DER SubjectPublicKeyInfo
// GetPublicKey answers (x509 cannot, for a curve it does not know).
func secp256k1PublicKeyDER(pub *secp256k1.PublicKey) ([]byte, error) {
	type algorithm struct {
		Algorithm asn1.ObjectIdentifier
		Curve     asn1.ObjectIdentifier
	}
	type spki struct {
		Algorithm algorithm
		PublicKey asn1.BitString
	}
	point := pub.SerializeUncompressed()
	der, err := asn1.Marshal(spki{Algorithm: algorithm{oidECPublicKey, oidSecp256k1}, PublicKey: asn1.BitString{Bytes: point, BitLength: 8 * len(point)}})
	if err != nil {
		return nil, fmt.Errorf("encode secp256k1 public key: %w", err)
	}
	return der, nil
}
