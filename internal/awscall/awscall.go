package awscall

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// Options are the bounds. Zero fields take the defaults below.
type Options struct {
	// AttemptTimeout bounds one HTTP attempt, from sending the request to
	// reading the whole response.
	AttemptTimeout time.Duration
	// MaxAttempts counts the first attempt.
	MaxAttempts int
	// MaxBackoff caps the jittered wait between attempts.
	MaxBackoff time.Duration
}

// Defaults: Step Functions StartExecution and KMS answer in tens of
// milliseconds, so 2 s is an attempt that went wrong; three attempts with
// at most 200 ms between them fit a 6 s request budget.
const (
	DefaultAttemptTimeout = 2 * time.Second
	DefaultMaxAttempts    = 3
	DefaultMaxBackoff     = 200 * time.Millisecond
)

// Configure returns a copy of cfg whose clients time out each attempt and
// retry with the standard retryer (retryable errors, throttling, the retry
// quota that stops retry storms) within the given bounds.
func Configure(cfg aws.Config, o Options) aws.Config {
	if o.AttemptTimeout <= 0 {
		o.AttemptTimeout = DefaultAttemptTimeout
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	out := cfg.Copy()
	next := cfg.HTTPClient
	if next == nil {
		next = http.DefaultClient
	}
	out.HTTPClient = attemptClient{next: next, timeout: o.AttemptTimeout}
	out.Retryer = func() aws.Retryer {
		return retry.NewStandard(func(so *retry.StandardOptions) {
			so.MaxAttempts = o.MaxAttempts
			so.MaxBackoff = o.MaxBackoff
		})
	}
	return out
}

// attemptClient gives each HTTP attempt its own deadline. It works with
// any aws.HTTPClient, including the local stack's in-process transport.
type attemptClient struct {
	next    aws.HTTPClient
	timeout time.Duration
}

// Do sends one attempt; the deadline also covers reading the body.
func (c attemptClient) Do(r *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(r.Context(), c.timeout)
	resp, err := c.next.Do(r.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelOnClose releases the attempt's timer once the SDK has read the
// response.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
