package gateway

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// SigV4 constants for API Gateway's execute-api service.
const (
	sigV4Algorithm = "AWS4-HMAC-SHA256"
	sigV4Service   = "execute-api"
	amzDateFormat  = "20060102T150405Z"
	// sigV4MaxSkew is how far X-Amz-Date may be from the gateway's clock.
	sigV4MaxSkew = 5 * time.Minute
)

// API Gateway's own answers to a route with AWS_IAM authorization. The
// bodies are the messages API Gateway and the AWS signature documentation
// show for these cases (see the README's "HTTP API" section).
const (
	msgForbidden        = "Forbidden"
	msgBadSignature     = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
	msgUnknownAccessKey = "The security token included in the request is invalid."
)

// Credentials returns the secret access key of an access key id, and
// whether the id is known.
type Credentials func(accessKeyID string) (secret string, ok bool)

// StaticCredentials knows one access key.
func StaticCredentials(accessKeyID, secret string) Credentials {
	return func(id string) (string, bool) {
		if id != accessKeyID {
			return "", false
		}
		return secret, true
	}
}

// denial is API Gateway refusing a request before the integration.
type denial struct {
	status    int
	errorType string // x-amzn-ErrorType, empty for none
	message   string
	header    http.Header
}

// sigV4Caller is who signed a request.
type sigV4Caller struct {
	accessKey string
}

// sigV4Header is a parsed Authorization header.
type sigV4Header struct {
	accessKey, date, region, service string
	signedHeaders                    []string
	signature                        string
}

func parseSigV4Header(h string) (sigV4Header, bool) {
	alg, rest, ok := strings.Cut(h, " ")
	if !ok || alg != sigV4Algorithm {
		return sigV4Header{}, false
	}
	var out sigV4Header
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return sigV4Header{}, false
		}
		switch k {
		case "Credential":
			scope := strings.Split(v, "/")
			if len(scope) != 5 || scope[4] != "aws4_request" {
				return sigV4Header{}, false
			}
			out.accessKey, out.date, out.region, out.service = scope[0], scope[1], scope[2], scope[3]
		case "SignedHeaders":
			out.signedHeaders = strings.Split(v, ";")
		case "Signature":
			out.signature = v
		}
	}
	if out.accessKey == "" || len(out.signedHeaders) == 0 || out.signature == "" {
		return sigV4Header{}, false
	}
	return out, true
}

// verifySigV4 checks a request signed with Signature Version 4 in the
// Authorization header for the execute-api service in region, as API
// Gateway does for a route with AWS_IAM authorization.
func verifySigV4(r *http.Request, body []byte, region string, creds Credentials, now time.Time) (sigV4Caller, *denial) {
	forbidden := func(errType, msg string) *denial {
		return &denial{status: http.StatusForbidden, errorType: errType, message: msg}
	}
	raw := r.Header.Get("Authorization")
	if raw == "" {
		return sigV4Caller{}, forbidden("", msgForbidden)
	}
	h, ok := parseSigV4Header(raw)
	if !ok {
		return sigV4Caller{}, forbidden("IncompleteSignatureException", "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters of the AWS4-HMAC-SHA256 algorithm.")
	}
	if creds == nil {
		return sigV4Caller{}, forbidden("UnrecognizedClientException", msgUnknownAccessKey)
	}
	secret, known := creds(h.accessKey)
	if !known {
		return sigV4Caller{}, forbidden("UnrecognizedClientException", msgUnknownAccessKey)
	}
	amzDate := r.Header.Get("X-Amz-Date")
	signedAt, err := time.Parse(amzDateFormat, amzDate)
	if err != nil {
		return sigV4Caller{}, forbidden("IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	if d := now.Sub(signedAt); d > sigV4MaxSkew || d < -sigV4MaxSkew {
		return sigV4Caller{}, forbidden("InvalidSignatureException", fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - 5 min.)",
			amzDate, now.UTC().Add(-sigV4MaxSkew).Format(amzDateFormat), now.UTC().Format(amzDateFormat)))
	}
	if h.service != sigV4Service {
		return sigV4Caller{}, forbidden("InvalidSignatureException", fmt.Sprintf("Credential should be scoped to correct service: '%s'. ", sigV4Service))
	}
	if h.region != region {
		return sigV4Caller{}, forbidden("InvalidSignatureException", fmt.Sprintf("Credential should be scoped to a valid region, not '%s'. ", h.region))
	}
	if h.date != amzDate[:8] || !contains(h.signedHeaders, "host") {
		return sigV4Caller{}, forbidden("InvalidSignatureException", msgBadSignature)
	}
	payloadHash := sha256Hex(body)
	if claimed := r.Header.Get("X-Amz-Content-Sha256"); claimed != "" && claimed != "UNSIGNED-PAYLOAD" && claimed != payloadHash {
		return sigV4Caller{}, forbidden("InvalidSignatureException", msgBadSignature)
	}
	canonical := strings.Join([]string{
		r.Method,
		canonicalURI(r),
		canonicalQuery(r.URL.RawQuery),
		canonicalHeaders(r, h.signedHeaders),
		strings.Join(h.signedHeaders, ";"),
		payloadHash,
	}, "\n")
	scope := strings.Join([]string{h.date, h.region, h.service, "aws4_request"}, "/")
	toSign := strings.Join([]string{sigV4Algorithm, amzDate, scope, sha256Hex([]byte(canonical))}, "\n")
	key := hmacSHA256([]byte("AWS4"+secret), h.date)
	for _, part := range []string{h.region, h.service, "aws4_request"} {
		key = hmacSHA256(key, part)
	}
	want := hex.EncodeToString(hmacSHA256(key, toSign))
	if !hmac.Equal([]byte(want), []byte(h.signature)) {
		return sigV4Caller{}, forbidden("InvalidSignatureException", msgBadSignature)
	}
	return sigV4Caller{accessKey: h.accessKey}, nil
}

// canonicalURI is the path as the client sent it, each segment
// URI-encoded once more: SigV4 encodes paths twice for every service but
// S3, and signers apply that to the already-encoded path.
func canonicalURI(r *http.Request) string {
	path := r.URL.EscapedPath()
	if r.RequestURI != "" && r.RequestURI != "*" {
		if p, _, _ := strings.Cut(r.RequestURI, "?"); strings.HasPrefix(p, "/") {
			path = p
		}
	}
	if path == "" {
		return "/"
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = uriEncode(s)
	}
	return strings.Join(segs, "/")
}

// canonicalQuery sorts the query's parameters by name, then value, each
// URI-encoded.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	type kv struct{ k, v string }
	var pairs []kv
	for _, p := range strings.Split(raw, "&") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		uk, err1 := url.QueryUnescape(k)
		uv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			uk, uv = k, v
		}
		pairs = append(pairs, kv{uriEncode(uk), uriEncode(uv)})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = p.k + "=" + p.v
	}
	return strings.Join(out, "&")
}

// canonicalHeaders lists the signed headers as name:value lines, values
// trimmed and inner runs of spaces collapsed; Host comes from r.Host,
// where net/http moves it.
func canonicalHeaders(r *http.Request, names []string) string {
	var b strings.Builder
	for _, name := range names {
		var values []string
		switch name {
		case "host":
			values = []string{r.Host}
		case "content-length":
			values = r.Header.Values("Content-Length")
			if len(values) == 0 && r.ContentLength >= 0 {
				values = []string{fmt.Sprint(r.ContentLength)}
			}
		default:
			values = r.Header.Values(name)
		}
		for i, v := range values {
			values[i] = strings.Join(strings.Fields(v), " ")
		}
		b.WriteString(name + ":" + strings.Join(values, ",") + "\n")
	}
	return b.String()
}

// uriEncode percent-encodes everything but RFC 3986's unreserved
// characters, with upper-case hex, as SigV4 requires.
func uriEncode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
