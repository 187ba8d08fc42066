package stripeprocessor

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/stripe/stripe-go/v82"

	"github.com/payflow-dev/payflow/clock"
)

// Capture says when Stripe moves the money.
type Capture string

// The capture methods Config accepts.
const (
	// CaptureAutomatic charges the card when the PaymentIntent is
	// confirmed: the authorization is the payment.
	CaptureAutomatic Capture = "automatic"
	// CaptureManual only authorizes: the shop captures the PaymentIntent
	// later (for example when it ships), or it lapses after about 7 days.
	CaptureManual Capture = "manual"
)

// Defaults for Config's deadlines, chosen well inside the callback
// function's 60-second timeout (and its 20-second heartbeat): one attempt
// may take AttemptTimeout, and a whole call, stripe-go's own retries and
// their back-off included, CallTimeout.
const (
	DefaultAttemptTimeout = 10 * time.Second
	DefaultCallTimeout    = 25 * time.Second
	DefaultMaxRetries     = 2
)

// KeySource supplies the Stripe secret key. *secretcache.Cache satisfies
// it. Invalidate is called when Stripe refuses the key, so that a rotated
// key is read again.
type KeySource interface {
	Value(ctx context.Context) (string, error)
	Invalidate()
}

// StaticKey is a KeySource for a key known at start-up, such as
// stripe-mock's "sk_test_123".
type StaticKey string

// Value returns the key.
func (k StaticKey) Value(context.Context) (string, error) { return string(k), nil }

// Invalidate does nothing: there is nothing to read again.
func (StaticKey) Invalidate() {}

// Config configures a Processor.
type Config struct {
	// Key supplies the secret key; required.
	Key KeySource
	// BaseURL is Stripe's API; empty means https://api.stripe.com. Tests
	// and `make run` point it at stripe-mock.
	BaseURL string
	// HTTPClient makes the requests; nil means a client whose Timeout is
	// AttemptTimeout.
	HTTPClient *http.Client
	// AttemptTimeout bounds one HTTP request; zero means
	// DefaultAttemptTimeout.
	AttemptTimeout time.Duration
	// CallTimeout bounds Authorize and Void as a whole; zero means
	// DefaultCallTimeout.
	CallTimeout time.Duration
	// MaxRetries is how often stripe-go retries a request that failed in
	// a way Stripe calls safe to retry (connection errors, 409, 5xx), with
	// the same Idempotency-Key; negative means none, zero means
	// DefaultMaxRetries.
	MaxRetries int
	// NoRetryDelay skips stripe-go's back-off between retries, for tests.
	NoRetryDelay bool
	// Capture is CaptureAutomatic (empty) or CaptureManual.
	Capture Capture
	// Clock stamps approvals; nil means the wall clock.
	Clock clock.Clock
	// Logger receives one line per Stripe outcome (ids and codes, never
	// card data or the key); nil discards.
	Logger *slog.Logger
}

// Processor charges cards through Stripe. It is safe for concurrent use.
type Processor struct {
	cfg      Config
	backends *stripe.Backends
	log      *slog.Logger

	mu     sync.Mutex
	key    string
	client *stripe.Client
}

// New checks cfg and returns a Processor. It makes no request.
func New(cfg Config) (*Processor, error) {
	if cfg.Key == nil {
		return nil, errors.New("stripeprocessor: Key is required")
	}
	switch cfg.Capture {
	case "":
		cfg.Capture = CaptureAutomatic
	case CaptureAutomatic, CaptureManual:
	default:
		return nil, fmt.Errorf("stripeprocessor: capture %q is neither %q nor %q", cfg.Capture, CaptureAutomatic, CaptureManual)
	}
	if cfg.AttemptTimeout == 0 {
		cfg.AttemptTimeout = DefaultAttemptTimeout
	}
	if cfg.CallTimeout == 0 {
		cfg.CallTimeout = DefaultCallTimeout
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = 0
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: cfg.AttemptTimeout}
	}
	bc := &stripe.BackendConfig{
		HTTPClient:        cfg.HTTPClient,
		MaxNetworkRetries: stripe.Int64(int64(cfg.MaxRetries)),
		// stripe-go's own logging is off: this package logs the outcome
		// once, with what it chooses to show.
		LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull},
	}
	if cfg.BaseURL != "" {
		bc.URL = stripe.String(strings.TrimSuffix(cfg.BaseURL, "/"))
	}
	api := stripe.GetBackendWithConfig(stripe.APIBackend, bc)
	if impl, ok := api.(*stripe.BackendImplementation); ok && cfg.NoRetryDelay {
		impl.SetNetworkRetriesSleep(false)
	}
	p := &Processor{
		cfg:      cfg,
		backends: &stripe.Backends{API: api, Connect: api, Uploads: api, MeterEvents: api},
		log:      cfg.Logger,
	}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	return p, nil
}

// stripeClient returns a client for the current key, keeping one client
// per key so that a rotated key gets a fresh one.
func (p *Processor) stripeClient(ctx context.Context) (*stripe.Client, error) {
	key, err := p.cfg.Key.Value(ctx)
	if err != nil {
		return nil, transient("read the Stripe secret key: %v", err)
	}
	if key == "" {
		return nil, transient("the Stripe secret key is empty")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.client == nil || key != p.key {
		p.key, p.client = key, stripe.NewClient(key, stripe.WithBackends(p.backends))
	}
	return p.client, nil
}
