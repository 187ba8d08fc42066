package stack

import (
	"bytes"
	"net/http"
)

// inProcess is an http.RoundTripper that hands each request straight to
// the endpoint's handler, skipping the loopback socket. The hosted
// functions' SDK clients use it: requests are still built, signed and
// serialized by the real SDK and parsed by the emulators exactly as over
// TCP; only the bytes never touch the network stack. Clients outside the
// process (the AWS CLI, the tests' SDK clients) use the TCP listener.
type inProcess struct {
	handler http.Handler
}

// RoundTrip serves req in the calling goroutine. Cancelling the request's
// context reaches the handler through the server-side request, as a
// closed connection would.
func (t inProcess) RoundTrip(req *http.Request) (*http.Response, error) {
	server := req.Clone(req.Context())
	server.RequestURI = req.URL.RequestURI()
	server.RemoteAddr = "127.0.0.1:0"
	if server.Host == "" {
		server.Host = req.URL.Host
	}
	if server.Body == nil {
		server.Body = http.NoBody
	}
	w := &recorder{header: http.Header{}}
	t.handler.ServeHTTP(w, server)
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return &http.Response{
		Status:        http.StatusText(w.status),
		StatusCode:    w.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        w.header,
		Body:          readCloser{bytes.NewReader(w.body.Bytes())},
		ContentLength: int64(w.body.Len()),
		Request:       req,
	}, nil
}

// recorder is the server side of an in-process exchange.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(p)
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }
