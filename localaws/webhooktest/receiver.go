package webhooktest

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Request is one POST a Receiver was sent.
type Request struct {
	Header http.Header
	Body   []byte
}

// Receiver is a webhook listening on 127.0.0.1. It answers each POST with
// the next status of its script, and 200 once the script has run out.
type Receiver struct {
	// URL is where the receiver listens, without a path.
	URL string

	srv *httptest.Server
	got chan Request

	mu     sync.Mutex
	script []int
}

// NewReceiver starts a receiver that is closed when the test ends.
func NewReceiver(tb testing.TB, script ...int) *Receiver {
	tb.Helper()
	r := &Receiver{got: make(chan Request, 64), script: script}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	r.URL = r.srv.URL
	tb.Cleanup(r.srv.Close)
	return r
}

func (r *Receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	status := http.StatusOK
	if len(r.script) > 0 {
		status, r.script = r.script[0], r.script[1:]
	}
	r.mu.Unlock()
	r.got <- Request{Header: req.Header.Clone(), Body: body}
	w.WriteHeader(status)
}

// Next waits at most five seconds for the next request.
func (r *Receiver) Next(tb testing.TB) Request {
	tb.Helper()
	select {
	case p := <-r.got:
		return p
	case <-time.After(5 * time.Second):
		tb.Fatal("the webhook received nothing within 5 s")
	}
	return Request{}
}

// Received returns a request that arrives within d (or was already
// waiting), for checking that nothing more is sent.
func (r *Receiver) Received(d time.Duration) (Request, bool) {
	select {
	case p := <-r.got:
		return p, true
	case <-time.After(d):
		return Request{}, false
	}
}

// Confirm opens a SubscriptionConfirmation's SubscribeURL, as a receiver
// does to accept the subscription, and returns the confirmed
// subscription's ARN.
func Confirm(subscribeURL string) (string, error) {
	resp, err := http.Get(subscribeURL)
	if err != nil {
		return "", fmt.Errorf("open SubscribeURL: %w", err)
	}
	defer resp.Body.Close()
	var confirmed struct {
		Arn string `xml:"ConfirmSubscriptionResult>SubscriptionArn"`
	}
	if err := xml.NewDecoder(resp.Body).Decode(&confirmed); err != nil || resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("SubscribeURL answered %d (%v)", resp.StatusCode, err)
	}
	return confirmed.Arn, nil
}
