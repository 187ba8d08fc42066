package callback_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/payflow-dev/payflow/internal/logtest"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
)

// call is one request the handler made to Step Functions.
type call struct {
	Op, Token, Output, Error, Cause string
}

// fakeTasks records Send* calls and answers them with errFor, when set.
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

func (f *fakeTasks) SendTaskSuccess(_ context.Context, in *sfn.SendTaskSuccessInput, _ ...func(*sfn.Options)) (*sfn.SendTaskSuccessOutput, error) {
	return &sfn.SendTaskSuccessOutput{}, f.record(call{Op: "SendTaskSuccess", Token: aws.ToString(in.TaskToken), Output: aws.ToString(in.Output)})
}

func (f *fakeTasks) SendTaskFailure(_ context.Context, in *sfn.SendTaskFailureInput, _ ...func(*sfn.Options)) (*sfn.SendTaskFailureOutput, error) {
	return &sfn.SendTaskFailureOutput{}, f.record(call{Op: "SendTaskFailure", Token: aws.ToString(in.TaskToken), Error: aws.ToString(in.Error), Cause: aws.ToString(in.Cause)})
}

func (f *fakeTasks) SendTaskHeartbeat(_ context.Context, in *sfn.SendTaskHeartbeatInput, _ ...func(*sfn.Options)) (*sfn.SendTaskHeartbeatOutput, error) {
	return &sfn.SendTaskHeartbeatOutput{}, f.record(call{Op: "SendTaskHeartbeat", Token: aws.ToString(in.TaskToken)})
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

// fakeKMS opens the fixtures' sealed cards, base64 of
// "fakekms:<orderId>:<CardSecret JSON>", and, like KMS, refuses with
// InvalidCiphertextException when the encryption context names another
// order. errFor, when set, can fail a Decrypt by orderId first.
type fakeKMS struct {
	errFor func(orderID string) error
}

func (f *fakeKMS) Decrypt(_ context.Context, in *kms.DecryptInput, _ ...func(*kms.Options)) (*kms.DecryptOutput, error) {
	orderID := in.EncryptionContext["orderId"]
	if f.errFor != nil {
		if err := f.errFor(orderID); err != nil {
			return nil, err
		}
	}
	rest, ok := bytes.CutPrefix(in.CiphertextBlob, []byte("fakekms:"))
	sealedFor, secret, found := bytes.Cut(rest, []byte(":"))
	if !ok || !found || string(sealedFor) != orderID || len(in.EncryptionContext) != 1 {
		return nil, &kmstypes.InvalidCiphertextException{Message: aws.String("invalid ciphertext")}
	}
	return &kms.DecryptOutput{Plaintext: slices.Clone(secret), KeyId: aws.String("card-key")}, nil
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
