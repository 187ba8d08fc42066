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

	"github.com/payflow-dev/payflow/internal/logtest"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/internal/orders"
)

// call is one answer the handler gave the workflow.
type call struct {
	Op, Token, Output, Error, Cause string
}

// fakeTasks records answers and fails them with errFor, when set.
type fakeTasks struct {
	mu     sync.Mutex
	calls  []call
	errFor func(op, token string) error
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

func (f *fakeTasks) Succeed(_ context.Context, token string, a orders.Authorization) error {
	output, err := json.Marshal(a)
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
