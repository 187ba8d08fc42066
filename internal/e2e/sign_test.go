package e2e_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/payflow-dev/payflow/localaws/stack"
)

// signing is a RoundTripper that signs each request with SigV4 for
// execute-api, as a client of the deployed API signs with its IAM
// credentials: the order routes need AWS_IAM authorization by default, and
// the local HTTP API knows the access key "local".
type signing struct {
	next   http.RoundTripper
	region string
	creds  aws.Credentials
	now    func() time.Time
}

// signedTransport signs with the local stack's default API credentials at
// the time now gives: the stack's clock, which the gateway checks the
// signature's date against (nil means the wall clock).
func signedTransport(next http.RoundTripper, region string, now func() time.Time) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	if now == nil {
		now = time.Now
	}
	return signing{next: next, region: region, now: now, creds: aws.Credentials{
		AccessKeyID: stack.DefaultAPIAccessKey, SecretAccessKey: stack.DefaultAPISecretKey,
	}}
}

func (s signing) RoundTrip(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		var err error
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
		r.Body.Close()
	}
	r = r.Clone(r.Context())
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(r.Context(), s.creds, r, hex.EncodeToString(sum[:]), "execute-api", s.region, s.now()); err != nil {
		return nil, err
	}
	return s.next.RoundTrip(r)
}
