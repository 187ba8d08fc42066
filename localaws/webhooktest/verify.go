package webhooktest

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Verify checks body's signature as Check does and fails the test if it
// does not hold. It returns the message's string fields.
func Verify(tb testing.TB, body []byte) map[string]string {
	tb.Helper()
	msg, err := Check(body)
	if err != nil {
		tb.Fatal(err)
	}
	return msg
}

// Check verifies a JSON SNS message the way a subscriber does and returns
// its string fields: the certificate comes from the message's
// SigningCertURL, and the signed string is rebuilt from the fields AWS
// signs for the message's Type.
func Check(body []byte) (map[string]string, error) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("message %q is not JSON: %w", body, err)
	}
	msg := map[string]string{}
	for k, v := range m {
		if s, ok := v.(string); ok {
			msg[k] = s
		}
	}
	key, err := signingKey(msg["SigningCertURL"])
	if err != nil {
		return nil, err
	}
	sig, err := base64.StdEncoding.DecodeString(msg["Signature"])
	if err != nil {
		return nil, fmt.Errorf("the message's Signature is not base64: %w", err)
	}
	signed := []byte(signedString(msg))
	var hash crypto.Hash
	var digest []byte
	switch msg["SignatureVersion"] {
	case "1":
		sum := sha1.Sum(signed)
		hash, digest = crypto.SHA1, sum[:]
	case "2":
		sum := sha256.Sum256(signed)
		hash, digest = crypto.SHA256, sum[:]
	default:
		return nil, fmt.Errorf("SignatureVersion %q is neither 1 nor 2", msg["SignatureVersion"])
	}
	if err := rsa.VerifyPKCS1v15(key, hash, digest, sig); err != nil {
		return nil, fmt.Errorf("the %s's signature does not verify with the served certificate: %w", msg["Type"], err)
	}
	return msg, nil
}

// signedString is the text SNS signs: each signed field present, as its
// name and value on lines of their own, in the documented order.
func signedString(msg map[string]string) string {
	fields := []string{"Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"}
	if msg["Type"] == "SubscriptionConfirmation" || msg["Type"] == "UnsubscribeConfirmation" {
		fields = []string{"Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"}
	}
	var b strings.Builder
	for _, f := range fields {
		if v, ok := msg[f]; ok {
			b.WriteString(f + "\n" + v + "\n")
		}
	}
	return b.String()
}

// signingKey fetches the PEM certificate at url and returns its RSA key.
func signingKey(url string) (*rsa.PublicKey, error) {
	if url == "" {
		return nil, errors.New("the message has no SigningCertURL")
	}
	resp, err := http.Get(url)
	if err != nil {
		return nil, fmt.Errorf("GET SigningCertURL: %w", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("read SigningCertURL: %w", err)
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		return nil, fmt.Errorf("SigningCertURL served no PEM certificate: %q", raw)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("SigningCertURL's certificate: %w", err)
	}
	key, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return nil, fmt.Errorf("SigningCertURL's certificate holds a %T, not an RSA key", cert.PublicKey)
	}
	return key, nil
}
