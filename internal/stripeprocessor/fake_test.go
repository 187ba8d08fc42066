package stripeprocessor_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// reply is one scripted answer of the fake Stripe.
type reply struct {
	status int
	body   string // JSON
	hang   bool   // answer nothing until the client gives up
	drop   bool   // close the connection without an answer
}

// fakeStripe answers the adapter's requests like Stripe: a PaymentMethod
// for every POST /v1/payment_methods, and the scripted replies, in order
// (the last one repeating), for every other request. It records the
// Idempotency-Key and path of each request.
type fakeStripe struct {
	srv *httptest.Server

	mu      sync.Mutex
	script  map[string][]reply // by "METHOD path"
	calls   []string           // "METHOD path key"
	served  map[string]int
	release chan struct{}
}

func newFakeStripe(tb testing.TB, script map[string][]reply) *fakeStripe {
	tb.Helper()
	f := &fakeStripe{script: script, served: map[string]int{}, release: make(chan struct{})}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	tb.Cleanup(func() {
		close(f.release)
		f.srv.Close()
	})
	return f
}

func (f *fakeStripe) serve(w http.ResponseWriter, r *http.Request) {
	route := r.Method + " " + r.URL.Path
	f.mu.Lock()
	f.calls = append(f.calls, route+" "+r.Header.Get("Idempotency-Key"))
	replies, ok := f.script[route]
	var rep reply
	switch {
	case ok:
		i := min(f.served[route], len(replies)-1)
		rep = replies[i]
		f.served[route]++
	case route == "POST /v1/payment_methods":
		rep = reply{status: 200, body: `{"id":"pm_fake","object":"payment_method","type":"card"}`}
	default:
		rep = reply{status: 404, body: `{"error":{"type":"invalid_request_error","message":"Unrecognized request URL."}}`}
	}
	f.mu.Unlock()
	if rep.drop {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	if rep.hang {
		select {
		case <-r.Context().Done():
		case <-f.release:
		}
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Request-Id", "req_fake")
	w.WriteHeader(rep.status)
	_, _ = w.Write([]byte(rep.body))
}

// callsTo returns the recorded "METHOD path key" lines for route.
func (f *fakeStripe) callsTo(route string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.calls {
		if strings.HasPrefix(c, route+" ") {
			out = append(out, c)
		}
	}
	return out
}

// stripeError reads one of testdata/errors.json's bodies, the error
// objects Stripe documents for each case.
func stripeError(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "errors.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		tb.Fatal(err)
	}
	body, ok := all[name]
	if !ok {
		tb.Fatalf("testdata/errors.json has no %q", name)
	}
	return string(body)
}

// intent is a PaymentIntent body with the given id and status.
func intent(id, status string) string {
	return `{"id":"` + id + `","object":"payment_intent","status":"` + status + `","amount":1000,"currency":"usd"}`
}
