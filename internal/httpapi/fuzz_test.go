package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
)

// FuzzPlaceOrder posts arbitrary bodies: whatever arrives, the API answers
// with a client error or an acceptance, never a 500, and never echoes the
// body. `go test` runs the seeds; `go test -fuzz FuzzPlaceOrder` explores.
func FuzzPlaceOrder(f *testing.F) {
	for _, seed := range []string{
		validBody,
		``, `null`, `[]`, `{}`, `"x"`, `{"amount":1e309}`, `{"amount":-0}`, `{"amount":00}`,
		strings.Replace(validBody, `"amount":100`, `"amount":100.001`, 1),
		strings.Replace(validBody, `"expiry":"12/28"`, `"expiry":"1/28"`, 1),
		strings.Replace(validBody, `"orderId":"order-1"`, `"orderId":"\u0000"`, 1),
		strings.Replace(validBody, `"nameOnCard":"FIRSTNAME LASTNAME"`, `"nameOnCard":"\ud800"`, 1),
		validBody + `x`,
	} {
		f.Add(seed)
	}
	a := newAPI(f)
	f.Fuzz(func(t *testing.T, body string) {
		rec := do(t, a.handler, http.MethodPost, "/orders", "application/json", body)
		switch rec.Code {
		case http.StatusAccepted, http.StatusOK, http.StatusBadRequest, http.StatusConflict,
			http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		default:
			t.Fatalf("status %d for body %q: %s", rec.Code, body, rec.Body)
		}
		if len(body) >= 8 && strings.Contains(rec.Body.String(), body) {
			t.Fatalf("response echoes the body %q", body)
		}
	})
}
