package gateway

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"time"
)

// JWTConfig is a JWT authorizer: API Gateway accepts a token signed by one
// of the issuer's keys, whose iss is Issuer and whose aud (or client_id)
// is one of Audience, that has not expired.
type JWTConfig struct {
	Issuer   string
	Audience []string
	// Header carries the token ("Bearer " prefix optional); empty means
	// Authorization, the template's $request.header.Authorization.
	Header string
	// JWKSURL serves the issuer's keys (a JSON Web Key Set); empty means
	// the jwks_uri of the issuer's /.well-known/openid-configuration, as
	// API Gateway finds it.
	JWKSURL string
}

// jwtClaims is the part of a token's payload the authorizer reads; all
// claims go to the function in requestContext.authorizer.jwt.claims.
type jwtClaims struct {
	Issuer   string          `json:"iss"`
	Audience json.RawMessage `json:"aud"`
	ClientID string          `json:"client_id"`
	Expires  *float64        `json:"exp"`
	NotYet   *float64        `json:"nbf"`
	IssuedAt *float64        `json:"iat"`
	Scope    string          `json:"scope"`
}

// keyCache holds the keys of each JWKS URL, fetched on first use and again
// when a token names a key it does not know (keys rotate), at most every
// jwksRefetch.
type keyCache struct {
	client *http.Client
	mu     sync.Mutex
	sets   map[string]*keySet
}

type keySet struct {
	keys    map[string]*rsa.PublicKey
	fetched time.Time
}

const jwksRefetch = 30 * time.Second

func newKeyCache(client *http.Client) *keyCache {
	if client == nil {
		client = &http.Client{Timeout: 5 * time.Second}
	}
	return &keyCache{client: client, sets: map[string]*keySet{}}
}

// unauthorized is API Gateway's answer when a JWT authorizer refuses.
func unauthorized(description string) *denial {
	h := http.Header{}
	h.Set("Www-Authenticate", fmt.Sprintf(`Bearer scope="" error="invalid_token" error_description=%q`, description))
	return &denial{status: http.StatusUnauthorized, message: "Unauthorized", header: h}
}

// verifyJWT validates the request's token and returns its claims.
func (c *keyCache) verifyJWT(ctx context.Context, r *http.Request, cfg JWTConfig, now time.Time) (map[string]string, []string, *denial) {
	header := cfg.Header
	if header == "" {
		header = "Authorization"
	}
	token := strings.TrimSpace(r.Header.Get(header))
	if token == "" {
		return nil, nil, &denial{status: http.StatusUnauthorized, message: "Unauthorized"}
	}
	if len(token) > 7 && strings.EqualFold(token[:7], "bearer ") {
		token = strings.TrimSpace(token[7:])
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, nil, unauthorized("token is not a JWT")
	}
	var hdr struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
	}
	if err := decodeSegment(parts[0], &hdr); err != nil {
		return nil, nil, unauthorized("token header is malformed")
	}
	if hdr.Alg != "RS256" {
		return nil, nil, unauthorized("token algorithm is not supported")
	}
	key, err := c.key(ctx, cfg, hdr.Kid, now)
	if err != nil {
		return nil, nil, unauthorized("signing key could not be found")
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return nil, nil, unauthorized("signature is malformed")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if rsa.VerifyPKCS1v15(key, crypto.SHA256, digest[:], sig) != nil {
		return nil, nil, unauthorized("signature is invalid")
	}
	var claims jwtClaims
	if err := decodeSegment(parts[1], &claims); err != nil {
		return nil, nil, unauthorized("token payload is malformed")
	}
	var all map[string]any
	if err := decodeSegment(parts[1], &all); err != nil {
		return nil, nil, unauthorized("token payload is malformed")
	}
	unix := float64(now.Unix())
	switch {
	case claims.Issuer != cfg.Issuer:
		return nil, nil, unauthorized("the token does not have a valid issuer")
	case !audienceMatches(claims, cfg.Audience):
		return nil, nil, unauthorized("the token does not have a valid audience")
	case claims.Expires == nil || *claims.Expires <= unix:
		return nil, nil, unauthorized("the token has expired")
	case claims.NotYet != nil && *claims.NotYet > unix:
		return nil, nil, unauthorized("the token is not valid yet")
	case claims.IssuedAt != nil && *claims.IssuedAt > unix:
		return nil, nil, unauthorized("the token was issued in the future")
	}
	out := make(map[string]string, len(all))
	for k, v := range all {
		if s, ok := v.(string); ok {
			out[k] = s
			continue
		}
		b, _ := json.Marshal(v)
		out[k] = string(b)
	}
	var scopes []string
	if claims.Scope != "" {
		scopes = strings.Fields(claims.Scope)
	}
	return out, scopes, nil
}

// audienceMatches reports whether aud (a string or an array) or client_id
// names one of the configured audiences.
func audienceMatches(c jwtClaims, want []string) bool {
	var got []string
	var one string
	if json.Unmarshal(c.Audience, &one) == nil {
		got = []string{one}
	} else {
		_ = json.Unmarshal(c.Audience, &got)
	}
	if c.ClientID != "" {
		got = append(got, c.ClientID)
	}
	for _, g := range got {
		if contains(want, g) {
			return true
		}
	}
	return false
}

func decodeSegment(seg string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// key returns the issuer's key with id kid.
func (c *keyCache) key(ctx context.Context, cfg JWTConfig, kid string, now time.Time) (*rsa.PublicKey, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	jwksURL := cfg.JWKSURL
	if jwksURL == "" {
		var err error
		if jwksURL, err = c.discover(ctx, cfg.Issuer); err != nil {
			return nil, err
		}
	}
	set := c.sets[jwksURL]
	if set != nil {
		if k, ok := set.keys[kid]; ok {
			return k, nil
		}
		if now.Sub(set.fetched) < jwksRefetch {
			return nil, errors.New("unknown key id")
		}
	}
	keys, err := c.fetchKeys(ctx, jwksURL)
	if err != nil {
		return nil, err
	}
	c.sets[jwksURL] = &keySet{keys: keys, fetched: now}
	if k, ok := keys[kid]; ok {
		return k, nil
	}
	return nil, errors.New("unknown key id")
}

// discover reads the issuer's OpenID configuration for its jwks_uri.
func (c *keyCache) discover(ctx context.Context, issuer string) (string, error) {
	var doc struct {
		JWKSURI string `json:"jwks_uri"`
	}
	if err := c.getJSON(ctx, strings.TrimSuffix(issuer, "/")+"/.well-known/openid-configuration", &doc); err != nil {
		return "", err
	}
	if doc.JWKSURI == "" {
		return "", errors.New("the issuer's OpenID configuration has no jwks_uri")
	}
	return doc.JWKSURI, nil
}

func (c *keyCache) fetchKeys(ctx context.Context, jwksURL string) (map[string]*rsa.PublicKey, error) {
	var set struct {
		Keys []struct {
			Kty string `json:"kty"`
			Kid string `json:"kid"`
			N   string `json:"n"`
			E   string `json:"e"`
		} `json:"keys"`
	}
	if err := c.getJSON(ctx, jwksURL, &set); err != nil {
		return nil, err
	}
	keys := map[string]*rsa.PublicKey{}
	for _, k := range set.Keys {
		if k.Kty != "RSA" {
			continue
		}
		n, err1 := base64.RawURLEncoding.DecodeString(k.N)
		e, err2 := base64.RawURLEncoding.DecodeString(k.E)
		if err1 != nil || err2 != nil || len(e) == 0 || len(e) > 4 {
			continue
		}
		keys[k.Kid] = &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	}
	return keys, nil
}

func (c *keyCache) getJSON(ctx context.Context, url string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(v)
}
