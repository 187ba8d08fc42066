package payments_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/payments"
)

var t0 = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

// outcome flattens an Authorize result into something cmp can compare.
func outcome(tb testing.TB, a payments.Approval, err error) string {
	tb.Helper()
	var d *payments.Decline
	switch {
	case err == nil:
		return "approved " + a.AuthorizationID
	case errors.As(err, &d):
		return d.Code
	case errors.Is(err, payments.ErrTransient):
		return "transient"
	default:
		return "error: " + err.Error()
	}
}

// sequentialIDs returns an id generator yielding auth_1, auth_2, ...
func sequentialIDs() func() string {
	var mu sync.Mutex
	n := 0
	return func() string {
		mu.Lock()
		defer mu.Unlock()
		n++
		return fmt.Sprintf("auth_%d", n)
	}
}

func charge(orderID, number, expiry string) payments.Charge {
	return payments.Charge{
		OrderID: orderID, Amount: "100.00", Currency: "USD",
		Card: orders.CardSecret{Number: number, CVV: "123", Expiry: expiry, NameOnCard: "ADA LOVELACE"},
	}
}

func TestSimulatedCards(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		number string
		expiry string
		want   string
	}{
		{"approved test card", payments.CardApproved, "12/30", "approved auth_1"},
		{"approved with spaces", "4242 4242 4242 4242", "12/30", "approved auth_1"},
		{"declined", payments.CardDeclined, "12/30", orders.ErrorDeclined},
		{"insufficient funds", payments.CardInsufficientFunds, "12/30", orders.ErrorInsufficientFunds},
		{"expired test card", payments.CardExpired, "12/30", orders.ErrorCardExpired},
		{"transient processor error", payments.CardProcessorError, "12/30", "transient"},
		{"other Luhn-valid number", "5555555555554444", "12/30", "approved auth_1"},
		{"Luhn-invalid number", "1234123412341234", "12/30", orders.ErrorDeclined},
		{"expiry month already over", payments.CardApproved, "10/26", orders.ErrorCardExpired},
		{"expiry is the current month", payments.CardApproved, "11/26", "approved auth_1"},
		{"malformed expiry", payments.CardApproved, "XX/YY", orders.ErrorInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := payments.New(payments.Config{Clock: clock.NewFake(t0), NewID: sequentialIDs()})
			a, err := p.Authorize(context.Background(), charge("order-1", tt.number, tt.expiry))
			if diff := cmp.Diff(tt.want, outcome(t, a, err)); diff != "" {
				t.Errorf("outcome (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRandomMode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		roll float64
		want string
	}{
		{"heads approves", 0.1, "approved auth_1"},
		{"tails declines", 0.7, orders.ErrorDeclined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := payments.New(payments.Config{
				Mode: payments.ModeRandom, Clock: clock.NewFake(t0), NewID: sequentialIDs(),
				Random: func() float64 { return tt.roll },
			})
			// Random mode ignores the card entirely, as the original did.
			a, err := p.Authorize(context.Background(), charge("order-1", payments.CardDeclined, "01/20"))
			if diff := cmp.Diff(tt.want, outcome(t, a, err)); diff != "" {
				t.Errorf("outcome (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLedgerReplaysTheFirstResult(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		first, second string
		want          []string
		wantPerformed int
	}{
		{"approval is replayed", payments.CardApproved, payments.CardApproved,
			[]string{"approved auth_1", "approved auth_1"}, 1},
		{"decline is replayed even for another card", payments.CardDeclined, payments.CardApproved,
			[]string{orders.ErrorDeclined, orders.ErrorDeclined}, 1},
		{"transient failure is not remembered", payments.CardProcessorError, payments.CardApproved,
			[]string{"transient", "approved auth_1"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := payments.New(payments.Config{Clock: clock.NewFake(t0), NewID: sequentialIDs()})
			var got []string
			for _, number := range []string{tt.first, tt.second} {
				a, err := p.Authorize(context.Background(), charge("order-1", number, "12/30"))
				got = append(got, outcome(t, a, err))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("outcomes (-want +got):\n%s", diff)
			}
			if got := p.Performed(); got != tt.wantPerformed {
				t.Errorf("Performed() = %d, want %d", got, tt.wantPerformed)
			}
		})
	}
}

func TestConcurrentDuplicatesChargeOnce(t *testing.T) {
	t.Parallel()
	fake := clock.NewFake(t0)
	p := payments.New(payments.Config{Clock: fake, NewID: sequentialIDs(), Latency: 5 * time.Second})
	const n = 8
	got := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			a, err := p.Authorize(context.Background(), charge("order-dup", payments.CardApproved, "12/30"))
			got[i] = outcome(t, a, err)
		})
	}
	// Only the first attempt sleeps; the others wait for its result.
	if !fake.WaitForTimers(1, t.Context().Done()) {
		t.Fatal("no authorization started")
	}
	fake.Advance(5 * time.Second)
	wg.Wait()
	for i, g := range got {
		if g != "approved auth_1" {
			t.Errorf("caller %d got %q, want the single approval auth_1", i, g)
		}
	}
	if p.Performed() != 1 {
		t.Errorf("Performed() = %d, want 1", p.Performed())
	}
}

func TestLatencyHonoursCancellation(t *testing.T) {
	t.Parallel()
	fake := clock.NewFake(t0)
	p := payments.New(payments.Config{Clock: fake, Latency: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := p.Authorize(ctx, charge("order-slow", payments.CardApproved, "12/30"))
		errc <- err
	}()
	if !fake.WaitForTimers(1, t.Context().Done()) {
		t.Fatal("authorization never started waiting")
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("Authorize after cancel = %v, want context.Canceled", err)
	}
	if p.Performed() != 0 {
		t.Errorf("a cancelled authorization was counted as performed")
	}
}

func TestParseMode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    payments.Mode
		wantErr bool
	}{
		{"", payments.ModeSimulated, false},
		{"simulated", payments.ModeSimulated, false},
		{" Random ", payments.ModeRandom, false},
		{"coinflip", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := payments.ParseMode(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseMode(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestLast4(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"4242 4242 4242 4242": "4242", "4000-0000-0000-0119": "0119", "12": ""} {
		if got := payments.Last4(in); got != want {
			t.Errorf("Last4(%q) = %q, want %q", in, got, want)
		}
	}
}
