package simulator

import (
	"context"
	cryptorand "crypto/rand"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
)

// Config tells New how the processor decides and how slowly.
type Config struct {
	// Mode is ModeSimulated (test cards) or ModeRandom (coin flip). Empty
	// means ModeSimulated.
	Mode Mode
	// Clock supplies the time of approvals, the expiry check and the
	// artificial latency. Nil means the wall clock.
	Clock clock.Clock
	// Random returns a number in [0, 1) for ModeRandom. Nil means
	// math/rand/v2's Float64.
	Random func() float64
	// NewID returns a fresh authorization id. Nil means a random one.
	NewID func() string
	// Latency is how long every authorization takes, so that heartbeats can
	// be exercised. Zero means none.
	Latency time.Duration
}

// Processor authorizes and voids charges. It implements
// orders.PaymentProcessor and is safe for concurrent use.
type Processor struct {
	cfg Config

	mu     sync.Mutex
	ledger map[string]*ledgerEntry
	// performed counts authorizations actually decided, ledger replays
	// excluded: what a card network would bill.
	performed int
	// voided holds the authorization ids released by Void.
	voided map[string]bool
}

// ledgerEntry is the result for one orderId. done is closed once approval
// and err are set, so that a duplicate arriving while the first attempt is
// still running waits for it instead of charging again.
type ledgerEntry struct {
	done     chan struct{}
	approval orders.Approval
	err      error
}

// New returns a Processor with an empty ledger.
func New(cfg Config) *Processor {
	if cfg.Mode == "" {
		cfg.Mode = ModeSimulated
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	if cfg.Random == nil {
		cfg.Random = rand.Float64
	}
	if cfg.NewID == nil {
		cfg.NewID = func() string { return "auth_" + cryptorand.Text() }
	}
	return &Processor{cfg: cfg, ledger: make(map[string]*ledgerEntry), voided: make(map[string]bool)}
}

// Authorize decides a charge. A definitive result (an Approval or a
// *orders.Decline) is remembered under the charge's OrderID and returned
// again for every later charge with that OrderID, whatever its other
// fields; a transient failure or a cancelled context is not remembered, so
// a retry tries again.
func (p *Processor) Authorize(ctx context.Context, c orders.Charge) (orders.Approval, error) {
	if c.OrderID == "" {
		return orders.Approval{}, &orders.Decline{Code: orders.ErrorInvalidRequest, Reason: "the charge has no orderId"}
	}
	for {
		p.mu.Lock()
		e, seen := p.ledger[c.OrderID]
		if !seen {
			e = &ledgerEntry{done: make(chan struct{})}
			p.ledger[c.OrderID] = e
			p.mu.Unlock()
			return p.settle(ctx, c, e)
		}
		p.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return orders.Approval{}, ctx.Err()
		}
		if definitive(e.err) {
			return e.approval, e.err
		}
		// The first attempt did not conclude; it has left the ledger, so
		// this caller becomes the next attempt.
	}
}

// Void releases an approval this processor gave. Voiding again succeeds;
// voiding an authorization it never gave for that order is refused.
func (p *Processor) Void(_ context.Context, v orders.VoidRequest) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.ledger[v.OrderID]
	if !ok || !isDone(e) || e.err != nil || e.approval.AuthorizationID != v.AuthorizationID {
		return &orders.Decline{Code: orders.ErrorInvalidRequest, Reason: "no such authorization for this order"}
	}
	p.voided[v.AuthorizationID] = true
	return nil
}

// Performed reports how many authorizations the processor actually decided,
// replays from the ledger excluded.
func (p *Processor) Performed() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.performed
}

// Voided reports whether the authorization id was voided.
func (p *Processor) Voided(authorizationID string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.voided[authorizationID]
}

// settle runs the decision for a new ledger entry and publishes its result.
func (p *Processor) settle(ctx context.Context, c orders.Charge, e *ledgerEntry) (orders.Approval, error) {
	a, err := p.decide(ctx, c)
	p.mu.Lock()
	if definitive(err) {
		p.performed++
	} else {
		delete(p.ledger, c.OrderID)
	}
	e.approval, e.err = a, err
	close(e.done)
	p.mu.Unlock()
	return a, err
}

// isDone reports whether the entry has its result.
func isDone(e *ledgerEntry) bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}

// definitive reports whether err is an outcome worth remembering: approval
// or a decline, as opposed to "could not decide".
func definitive(err error) bool {
	var d *orders.Decline
	return err == nil || errors.As(err, &d)
}

// decide waits for the configured latency and applies the mode's rules.
func (p *Processor) decide(ctx context.Context, c orders.Charge) (orders.Approval, error) {
	if p.cfg.Latency > 0 && !clock.Sleep(p.cfg.Clock, p.cfg.Latency, ctx.Done()) {
		return orders.Approval{}, fmt.Errorf("authorize order %s: %w", c.OrderID, ctx.Err())
	}
	var err error
	switch p.cfg.Mode {
	case ModeRandom:
		err = p.flip()
	default:
		if c.PaymentMethod != "" {
			err = simulateToken(c.PaymentMethod)
			break
		}
		err = simulate(c.Card, p.cfg.Clock.Now())
	}
	if err != nil {
		return orders.Approval{}, err
	}
	return orders.Approval{AuthorizationID: p.cfg.NewID(), AuthorizedAt: p.cfg.Clock.Now().UTC()}, nil
}

// flip is the original walkthrough's behaviour: heads approves, tails
// declines.
func (p *Processor) flip() error {
	if p.cfg.Random() < 0.5 {
		return nil
	}
	return &orders.Decline{Code: orders.ErrorDeclined, Reason: "declined at random (PAYMENT_MODE=random)"}
}
