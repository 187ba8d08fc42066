package gateway_test

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/gateway"
)

// issuer is an OpenID provider in an httptest.Server: its discovery
// document and JWKS, and a key to sign tokens with.
type issuer struct {
	url string
	key *rsa.PrivateKey
}

func newIssuer(tb testing.TB) *issuer {
	tb.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		tb.Fatal(err)
	}
	iss := &issuer{key: key}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"issuer": iss.url, "jwks_uri": iss.url + "/jwks.json"})
	})
	mux.HandleFunc("/jwks.json", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": []map[string]string{{
			"kty": "RSA", "kid": "k1", "alg": "RS256", "use": "sig",
			"n": base64.RawURLEncoding.EncodeToString(key.N.Bytes()),
			"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(key.E)).Bytes()),
		}}})
	})
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	iss.url = srv.URL
	return iss
}

// token signs claims with key id kid (RS256).
func (i *issuer) token(tb testing.TB, kid string, claims map[string]any) string {
	tb.Helper()
	enc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			tb.Fatal(err)
		}
		return base64.RawURLEncoding.EncodeToString(b)
	}
	signing := enc(map[string]string{"alg": "RS256", "typ": "JWT", "kid": kid}) + "." + enc(claims)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, i.key, crypto.SHA256, sum[:])
	if err != nil {
		tb.Fatal(err)
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func TestJWTAuthorizer(t *testing.T) {
	t.Parallel()
	iss := newIssuer(t)
	g, err := gateway.New(gateway.Config{
		Routes: []gateway.Route{{Method: "POST", Path: "/orders", Auth: gateway.Authorization{
			Type: gateway.AuthJWT, JWT: gateway.JWTConfig{Issuer: iss.url, Audience: []string{"payflow"}},
		}}},
		Handler: echo, AccountID: "123456789012", APIID: "local", Clock: clock.NewFake(t0),
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(g)
	t.Cleanup(srv.Close)
	now := t0.Unix()
	valid := map[string]any{"iss": iss.url, "aud": "payflow", "sub": "shop-7", "exp": now + 300, "iat": now - 10, "scope": "orders/write"}
	with := func(k string, v any) map[string]any {
		c := map[string]any{}
		for key, val := range valid {
			c[key] = val
		}
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	other := newIssuer(t) // a key the API's issuer never published
	tests := []struct {
		name       string
		auth       string
		wantStatus int
	}{
		{"valid bearer token", "Bearer " + iss.token(t, "k1", valid), 200},
		{"valid token without Bearer", iss.token(t, "k1", valid), 200},
		{"audience in an array", "Bearer " + iss.token(t, "k1", with("aud", []string{"x", "payflow"})), 200},
		{"client_id instead of aud", "Bearer " + iss.token(t, "k1", map[string]any{"iss": iss.url, "client_id": "payflow", "sub": "shop-7", "exp": now + 60, "scope": "a"}), 200},
		{"no audience", "Bearer " + iss.token(t, "k1", with("aud", nil)), 401},
		{"missing token", "", 401},
		{"not a JWT", "Bearer abc", 401},
		{"wrong audience", "Bearer " + iss.token(t, "k1", with("aud", "other")), 401},
		{"wrong issuer", "Bearer " + iss.token(t, "k1", with("iss", "https://evil.example")), 401},
		{"expired", "Bearer " + iss.token(t, "k1", with("exp", now-1)), 401},
		{"no expiry", "Bearer " + iss.token(t, "k1", with("exp", nil)), 401},
		{"not valid yet", "Bearer " + iss.token(t, "k1", with("nbf", now+60)), 401},
		{"unknown key id", "Bearer " + iss.token(t, "k2", valid), 401},
		{"signed by another key", "Bearer " + other.token(t, "k1", valid), 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest("POST", srv.URL+"/orders", strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, body := do(t, req)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.wantStatus, body)
			}
			if tt.wantStatus == 401 {
				if string(body) != `{"message":"Unauthorized"}` {
					t.Errorf("body %s, want API Gateway's Unauthorized", body)
				}
				return
			}
			var ev events.APIGatewayV2HTTPRequest
			if err := json.Unmarshal(body, &ev); err != nil {
				t.Fatal(err)
			}
			a := ev.RequestContext.Authorizer
			if a == nil || a.JWT == nil || a.JWT.Claims["sub"] != "shop-7" || len(a.JWT.Scopes) != 1 {
				t.Errorf("authorizer context %+v, want the token's claims and scopes", a)
			}
		})
	}
}
