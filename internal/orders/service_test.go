package orders_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
)

const testStateMachine = "arn:aws:states:us-east-1:123456789012:stateMachine:Payment"

// fixture is a Service wired to fakes that a test can inspect.
type fixture struct {
	svc   *orders.Service
	execs *orderstest.Workflows
	keys  *orderstest.Keys
	vault *orderstest.Vault
	clock *clock.Fake
}

func newFixture(tb testing.TB) fixture {
	tb.Helper()
	return newFixtureWith(tb, orderstest.NewKeys("test"))
}

func newFixtureWith(tb testing.TB, keys *orderstest.Keys) fixture {
	tb.Helper()
	clk := clock.NewFake(testNow)
	execs := orderstest.NewWorkflows(testStateMachine, clk)
	vault := orderstest.NewVault()
	svc, err := orders.NewService(orders.Config{
		Workflows: execs, Sealer: keys, Digester: keys, Vault: vault, Validator: orders.NewValidator(clk), Clock: clk,
	})
	if err != nil {
		tb.Fatalf("NewService: %v", err)
	}
	return fixture{svc: svc, execs: execs, keys: keys, vault: vault, clock: clk}
}

func TestPlaceStartsOneSealedExecution(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	got, err := f.svc.Place(context.Background(), validOrder())
	if err != nil {
		t.Fatalf("Place: %v", err)
	}
	want := orders.Placement{
		OrderID:       "order-1234567",
		ExecutionARN:  "arn:aws:states:us-east-1:123456789012:execution:Payment:order-1234567",
		Status:        orders.ExecutionRunning,
		PaymentStatus: orders.PaymentPending,
		StartDate:     testNow,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Place() mismatch (-want +got):\n%s", diff)
	}

	inputs := f.execs.Inputs()
	if len(inputs) != 1 {
		t.Fatalf("StartPayment called %d times, want 1", len(inputs))
	}
	var req orders.PaymentRequest
	if err := json.Unmarshal([]byte(inputs[0]), &req); err != nil {
		t.Fatalf("execution input is not a PaymentRequest: %v", err)
	}
	if req.RequestDigest == "" || req.VaultRef == "" {
		t.Fatalf("execution input lacks digest or vault reference: %s", inputs[0])
	}
	ref := req.VaultRef
	req.RequestDigest, req.VaultRef = "", ""
	wantReq := orders.PaymentRequest{
		OrderID: "order-1234567", CustomerID: "98766", OrderDate: "2026-11-25",
		Amount: "100.00", Currency: "USD",
		Card: orders.CardRef{Brand: orders.BrandVisa, Last4: "4242"},
	}
	if diff := cmp.Diff(wantReq, req); diff != "" {
		t.Errorf("execution input mismatch (-want +got):\n%s", diff)
	}

	entries := f.vault.Entries()
	if len(entries) != 1 || entries[0].OrderID != "order-1234567" || entries[0].Ref != ref ||
		!entries[0].ExpiresAt.Equal(testNow.Add(orders.DefaultVaultTTL)) {
		t.Fatalf("vault = %+v, want one entry under the execution's reference, expiring after the vault TTL", entries)
	}
	blob := entries[0].Sealed
	secret, err := f.keys.OpenCard(context.Background(), "order-1234567", blob)
	if err != nil {
		t.Fatalf("open sealed card: %v", err)
	}
	wantSecret := orders.CardSecret{Number: "4242424242424242", CVV: "123", Expiry: "12/28", NameOnCard: "FIRSTNAME LASTNAME"}
	if diff := cmp.Diff(wantSecret, secret); diff != "" {
		t.Errorf("sealed card mismatch (-want +got):\n%s", diff)
	}
	if _, err := f.keys.OpenCard(context.Background(), "another-order", blob); !errors.Is(err, orders.ErrCardUnreadable) {
		t.Errorf("sealed card opened for another order: %v", err)
	}
}

func TestPlaceAgain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		finish   bool // end the first execution before placing again
		mutate   func(*orders.Order)
		conflict bool
	}{
		{"identical while running", false, func(*orders.Order) {}, false},
		{"identical once paid", true, func(*orders.Order) {}, false},
		{"same order typed differently", true, func(o *orders.Order) {
			o.CreditCardNumber = "4242-4242-4242-4242"
			o.Amount = "100.00"
			o.Currency = ""
		}, false},
		{"different amount", true, func(o *orders.Order) { o.Amount = "100.01" }, true},
		{"different amount while running", false, func(o *orders.Order) { o.Amount = "100.01" }, true},
		{"different card", true, func(o *orders.Order) { o.CreditCardNumber = "4000 0000 0000 0002" }, true},
		{"another cvv", true, func(o *orders.Order) { o.CVV = "124" }, false},
		{"another cvv while running", false, func(o *orders.Order) { o.CVV = "9876" }, false},
		{"different customer", true, func(o *orders.Order) { o.CustomerID = "other" }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// Sealing is deterministic here, so nothing but the vault
			// reference tells two placements' inputs apart.
			f := newFixtureWith(t, orderstest.NewDeterministicKeys("test"))
			first, err := f.svc.Place(context.Background(), validOrder())
			if err != nil {
				t.Fatalf("first Place: %v", err)
			}
			want := first
			want.Replayed = true
			if tt.finish {
				if err := f.execs.Finish(first.OrderID, orders.ExecutionSucceeded, "", ""); err != nil {
					t.Fatal(err)
				}
				want.Status, want.PaymentStatus = orders.ExecutionSucceeded, orders.PaymentPaid
			}
			again := validOrder()
			tt.mutate(&again)
			got, err := f.svc.Place(context.Background(), again)
			if tt.conflict {
				if !errors.Is(err, orders.ErrConflict) {
					t.Fatalf("second Place error = %v, want ErrConflict", err)
				}
				if n := len(f.vault.Entries()); n != 1 {
					t.Errorf("vault holds %d entries after a conflict, want only the first placement's", n)
				}
				return
			}
			if err != nil {
				t.Fatalf("second Place: %v", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("replay mismatch (-want +got):\n%s", diff)
			}
			if n := len(f.vault.Entries()); n != 1 {
				t.Errorf("vault holds %d entries after a replay, want only the first placement's", n)
			}
		})
	}
}

// TestReplayWithoutOwnVaultRefWouldPassAsNew shows why every placement
// carries its own vault reference: with a fixed reference, a second Place of a running order has the very same input, Step
// Functions (and the fake) hand back the running execution as if it were
// new, and the client is told 202 for a replay.
func TestReplayWithoutOwnVaultRefWouldPassAsNew(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(testNow)
	execs := orderstest.NewWorkflows(testStateMachine, clk)
	keys := orderstest.NewDeterministicKeys("test")
	svc, err := orders.NewService(orders.Config{
		Workflows: execs, Sealer: keys, Digester: keys, Vault: orderstest.NewVault(), Validator: orders.NewValidator(clk), Clock: clk,
		NewVaultRef: func() string { return "always-the-same" },
	})
	if err != nil {
		t.Fatal(err)
	}
	first, err := svc.Place(context.Background(), validOrder())
	if err != nil {
		t.Fatal(err)
	}
	second, err := svc.Place(context.Background(), validOrder())
	if err != nil {
		t.Fatal(err)
	}
	if second.Replayed || second.ExecutionARN != first.ExecutionARN {
		t.Fatalf("second Place = %+v; the fake no longer models Step Functions' idempotent start", second)
	}
	inputs := execs.Inputs()
	if len(inputs) != 2 || inputs[0] != inputs[1] {
		t.Fatalf("inputs = %q, want the same input twice", inputs)
	}
}

func TestPlaceOverHandStartedExecutionConflicts(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	o := validOrder()
	f.execs.Put(o.OrderID, `{"orderId":"order-1234567","amount":100,"creditCardNumber":"1234 1234 1234 1234"}`)
	if _, err := f.svc.Place(context.Background(), o); !errors.Is(err, orders.ErrConflict) {
		t.Fatalf("Place error = %v, want ErrConflict", err)
	}
}

func TestPlaceInvalidStartsNothing(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	o := validOrder()
	o.CreditCardNumber = "1234 1234 1234 1234"
	if _, err := f.svc.Place(context.Background(), o); !errors.Is(err, orders.ErrInvalid) {
		t.Fatalf("Place error = %v, want ErrInvalid", err)
	}
	if n := len(f.execs.Inputs()); n != 0 {
		t.Errorf("StartPayment called %d times, want 0", n)
	}
}

func TestPlaceKeepsTheKindOfPortErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		execErr error
		keysErr error
		wantErr error
	}{
		{"workflows unavailable", fmt.Errorf("start: throttled: %w", orders.ErrUnavailable), nil, orders.ErrUnavailable},
		{"workflows refused", fmt.Errorf("start: access denied: %w", orders.ErrUpstream), nil, orders.ErrUpstream},
		{"keys unavailable", nil, fmt.Errorf("kms: throttled: %w", orders.ErrUnavailable), orders.ErrUnavailable},
		{"keys refused", nil, fmt.Errorf("kms: disabled key: %w", orders.ErrUpstream), orders.ErrUpstream},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			f.execs.FailWith(tt.execErr)
			f.keys.FailWith(tt.keysErr)
			_, err := f.svc.Place(context.Background(), validOrder())
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Place error = %v, want %v", err, tt.wantErr)
			}
			if n := len(f.vault.Entries()); n != 0 {
				t.Errorf("a failed Place left %d cards in the vault", n)
			}
		})
	}
}

func TestNewServiceRefusesIncompleteConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(*orders.Config)
	}{
		{"no workflows", func(c *orders.Config) { c.Workflows = nil }},
		{"no sealer", func(c *orders.Config) { c.Sealer = nil }},
		{"no digester", func(c *orders.Config) { c.Digester = nil }},
		{"no validator", func(c *orders.Config) { c.Validator = nil }},
		{"no vault", func(c *orders.Config) { c.Vault = nil }},
		{"no clock", func(c *orders.Config) { c.Clock = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(testNow)
			keys := orderstest.NewKeys("test")
			cfg := orders.Config{
				Workflows: orderstest.NewWorkflows(testStateMachine, clk), Sealer: keys, Digester: keys,
				Vault: orderstest.NewVault(), Validator: orders.NewValidator(clk), Clock: clk,
			}
			tt.mutate(&cfg)
			if svc, err := orders.NewService(cfg); err == nil {
				t.Fatalf("NewService() = %v, nil; want an error", svc)
			}
		})
	}
}
