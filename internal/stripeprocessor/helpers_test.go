package stripeprocessor_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/stripeprocessor"
)

var now = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// keys is a KeySource that counts how often the key was refused.
type keys struct {
	key         string
	invalidated atomic.Int32
}

func (k *keys) Value(_ context.Context) (string, error) { return k.key, nil }
func (k *keys) Invalidate()                             { k.invalidated.Add(1) }

// newProcessor returns a Processor against baseURL with short deadlines
// and no back-off between retries.
func newProcessor(tb testing.TB, baseURL string, k stripeprocessor.KeySource, mod func(*stripeprocessor.Config)) *stripeprocessor.Processor {
	tb.Helper()
	cfg := stripeprocessor.Config{
		Key: k, BaseURL: baseURL, NoRetryDelay: true, Clock: clock.NewFake(now),
		AttemptTimeout: 2 * time.Second, CallTimeout: 5 * time.Second,
	}
	if mod != nil {
		mod(&cfg)
	}
	p, err := stripeprocessor.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func charge(orderID, amount, currency string) orders.Charge {
	return orders.Charge{
		OrderID: orderID, Amount: amount, Currency: currency,
		Card: orders.CardSecret{Number: "4242424242424242", CVV: "123", Expiry: "12/30", NameOnCard: "JANE DOE"},
	}
}

// declineCode returns the workflow error of a *orders.Decline, or "" for
// any other error.
func declineCode(err error) (code, reason string) {
	var d *orders.Decline
	if errors.As(err, &d) {
		return d.Code, d.Reason
	}
	return "", ""
}
