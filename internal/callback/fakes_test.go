package callback_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
)

// call is one answer the handler gave the workflow.
type call struct {
	Op, Token, Output, Error, Cause string
}

// fakeTasks records answers and fails them with errFor, when set.
// ExecutionStatus answers status, or FAILED when it is empty.
type fakeTasks struct {
	mu     sync.Mutex
	calls  []call
	errFor func(op, token string) error
	status string
}

func (f *fakeTasks) ExecutionStatus(context.Context, string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.status == "" {
		return "FAILED", nil
	}
	return f.status, nil
}

func (f *fakeTasks) record(c call) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, c)
	if f.errFor != nil {
		return f.errFor(c.Op, c.Token)
	}
	return nil
}

// Succeed records the authorization without its notification, which
// tests check on their own; a paid notification must name the order.
func (f *fakeTasks) Succeed(_ context.Context, token string, a orders.Authorization) error {
	if a.Notification.OrderID == "" || a.Notification.Status != orders.PaymentPaid {
		return fmt.Errorf("authorization without its paid notification: %+v", a)
	}
	output, err := json.Marshal(struct{ Status, AuthorizationID, AuthorizedAt string }{a.Status, a.AuthorizationID, a.AuthorizedAt})
	if err != nil {
		return err
	}
	return f.record(call{Op: "SendTaskSuccess", Token: token, Output: string(output)})
}

func (f *fakeTasks) Fail(_ context.Context, token, errName, cause string) error {
	return f.record(call{Op: "SendTaskFailure", Token: token, Error: errName, Cause: cause})
}

func (f *fakeTasks) Heartbeat(_ context.Context, token string) error {
	return f.record(call{Op: "SendTaskHeartbeat", Token: token})
}

// sortedCalls returns the calls in a canonical order, since records of a
// batch are processed concurrently.
func (f *fakeTasks) sortedCalls() []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := slices.Clone(f.calls)
	// Heartbeats come first and answers last, as they happen per message.
	rank := map[string]int{"SendTaskHeartbeat": 0, "SendTaskSuccess": 1, "SendTaskFailure": 1}
	slices.SortStableFunc(out, func(a, b call) int {
		if c := strings.Compare(a.Token, b.Token); c != 0 {
			return c
		}
		return rank[a.Op] - rank[b.Op]
	})
	return out
}

func (f *fakeTasks) count(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c.Op == op {
			n++
		}
	}
	return n
}

// closed is how the adapter reports a task the workflow no longer waits on.
func closed(why string) error {
	return fmt.Errorf("send task: %s: %w", why, orders.ErrTaskClosed)
}

// fakeCards opens the fixtures' sealed cards, base64 of
// "fakekms:<orderId>:<CardSecret JSON>", and, like KMS, refuses with
// ErrCardUnreadable when they were sealed for another order. errFor, when
// set, can fail an OpenCard by orderId first.
type fakeCards struct {
	errFor func(orderID string) error
}

func (f *fakeCards) OpenCard(_ context.Context, orderID string, sealed []byte) (orders.CardSecret, error) {
	if f.errFor != nil {
		if err := f.errFor(orderID); err != nil {
			return orders.CardSecret{}, err
		}
	}
	rest, ok := bytes.CutPrefix(sealed, []byte("fakekms:"))
	sealedFor, secret, found := bytes.Cut(rest, []byte(":"))
	if !ok || !found || string(sealedFor) != orderID {
		return orders.CardSecret{}, fmt.Errorf("open card: invalid ciphertext: %w", orders.ErrCardUnreadable)
	}
	var card orders.CardSecret
	if err := json.Unmarshal(secret, &card); err != nil {
		return orders.CardSecret{}, fmt.Errorf("open card: %w", orders.ErrCardUnreadable)
	}
	return card, nil
}

// fakeCharges is an in-memory charge record with the adapter's
// conditional semantics.
// fakeCharges keeps charge records in memory; Settle deletes the card
// from vault, as the real one does in the same write.
type fakeCharges struct {
	mu      sync.Mutex
	records map[string]orders.ChargeRecord
	vault   *orderstest.Vault
	err     error
}

func newFakeCharges(vault *orderstest.Vault) *fakeCharges {
	return &fakeCharges{records: map[string]orders.ChargeRecord{}, vault: vault}
}

func (f *fakeCharges) Claim(_ context.Context, orderID, claimant string, now, leaseUntil time.Time) (orders.ChargeRecord, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return orders.ChargeRecord{}, false, f.err
	}
	old, ok := f.records[orderID]
	if ok && !(old.State == orders.ChargeClaimed && old.LeaseUntil.Before(now)) {
		return old, false, nil
	}
	rec := orders.ChargeRecord{OrderID: orderID, State: orders.ChargeClaimed, Claimant: claimant, LeaseUntil: leaseUntil, UpdatedAt: now}
	f.records[orderID] = rec
	return rec, true, nil
}

func (f *fakeCharges) Settle(ctx context.Context, rec orders.ChargeRecord, vaultRef string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	old, ok := f.records[rec.OrderID]
	if !ok || old.State != orders.ChargeClaimed || old.Claimant != rec.Claimant {
		return fmt.Errorf("settle: claim lost: %w", orders.ErrConflict)
	}
	if vaultRef != "" {
		if err := f.vault.DeleteCard(ctx, rec.OrderID, vaultRef); err != nil {
			return fmt.Errorf("settle: %w", err)
		}
	}
	f.records[rec.OrderID] = rec
	return nil
}

func (f *fakeCharges) Release(_ context.Context, orderID, claimant string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if old, ok := f.records[orderID]; ok && old.State == orders.ChargeClaimed && old.Claimant == claimant {
		delete(f.records, orderID)
	}
	return nil
}

func (f *fakeCharges) MarkVoided(_ context.Context, orderID string, at time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	old, ok := f.records[orderID]
	if !ok || (old.State != orders.ChargeApproved && old.State != orders.ChargeVoided) {
		return fmt.Errorf("mark voided: %w", orders.ErrConflict)
	}
	old.State, old.UpdatedAt = orders.ChargeVoided, at
	f.records[orderID] = old
	return nil
}

func (f *fakeCharges) get(orderID string) orders.ChargeRecord {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.records[orderID]
}

// fakeNotifier records notifications.
type fakeNotifier struct {
	mu    sync.Mutex
	notes []orders.Notification
}

func (f *fakeNotifier) Notify(_ context.Context, n orders.Notification) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.notes = append(f.notes, n)
	return nil
}

func (f *fakeNotifier) all() []orders.Notification {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.notes)
}

// stockVault puts in v the sealed cards every fixture lists under "vault",
// valid for an hour after t0.
func stockVault(tb testing.TB, v *orderstest.Vault) {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		var fixture struct{ Vault map[string][]byte }
		if err := json.Unmarshal(data, &fixture); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		for key, sealed := range fixture.Vault {
			orderID, ref, _ := strings.Cut(key, "/")
			err := v.PutCard(context.Background(), orders.VaultEntry{OrderID: orderID, Ref: ref, Sealed: sealed, ExpiresAt: t0.Add(time.Hour)})
			if err != nil {
				tb.Fatal(err)
			}
		}
	}
}

// loadEvent reads an SQS event from testdata.
func loadEvent(tb testing.TB, name string) events.SQSEvent {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	var ev events.SQSEvent
	if err := json.Unmarshal(data, &ev); err != nil {
		tb.Fatalf("decode %s: %v", name, err)
	}
	return ev
}

// testLogger logs JSON at debug level without timestamps, so that what is
// searched is only what the handler chose to log.
func testLogger(w *logtest.Buffer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
}
