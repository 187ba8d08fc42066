package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
)

// FuzzPlaceOrder posts arbitrary bodies under arbitrary content types:
// whatever arrives, the API answers with a client error or an acceptance,
// never a 5xx, and never echoes the body. `go test` runs the seeds;
// `go test -fuzz FuzzPlaceOrder` explores.
func FuzzPlaceOrder(f *testing.F) {
	const ct = "application/json"
	for _, seed := range []struct{ contentType, body string }{
		{ct, validBody},
		{ct, ``}, {ct, `null`}, {ct, `[]`}, {ct, `{}`}, {ct, `"x"`}, {ct, `{"amount":1e309}`}, {ct, `{"amount":-0}`}, {ct, `{"amount":00}`},
		{ct, strings.Replace(validBody, `"amount":100`, `"amount":100.001`, 1)},
		{ct, strings.Replace(validBody, `"amount":100`, `"amount":"654321.17"`, 1)},
		{ct, strings.Replace(validBody, `"amount":100`, `"amount":"1e400"`, 1)},
		{ct, strings.Replace(validBody, `"amount":100,`, `"amount":100,"amount":999,`, 1)},
		{ct, strings.Replace(validBody, `"expiry":"12/28"`, `"expiry":"1/28"`, 1)},
		{ct, strings.Replace(validBody, `"orderId":"order-1"`, `"orderId":"\u0000"`, 1)},
		{ct, strings.Replace(validBody, `"orderId":"order-1"`, `"orderId":"4242424242424242"`, 1)},
		{ct, strings.Replace(validBody, `"orderDate":"2026-11-25"`, `"orderDate":"9999-12-31"`, 1)},
		{ct, strings.Replace(validBody, `"nameOnCard":"FIRSTNAME LASTNAME"`, `"nameOnCard":"\ud800"`, 1)},
		{ct, strings.Replace(validBody, `FIRSTNAME`, "FIRST\xff", 1)},
		{ct, `{"a":{"b":[{"c":1,"c":2}]}}`},
		{ct, `{"a":` + strings.Repeat("[", 5000)},
		{ct, validBody + `x`},
		{"application/json; charset=utf-16", validBody},
		{"application/json; charset", validBody},
		{"text/plain", validBody},
	} {
		f.Add(seed.contentType, seed.body)
	}
	a := newAPI(f)
	f.Fuzz(func(t *testing.T, contentType, body string) {
		rec := do(t, a.handler, http.MethodPost, "/orders", contentType, body)
		switch rec.Code {
		case http.StatusAccepted, http.StatusOK, http.StatusBadRequest, http.StatusConflict,
			http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType, http.StatusUnprocessableEntity:
		default:
			t.Fatalf("status %d for %q body %q: %s", rec.Code, contentType, body, rec.Body)
		}
		if len(body) >= 8 && strings.Contains(rec.Body.String(), body) {
			t.Fatalf("response echoes the body %q", body)
		}
	})
}
