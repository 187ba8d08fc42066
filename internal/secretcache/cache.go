package secretcache

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/payflow-dev/payflow/clock"
)

// Defaults for Config's intervals.
const (
	// DefaultRefresh is how long a value is served before it is read
	// again: a rotated key reaches every environment within it.
	DefaultRefresh = 5 * time.Minute
	// DefaultMinInterval is the least time between two reads, whatever
	// Invalidate says, so a refused key cannot turn every payment into a
	// Secrets Manager call.
	DefaultMinInterval = 30 * time.Second
)

// Reader is the one Secrets Manager call the cache makes.
// *secretsmanager.Client satisfies it.
type Reader interface {
	GetSecretValue(ctx context.Context, in *secretsmanager.GetSecretValueInput, optFns ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
}

// Config tells New which secret to keep and how fresh.
type Config struct {
	// Reader reads the secret; required.
	Reader Reader
	// SecretID is the secret's name or ARN; required.
	SecretID string
	// Refresh is the longest a value is served without being read again;
	// zero means DefaultRefresh.
	Refresh time.Duration
	// MinInterval is the shortest time between two reads; zero means
	// DefaultMinInterval.
	MinInterval time.Duration
	// Clock tells the time; nil means the wall clock.
	Clock clock.Clock
}

// Cache holds the current value of one secret. It is safe for concurrent
// use; concurrent callers share one read.
type Cache struct {
	cfg Config

	mu      sync.Mutex
	value   string
	have    bool
	readAt  time.Time // last read attempt, successful or not
	expires time.Time // when the value must be read again
}

// New checks cfg and returns an empty Cache. It reads nothing yet.
func New(cfg Config) (*Cache, error) {
	if cfg.Reader == nil || cfg.SecretID == "" {
		return nil, errors.New("secretcache: Reader and SecretID are required")
	}
	if cfg.Refresh == 0 {
		cfg.Refresh = DefaultRefresh
	}
	if cfg.MinInterval == 0 {
		cfg.MinInterval = DefaultMinInterval
	}
	if cfg.Refresh < 0 || cfg.MinInterval < 0 || cfg.MinInterval > cfg.Refresh {
		return nil, fmt.Errorf("secretcache: want 0 <= MinInterval (%v) <= Refresh (%v)", cfg.MinInterval, cfg.Refresh)
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	return &Cache{cfg: cfg}, nil
}

// Value returns the secret's current string value. It reads Secrets
// Manager on first use, after Refresh, and after Invalidate (no sooner
// than MinInterval after the previous read). When a re-read fails, the
// value already held is served until the next attempt, so a Secrets
// Manager outage does not stop payments; only a cache that never read
// successfully returns the error.
func (c *Cache) Value(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.cfg.Clock.Now()
	if c.have && now.Before(c.expires) {
		return c.value, nil
	}
	if c.have && now.Sub(c.readAt) < c.cfg.MinInterval {
		return c.value, nil
	}
	c.readAt = now
	out, err := c.cfg.Reader.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(c.cfg.SecretID)})
	if err == nil && out.SecretString == nil {
		err = errors.New("the secret has no string value")
	}
	if err != nil {
		if c.have {
			return c.value, nil
		}
		return "", fmt.Errorf("read secret %s: %w", c.cfg.SecretID, err)
	}
	c.value, c.have = *out.SecretString, true
	c.expires = now.Add(c.cfg.Refresh)
	return c.value, nil
}

// Invalidate says the value was refused (a rotated or revoked key): the
// next Value reads it again, once MinInterval has passed since the last
// read.
func (c *Cache) Invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expires = time.Time{}
}
