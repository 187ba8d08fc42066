package gateway_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/gateway"
)

// signedServer is a gateway whose POST /orders route needs AWS_IAM and
// whose GET /healthz is open, knowing access key "local" (secret "local").
func signedServer(tb testing.TB, clk clock.Clock) string {
	tb.Helper()
	g, err := gateway.New(gateway.Config{
		Routes: []gateway.Route{
			{Method: "POST", Path: "/orders", Auth: gateway.Authorization{Type: gateway.AuthIAM}},
			{Method: "GET", Path: "/orders/{orderId}/status", Auth: gateway.Authorization{Type: gateway.AuthIAM}},
			{Method: "GET", Path: "/healthz"},
		},
		Handler: echo, AccountID: "123456789012", APIID: "local", Clock: clk,
		Region: "us-east-1", Credentials: gateway.StaticCredentials("local", "local"),
	})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(g)
	tb.Cleanup(srv.Close)
	return srv.URL
}

// sdkSign signs req with the AWS SDK for Go's v4 signer, as a Go client of
// the deployed API would.
func sdkSign(tb testing.TB, req *http.Request, body, key, secret, region, service string, at time.Time) {
	tb.Helper()
	sum := sha256.Sum256([]byte(body))
	err := v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: key, SecretAccessKey: secret},
		req, hex.EncodeToString(sum[:]), service, region, at)
	if err != nil {
		tb.Fatal(err)
	}
}

func TestSigV4(t *testing.T) {
	t.Parallel()
	const body = `{"orderId":"o-1"}`
	tests := []struct {
		name        string
		path        string
		method      string
		sign        bool
		key, secret string
		region      string
		service     string
		signedAt    time.Duration // from t0
		tamper      func(*http.Request)
		wantStatus  int
		wantMessage string
		wantType    string
	}{
		{name: "signed", sign: true, wantStatus: 200},
		{name: "signed status with a query", method: "GET", path: "/orders/o%2D1/status?b=2&a=1&a=0", sign: true, wantStatus: 200},
		{name: "unsigned", wantStatus: 403, wantMessage: "Forbidden"},
		{name: "wrong secret", sign: true, secret: "nope", wantStatus: 403, wantType: "InvalidSignatureException",
			wantMessage: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."},
		{name: "unknown access key", sign: true, key: "AKIDUNKNOWN", wantStatus: 403, wantType: "UnrecognizedClientException",
			wantMessage: "The security token included in the request is invalid."},
		{name: "body changed after signing", sign: true, tamper: func(r *http.Request) {
			r.Body = http.NoBody
			r.ContentLength = 0
		}, wantStatus: 403, wantType: "InvalidSignatureException"},
		{name: "path changed after signing", sign: true, tamper: func(r *http.Request) { r.URL.Path = "/orders/" }, wantStatus: 403, wantType: "InvalidSignatureException"},
		{name: "signed for another service", sign: true, service: "execute-apis", wantStatus: 403, wantType: "InvalidSignatureException"},
		{name: "signed for another region", sign: true, region: "eu-west-1", wantStatus: 403, wantType: "InvalidSignatureException"},
		{name: "signed six minutes ago", sign: true, signedAt: -6 * time.Minute, wantStatus: 403, wantType: "InvalidSignatureException"},
		{name: "signed four minutes ago", sign: true, signedAt: -4 * time.Minute, wantStatus: 200},
		{name: "garbage authorization", tamper: func(r *http.Request) { r.Header.Set("Authorization", "Bearer x") },
			wantStatus: 403, wantType: "IncompleteSignatureException"},
		{name: "open route unsigned", method: "GET", path: "/healthz", wantStatus: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			url := signedServer(t, clock.NewFake(t0))
			method, path, reqBody := "POST", "/orders", body
			if tt.method != "" {
				method, path, reqBody = tt.method, tt.path, ""
			}
			req, err := http.NewRequest(method, url+path, strings.NewReader(reqBody))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			if tt.sign {
				key, secret, region, service := "local", "local", "us-east-1", "execute-api"
				if tt.key != "" {
					key = tt.key
				}
				if tt.secret != "" {
					secret = tt.secret
				}
				if tt.region != "" {
					region = tt.region
				}
				if tt.service != "" {
					service = tt.service
				}
				sdkSign(t, req, reqBody, key, secret, region, service, t0.Add(tt.signedAt))
			}
			if tt.tamper != nil {
				tt.tamper(req)
			}
			resp, got := do(t, req)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.wantStatus, got)
			}
			if tt.wantStatus != 200 {
				var msg struct{ Message string }
				if err := json.Unmarshal(got, &msg); err != nil {
					t.Fatalf("body %s: %v", got, err)
				}
				if tt.wantMessage != "" && msg.Message != tt.wantMessage {
					t.Errorf("message %q, want %q", msg.Message, tt.wantMessage)
				}
				if got := resp.Header.Get("X-Amzn-Errortype"); got != tt.wantType {
					t.Errorf("x-amzn-ErrorType %q, want %q", got, tt.wantType)
				}
				return
			}
			var ev events.APIGatewayV2HTTPRequest
			if err := json.Unmarshal(got, &ev); err != nil {
				t.Fatal(err)
			}
			if tt.sign && (ev.RequestContext.Authorizer == nil || ev.RequestContext.Authorizer.IAM == nil || ev.RequestContext.Authorizer.IAM.AccessKey != "local") {
				t.Errorf("the function was not told who signed: %+v", ev.RequestContext.Authorizer)
			}
		})
	}
}

// TestSigV4FromOtherSigners sends requests signed by curl --aws-sigv4 and
// by botocore's SigV4Auth, the signers the README and Python clients use.
// Each skips when its tool is missing, except under CI=true.
func TestSigV4FromOtherSigners(t *testing.T) {
	t.Parallel()
	url := signedServer(t, clock.NewReal())
	const body = `{"orderId":"o-2","amount":"654321.17"}`
	t.Run("curl", func(t *testing.T) {
		t.Parallel()
		if out, err := exec.Command("curl", "--help", "all").Output(); err != nil || !strings.Contains(string(out), "--aws-sigv4") {
			skipOrFail(t, "curl with --aws-sigv4 (7.75 or later) is not installed")
		}
		for _, tc := range []struct{ name, method, path, body string }{
			{"post", "POST", "/orders", body},
			{"get with a query", "GET", "/orders/o-2/status?x=1", ""},
		} {
			args := []string{"-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", tc.method,
				"--aws-sigv4", "aws:amz:us-east-1:execute-api", "--user", "local:local"}
			if tc.body != "" {
				args = append(args, "-H", "Content-Type: application/json", "--data-binary", tc.body)
			}
			out, err := exec.Command("curl", append(args, url+tc.path)...).CombinedOutput()
			if err != nil || string(out) != "200" {
				t.Errorf("curl %s: %s %v, want 200", tc.name, out, err)
			}
			// The same request with the wrong secret is refused.
			args[10] = "local:wrong"
			out, err = exec.Command("curl", append(args, url+tc.path)...).CombinedOutput()
			if err != nil || string(out) != "403" {
				t.Errorf("curl %s with a wrong secret: %s %v, want 403", tc.name, out, err)
			}
		}
	})
	t.Run("botocore", func(t *testing.T) {
		t.Parallel()
		if exec.Command("python3", "-c", "import botocore").Run() != nil {
			skipOrFail(t, "python3 with botocore is not installed")
		}
		const script = `
import sys, urllib.request
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
url, secret, body = sys.argv[1], sys.argv[2], sys.argv[3].encode()
req = AWSRequest(method="POST", url=url, data=body, headers={"Content-Type": "application/json"})
SigV4Auth(Credentials("local", secret), "execute-api", "us-east-1").add_auth(req)
r = urllib.request.Request(url, data=body, headers=dict(req.headers.items()), method="POST")
try:
    print(urllib.request.urlopen(r).status)
except urllib.error.HTTPError as e:
    print(e.code)
`
		for secret, want := range map[string]string{"local": "200", "wrong": "403"} {
			out, err := exec.Command("python3", "-c", script, url+"/orders", secret, body).CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != want {
				t.Errorf("botocore with secret %q: %s %v, want %s", secret, out, err, want)
			}
		}
	})
}

// skipOrFail skips on a developer machine and fails in CI, where every
// tool the tests use must be installed.
func skipOrFail(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatal(why + " (required when CI=true)")
	}
	tb.Skip(why)
}
