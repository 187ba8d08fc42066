package simulator_test

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
	"github.com/payflow-dev/payflow/internal/simulator"
)

var t0 = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

// bounded returns a context that ends after a few seconds, so that a
// regression fails the test quickly instead of hanging it until go test's
// own timeout.
func bounded(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(tb.Context(), 5*time.Second)
	tb.Cleanup(cancel)
	return ctx
}

// waitDone waits for wg, or fails the test once ctx ends.
func waitDone(tb testing.TB, ctx context.Context, wg *sync.WaitGroup) {
	tb.Helper()
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		tb.Fatal("authorizations still running when the test's deadline passed")
	}
}

// outcome flattens an Authorize result into something cmp can compare.
func outcome(tb testing.TB, a orders.Approval, err error) string {
	tb.Helper()
	var d *orders.Decline
	switch {
	case err == nil:
		return "approved " + a.AuthorizationID
	case errors.As(err, &d):
		return d.Code
	case errors.Is(err, orders.ErrUnavailable):
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

func charge(orderID, number, expiry string) orders.Charge {
	return orders.Charge{
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
		{"approved test card", simulator.CardApproved, "12/30", "approved auth_1"},
		{"approved with spaces", "4242 4242 4242 4242", "12/30", "approved auth_1"},
		{"declined", simulator.CardDeclined, "12/30", orders.ErrorDeclined},
		{"insufficient funds", simulator.CardInsufficientFunds, "12/30", orders.ErrorInsufficientFunds},
		{"expired test card", simulator.CardExpired, "12/30", orders.ErrorCardExpired},
		{"transient processor error", simulator.CardProcessorError, "12/30", "transient"},
		{"other Luhn-valid number", "5555555555554444", "12/30", "approved auth_1"},
		{"Luhn-invalid number", "1234123412341234", "12/30", orders.ErrorDeclined},
		{"expiry month already over", simulator.CardApproved, "10/26", orders.ErrorCardExpired},
		{"expiry is the current month", simulator.CardApproved, "11/26", "approved auth_1"},
		{"malformed expiry", simulator.CardApproved, "XX/YY", orders.ErrorInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := simulator.New(simulator.Config{Clock: clock.NewFake(t0), NewID: sequentialIDs()})
			a, err := p.Authorize(bounded(t), charge("order-1", tt.number, tt.expiry))
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
			p := simulator.New(simulator.Config{
				Mode: simulator.ModeRandom, Clock: clock.NewFake(t0), NewID: sequentialIDs(),
				Random: func() float64 { return tt.roll },
			})
			// Random mode ignores the card entirely, as the original did.
			a, err := p.Authorize(bounded(t), charge("order-1", simulator.CardDeclined, "01/20"))
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
		{"approval is replayed", simulator.CardApproved, simulator.CardApproved,
			[]string{"approved auth_1", "approved auth_1"}, 1},
		{"decline is replayed even for another card", simulator.CardDeclined, simulator.CardApproved,
			[]string{orders.ErrorDeclined, orders.ErrorDeclined}, 1},
		{"transient failure is not remembered", simulator.CardProcessorError, simulator.CardApproved,
			[]string{"transient", "approved auth_1"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := simulator.New(simulator.Config{Clock: clock.NewFake(t0), NewID: sequentialIDs()})
			var got []string
			for _, number := range []string{tt.first, tt.second} {
				a, err := p.Authorize(bounded(t), charge("order-1", number, "12/30"))
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
	ctx := bounded(t)
	fake := clock.NewFake(t0)
	p := simulator.New(simulator.Config{Clock: fake, NewID: sequentialIDs(), Latency: 5 * time.Second})
	const n = 8
	got := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			a, err := p.Authorize(ctx, charge("order-dup", simulator.CardApproved, "12/30"))
			got[i] = outcome(t, a, err)
		})
	}
	// Only the first attempt sleeps; the others wait for its result.
	if !fake.WaitForTimers(1, ctx.Done()) {
		t.Fatal("no authorization started")
	}
	fake.Advance(5 * time.Second)
	waitDone(t, ctx, &wg)
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
	deadline := bounded(t)
	fake := clock.NewFake(t0)
	p := simulator.New(simulator.Config{Clock: fake, Latency: time.Minute})
	ctx, cancel := context.WithCancel(deadline)
	errc := make(chan error, 1)
	go func() {
		_, err := p.Authorize(ctx, charge("order-slow", simulator.CardApproved, "12/30"))
		errc <- err
	}()
	if !fake.WaitForTimers(1, deadline.Done()) {
		t.Fatal("authorization never started waiting")
	}
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Authorize after cancel = %v, want context.Canceled", err)
		}
	case <-deadline.Done():
		t.Fatal("Authorize did not return after cancel")
	}
	if p.Performed() != 0 {
		t.Errorf("a cancelled authorization was counted as performed")
	}
}

func TestParseMode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    simulator.Mode
		wantErr bool
	}{
		{"", simulator.ModeSimulated, false},
		{"simulated", simulator.ModeSimulated, false},
		{" Random ", simulator.ModeRandom, false},
		{"coinflip", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := simulator.ParseMode(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseMode(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestExpiryEndsAtTheExactInstant(t *testing.T) {
	t.Parallel()
	end := time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC) // "11/26" ends here
	tests := []struct {
		name string
		now  time.Time
		want string
	}{
		{"a nanosecond before", end.Add(-time.Nanosecond), "approved auth_1"},
		{"the instant it ends", end, orders.ErrorCardExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := simulator.New(simulator.Config{Clock: clock.NewFake(tt.now), NewID: sequentialIDs()})
			a, err := p.Authorize(bounded(t), charge("order-1", simulator.CardApproved, "11/26"))
			if diff := cmp.Diff(tt.want, outcome(t, a, err)); diff != "" {
				t.Errorf("outcome (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVoid(t *testing.T) {
	t.Parallel()
	ctx := bounded(t)
	p := simulator.New(simulator.Config{Clock: clock.NewFake(t0), NewID: sequentialIDs()})
	a, err := p.Authorize(ctx, charge("order-1", simulator.CardApproved, "12/30"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Authorize(ctx, charge("order-2", simulator.CardDeclined, "12/30")); err == nil {
		t.Fatal("declined card approved")
	}
	tests := []struct {
		name    string
		req     orders.VoidRequest
		wantErr bool
	}{
		{"the approval", orders.VoidRequest{OrderID: "order-1", AuthorizationID: a.AuthorizationID}, false},
		{"the approval again", orders.VoidRequest{OrderID: "order-1", AuthorizationID: a.AuthorizationID}, false},
		{"another order's id", orders.VoidRequest{OrderID: "order-2", AuthorizationID: a.AuthorizationID}, true},
		{"an unknown id", orders.VoidRequest{OrderID: "order-1", AuthorizationID: "auth_999"}, true},
		{"a declined order", orders.VoidRequest{OrderID: "order-2", AuthorizationID: ""}, true},
	}
	for _, tt := range tests {
		if err := p.Void(ctx, tt.req); (err != nil) != tt.wantErr {
			t.Errorf("%s: Void = %v, want error %v", tt.name, err, tt.wantErr)
		}
	}
	if !p.Voided(a.AuthorizationID) {
		t.Errorf("authorization %s not recorded as voided", a.AuthorizationID)
	}
}
