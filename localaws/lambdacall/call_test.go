package lambdacall_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/localaws/lambdacall"
)

func TestCall(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	tests := []struct {
		name    string
		timeout time.Duration
		h       func(context.Context, string) (string, error)
		want    string
		check   func(error) bool
	}{
		{"result", time.Second, func(_ context.Context, in string) (string, error) { return "hello " + in, nil }, "hello you", nil},
		{"no timeout", 0, func(_ context.Context, in string) (string, error) { return in, nil }, "you", nil},
		{"handler error", time.Second, func(context.Context, string) (string, error) { return "", errBoom }, "",
			func(err error) bool { return errors.Is(err, errBoom) }},
		{"panic", time.Second, func(context.Context, string) (string, error) { panic("card reader on fire") }, "",
			func(err error) bool {
				var p *lambdacall.PanicError
				return errors.As(err, &p) && p.Value == "card reader on fire"
			}},
		{"handler ignoring its deadline", 10 * time.Millisecond, func(context.Context, string) (string, error) {
			<-release // still running when Call returns
			return "late", nil
		}, "", func(err error) bool {
			var te *lambdacall.TimeoutError
			return errors.As(err, &te) && te.After == 10*time.Millisecond && err.Error() == "Task timed out after 10ms"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := lambdacall.Call(context.Background(), tt.timeout, tt.h, "you")
			if tt.check == nil && err != nil || tt.check != nil && !tt.check(err) {
				t.Fatalf("Call error = %v", err)
			}
			if got != tt.want {
				t.Errorf("Call = %q, want %q", got, tt.want)
			}
		})
	}
}

var errBoom = errors.New("boom")

func TestCallReturnsTheCallersCancellation(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	started := make(chan struct{})
	go func() { <-started; cancel() }()
	_, err := lambdacall.Call(ctx, time.Minute, func(ctx context.Context, _ int) (int, error) {
		close(started)
		<-ctx.Done()
		<-release // still running: only Call's select may answer
		return 0, nil
	}, 0)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Call error = %v, want context.Canceled", err)
	}
}
