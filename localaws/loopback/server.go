package loopback

import (
	"net/http"
	"time"
)

// Timeouts bound how long a connection may take to send a request and may
// stay idle. Zero fields take the defaults below.
type Timeouts struct {
	// ReadHeader is the time to read a request's headers; default 5 s.
	ReadHeader time.Duration
	// Read is the time to read a whole request, body included; default
	// 30 s, far more than a 4 MiB body needs on a local connection. It does
	// not bound the answer, so SQS long polls (up to 20 s) are unaffected.
	Read time.Duration
	// Idle is how long a keep-alive connection may wait for its next
	// request; default 2 min.
	Idle time.Duration
}

// Server returns an http.Server for h with the timeouts set, so that
// half-sent requests cannot hold connections and descriptors open. It
// does not guard h: wrap it with Guard first.
func Server(h http.Handler, t Timeouts) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: orDefault(t.ReadHeader, 5*time.Second),
		ReadTimeout:       orDefault(t.Read, 30*time.Second),
		IdleTimeout:       orDefault(t.Idle, 2*time.Minute),
	}
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
