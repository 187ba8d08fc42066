package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/payflow-dev/payflow/internal/clock"
	"github.com/payflow-dev/payflow/internal/stack"
)

// startQuiet starts the whole stack on the wall clock with logging off,
// as a benchmark wants it.
func startQuiet(tb testing.TB) *stack.Local {
	tb.Helper()
	local, err := stack.Start(context.Background(), stack.LocalConfig{
		TemplatePath: templatePath, Addr: "127.0.0.1:0", APIAddr: "127.0.0.1:0",
		Region: "us-east-1", AccountID: "123456789012", StackName: "bench",
		Code: stack.PayflowCode(), Clock: clock.NewReal(), Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		tb.Fatalf("start: %v", err)
	}
	return local
}

// BenchmarkFlow sends b.N orders with the approved test card through
// POST /orders and waits for the last notification on the test queue. It
// reports orders per second end to end, the p50 and p99 latency of
// POST /orders, and the time from the first POST to the last
// notification. Run it with -benchtime 10000x. PAYFLOW_BENCH_SENDERS sets
// how many clients post at once (default 8): more raises throughput a
// little and latency a lot.
func BenchmarkFlow(b *testing.B) {
	senderCount := 8
	if s := os.Getenv("PAYFLOW_BENCH_SENDERS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("PAYFLOW_BENCH_SENDERS=%q is not a positive number", s)
		}
		senderCount = n
	}
	local := startQuiet(b)
	defer local.Close(context.Background())
	h := &harness{tb: b, local: local, sqs: sqs.NewFromConfig(local.AWS), logs: &syncBuffer{}}
	h.discover()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	run := time.Now().UnixNano()
	bodies := make([][]byte, b.N)
	for i := range bodies {
		o := newOrder(fmt.Sprintf("bench-%d-%d", run, i), cardApproved)
		body, err := json.Marshal(o)
		if err != nil {
			b.Fatal(err)
		}
		bodies[i] = body
	}
	var (
		next      atomic.Int64
		latencies = make([]time.Duration, b.N)
		received  atomic.Int64
		drained   = make(chan struct{})
	)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.ResetTimer()
	start := time.Now()
	var drainers sync.WaitGroup
	for range 4 {
		drainers.Add(1)
		go func() {
			defer drainers.Done()
			h.drain(ctx, &received, int64(b.N), drained)
		}()
	}
	var senders sync.WaitGroup
	for range senderCount {
		senders.Add(1)
		go func() {
			defer senders.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(b.N) {
					return
				}
				t0 := time.Now()
				resp, err := client.Post(local.APIURL+"/orders", "application/json", bytes.NewReader(bodies[i]))
				if err != nil {
					b.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				latencies[i] = time.Since(t0)
				if resp.StatusCode != http.StatusAccepted {
					b.Errorf("POST /orders = %d", resp.StatusCode)
					return
				}
			}
		}()
	}
	senders.Wait()
	select {
	case <-drained:
	case <-time.After(2*time.Minute + time.Duration(b.N)*time.Millisecond):
		b.Fatalf("only %d of %d notifications arrived", received.Load(), b.N)
	}
	elapsed := time.Since(start)
	b.StopTimer()
	cancel()
	drainers.Wait()
	slices.Sort(latencies)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "orders/s")
	b.ReportMetric(ms(latencies[len(latencies)/2]), "p50-post-ms")
	b.ReportMetric(ms(latencies[(len(latencies)*99)/100]), "p99-post-ms")
	b.ReportMetric(elapsed.Seconds(), "s-to-last-notification")
	if n := h.count(h.dlq); n != 0 {
		b.Errorf("%d messages in the DLQ", n)
	}
}

// drain receives and deletes notifications until want have arrived, then
// closes done (once).
func (h *harness) drain(ctx context.Context, received *atomic.Int64, want int64, done chan struct{}) {
	for ctx.Err() == nil {
		out, err := h.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
			QueueUrl: aws.String(h.testQueue), MaxNumberOfMessages: 10, WaitTimeSeconds: 1,
		})
		if err != nil {
			continue
		}
		if len(out.Messages) == 0 {
			continue
		}
		entries := make([]sqstypes.DeleteMessageBatchRequestEntry, len(out.Messages))
		for i, m := range out.Messages {
			entries[i] = sqstypes.DeleteMessageBatchRequestEntry{Id: aws.String(fmt.Sprint(i)), ReceiptHandle: m.ReceiptHandle}
		}
		_, _ = h.sqs.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: aws.String(h.testQueue), Entries: entries})
		if received.Add(int64(len(out.Messages))) >= want {
			select {
			case <-done:
			default:
				close(done)
			}
		}
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkStartup measures starting the whole stack from template.yml
// (endpoint, every resource, both functions) and stopping it.
func BenchmarkStartup(b *testing.B) {
	for b.Loop() {
		local := startQuiet(b)
		if err := local.Close(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIdleMemory starts the stack, lets it settle and reports the
// Go heap in use and the memory the runtime holds from the OS (the test
// binary's own share included).
func BenchmarkIdleMemory(b *testing.B) {
	local := startQuiet(b)
	defer local.Close(context.Background())
	var m runtime.MemStats
	for b.Loop() {
		time.Sleep(10 * time.Millisecond)
		runtime.GC()
		runtime.ReadMemStats(&m)
	}
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-inuse-MB")
	b.ReportMetric(float64(m.Sys)/(1<<20), "runtime-sys-MB")
}
