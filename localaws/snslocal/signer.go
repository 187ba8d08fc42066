package snslocal

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/http"
	"time"
)

// signer signs notifications the way SNS does, with a locally generated key
// whose self-signed certificate ServeHTTP publishes at CertPath, so a
// subscriber can verify a local notification with the usual code.
type signer struct {
	crt     *crtKey
	certPEM []byte
}

func newSigner(key *rsa.PrivateKey, now time.Time) (*signer, error) {
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(now.UnixNano()),
		Subject:      pkix.Name{CommonName: "sns.local.amazonaws.com", Organization: []string{"payflow local SNS"}},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("self-sign certificate: %w", err)
	}
	crt, err := newCRTKey(key)
	if err != nil {
		return nil, err
	}
	return &signer{crt: crt, certPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}, nil
}

// sign returns the base64 signature of the canonical string: SHA1 with RSA
// for SignatureVersion 1, SHA256 with RSA for version 2.
func (sg *signer) sign(version, canonical string) (string, error) {
	var (
		h      crypto.Hash
		digest []byte
	)
	if version == "2" {
		sum := sha256.Sum256([]byte(canonical))
		h, digest = crypto.SHA256, sum[:]
	} else {
		sum := sha1.Sum([]byte(canonical))
		h, digest = crypto.SHA1, sum[:]
	}
	sig, err := sg.crt.signPKCS1v15(h, digest)
	if err != nil {
		return "", fmt.Errorf("sign notification: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// serveCert answers GET CertPath with the signing certificate.
func (s *Service) serveCert(w http.ResponseWriter) {
	sg, err := s.signingKey()
	if err != nil {
		http.Error(w, "no signing certificate", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/x-pem-file")
	_, _ = w.Write(sg.certPEM)
}
