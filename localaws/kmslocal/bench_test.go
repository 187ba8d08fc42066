package kmslocal_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/localaws/kmslocal"
)

// call sends one request straight to the handler and decodes the response.
func call(tb testing.TB, svc *kmslocal.Service, op, body string) map[string]any {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", "TrentService."+op)
	rec := httptest.NewRecorder()
	svc.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("%s: %d %s", op, rec.Code, rec.Body.String())
	}
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		tb.Fatalf("%s: %v", op, err)
	}
	return out
}

// BenchmarkOperations measures the per-order KMS work of the service:
// sealing a card, digesting the request, and opening the card again.
func BenchmarkOperations(b *testing.B) {
	svc := kmslocal.New(kmslocal.Config{})
	sym := call(b, svc, "CreateKey", `{}`)["KeyMetadata"].(map[string]any)["KeyId"].(string)
	mac := call(b, svc, "CreateKey", `{"KeySpec":"HMAC_256","KeyUsage":"GENERATE_VERIFY_MAC"}`)["KeyMetadata"].(map[string]any)["KeyId"].(string)
	ctx := `"EncryptionContext":{"orderId":"o-1"}`
	blob := call(b, svc, "Encrypt", `{"KeyId":"`+sym+`","Plaintext":"eyJudW1iZXIiOiI0MjQyIn0=",`+ctx+`}`)["CiphertextBlob"].(string)
	benches := []struct{ name, op, body string }{
		{"Encrypt", "Encrypt", `{"KeyId":"` + sym + `","Plaintext":"eyJudW1iZXIiOiI0MjQyIn0=",` + ctx + `}`},
		{"Decrypt", "Decrypt", `{"CiphertextBlob":"` + blob + `",` + ctx + `}`},
		{"GenerateMac", "GenerateMac", `{"KeyId":"` + mac + `","MacAlgorithm":"HMAC_SHA_256","Message":"b3JkZXI="}`},
	}
	for _, bb := range benches {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				call(b, svc, bb.op, bb.body)
			}
		})
	}
}
