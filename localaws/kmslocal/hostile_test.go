package kmslocal_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/localaws/kmslocal"
)

// serve sends one raw request to a fresh service and returns the status and
// the decoded __type of any error.
func serve(tb testing.TB, svc *kmslocal.Service, target, body string) (int, string) {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", target)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	rec := httptest.NewRecorder()
	svc.ServeHTTP(rec, req)
	var e struct {
		Type string `json:"__type"`
	}
	if rec.Code != http.StatusOK {
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			tb.Fatalf("error body %q is not JSON: %v", rec.Body.String(), err)
		}
	}
	return rec.Code, e.Type
}

func TestHostileRequests(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, target, body, want string
	}{
		{name: "unknown operation", target: "TrentService.CreateCustomKeyStore", body: "{}", want: "UnknownOperationException"},
		{name: "other service", target: "AmazonSQS.SendMessage", body: "{}", want: "UnknownOperationException"},
		{name: "broken JSON", target: "TrentService.Encrypt", body: "{", want: "SerializationException"},
		{name: "bad base64", target: "TrentService.Decrypt", body: `{"CiphertextBlob":"!!!"}`, want: "SerializationException"},
		{name: "wrong type", target: "TrentService.Encrypt", body: `{"KeyId":7}`, want: "ValidationException"},
		{name: "missing key", target: "TrentService.Encrypt", body: `{"Plaintext":"eA=="}`, want: "ValidationException"},
		{name: "invalid ARN", target: "TrentService.DescribeKey", body: `{"KeyId":"arn:aws:s3:::bucket"}`, want: "InvalidArnException"},
		{name: "bad limit", target: "TrentService.ListKeys", body: `{"Limit":0}`, want: "ValidationException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, typ := serve(t, kmslocal.New(kmslocal.Config{}), tt.target, tt.body)
			if code != http.StatusBadRequest || typ != tt.want {
				t.Errorf("got %d %q, want 400 %q", code, typ, tt.want)
			}
		})
	}
}

// FuzzRequests feeds arbitrary bodies to every operation: the service must
// answer each with a well-formed response and never panic.
func FuzzRequests(f *testing.F) {
	seeds := []string{`{}`, `{"KeyId":"alias/a"}`, `{"CiphertextBlob":"AQ=="}`, `{"Limit":5,"Marker":"z"}`,
		`{"KeySpec":"HMAC_256","KeyUsage":"GENERATE_VERIFY_MAC"}`, `{"Plaintext":"eA==","KeyId":"x"}`, `null`, `[]`}
	ops := []string{"CreateKey", "DescribeKey", "ListKeys", "CreateAlias", "ListAliases", "DeleteAlias", "Encrypt",
		"Decrypt", "GenerateDataKey", "GenerateMac", "VerifyMac", "ScheduleKeyDeletion", "EnableKey"}
	for i, s := range seeds {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, op uint8, body string) {
		svc := kmslocal.New(kmslocal.Config{})
		code, _ := serve(t, svc, "TrentService."+ops[int(op)%len(ops)], body)
		if code != http.StatusOK && code != http.StatusBadRequest {
			t.Errorf("status %d for %q", code, body)
		}
	})
}
