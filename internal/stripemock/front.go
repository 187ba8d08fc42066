package stripemock

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// Request is one request the front passed to stripe-mock, as recorded
// when Config.Record is set.
type Request struct {
	Method         string
	Path           string
	IdempotencyKey string
	// Form is the decoded form body of a POST.
	Form url.Values
}

// front is a reverse proxy before stripe-mock. stripe-mock answers from
// fixtures and keeps no state, so a PaymentIntent it returns is always
// "requires_payment_method", even one created with confirm=true and a
// valid card. On Stripe, confirming with a test card that approves
// (4242 4242 4242 4242, pm_card_visa) gives "succeeded" under automatic
// capture and "requires_capture" under manual capture, and cancelling
// gives "canceled". The front rewrites only that status field, so the
// adapter can be run end to end; everything else, request validation
// included, is stripe-mock's.
type front struct {
	proxy  *httputil.ReverseProxy
	record bool

	mu       sync.Mutex
	requests []Request
}

// formKey carries a request's parsed form from ServeHTTP to the response
// rewriter.
type formKey struct{}

// intentAction names what a POST path does to a PaymentIntent: "create",
// "confirm", "cancel", or "" for anything else.
func intentAction(path string) string {
	if path == "/v1/payment_intents" {
		return "create"
	}
	rest, ok := strings.CutPrefix(path, "/v1/payment_intents/")
	if !ok {
		return ""
	}
	id, action, ok := strings.Cut(rest, "/")
	if !ok || id == "" || strings.Contains(action, "/") {
		return ""
	}
	switch action {
	case "confirm", "cancel":
		return action
	}
	return ""
}

func newFront(target *url.URL, record bool) *front {
	f := &front{record: record}
	f.proxy = &httputil.ReverseProxy{
		Rewrite:        func(pr *httputil.ProxyRequest) { pr.SetURL(target) },
		ModifyResponse: f.rewrite,
	}
	return f
}

// ServeHTTP records the request when asked to and passes it on.
func (f *front) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var form url.Values
	if r.Method == http.MethodPost && r.Body != nil {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "read body", http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		form, _ = url.ParseQuery(string(body))
	}
	if f.record {
		f.mu.Lock()
		f.requests = append(f.requests, Request{
			Method: r.Method, Path: r.URL.Path, IdempotencyKey: r.Header.Get("Idempotency-Key"), Form: form,
		})
		f.mu.Unlock()
	}
	f.proxy.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), formKey{}, form)))
}

// rewrite sets the status a real PaymentIntent would have after confirm or
// cancel.
func (f *front) rewrite(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK || resp.Request.Method != http.MethodPost {
		return nil
	}
	form, _ := resp.Request.Context().Value(formKey{}).(url.Values)
	path := resp.Request.URL.Path
	status := ""
	switch {
	case intentAction(path) == "create" && form.Get("confirm") == "true", intentAction(path) == "confirm":
		status = "succeeded"
		if form.Get("capture_method") == "manual" {
			status = "requires_capture"
		}
	case intentAction(path) == "cancel":
		status = "canceled"
	default:
		return nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		return err
	}
	doc["status"] = status
	if md := formMetadata(form); len(md) > 0 {
		doc["metadata"] = md
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	resp.Body = io.NopCloser(bytes.NewReader(out))
	resp.ContentLength = int64(len(out))
	resp.Header.Set("Content-Length", strconv.Itoa(len(out)))
	return nil
}

// formMetadata returns the metadata[...] entries of a form, which Stripe
// echoes in the object and stripe-mock leaves out.
func formMetadata(form url.Values) map[string]string {
	md := map[string]string{}
	for k, v := range form {
		if name, ok := strings.CutPrefix(k, "metadata["); ok && strings.HasSuffix(name, "]") && len(v) > 0 {
			md[strings.TrimSuffix(name, "]")] = v[0]
		}
	}
	return md
}

// recorded returns a copy of the requests recorded so far.
func (f *front) recorded() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.requests...)
}
