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
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/cmd/local/hosted"
	"github.com/payflow-dev/payflow/localaws/stack"
)

// startQuiet starts the whole stack on the wall clock with logging off,
// as a benchmark wants it.
func startQuiet(tb testing.TB) *stack.Local {
	tb.Helper()
	local, err := stack.Start(context.Background(), stack.LocalConfig{
		TemplatePath: templatePath, Addr: "127.0.0.1:0", APIAddr: "127.0.0.1:0",
		Region: "us-east-1", AccountID: "123456789012", StackName: "bench",
		Code: hosted.Code(), Clock: clock.NewReal(), Logger: slog.New(slog.DiscardHandler),
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
// notification. Run it with -benchtime 10000x. It runs with the garbage
// collector target cmd/local sets (stack.TuneGC); GOGC=100 in the
// environment measures Go's default instead. PAYFLOW_BENCH_SENDERS sets
// how many clients post at once (default 2): more raises throughput a
// little and POST latency a lot, since the two cores are shared with the
// rest of the flow.
func BenchmarkFlow(b *testing.B) {
	senderCount := 2
	if s := os.Getenv("PAYFLOW_BENCH_SENDERS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("PAYFLOW_BENCH_SENDERS=%q is not a positive number", s)
		}
		senderCount = n
	}
	// Measured as cmd/local runs the stack, with its collector target.
	defer stack.TuneGC(os.Getenv)()
	local := startQuiet(b)
	defer local.Close(context.Background())
	h := &harness{tb: b, local: local, sqs: sqs.NewFromConfig(local.AWS), logs: &logtest.Buffer{}}
	h.discover()
	client := &http.Client{Transport: signedTransport(&http.Transport{MaxIdleConnsPerHost: 64}, "us-east-1", nil), Timeout: 30 * time.Second}
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
// (endpoint, every resource, both functions) and stopping it. It always
// starts startupRuns stacks, whatever -benchtime says, and reports the mean
// start time as startup-ms, so that `-bench . -benchtime 10000x` stays
// quick.
func BenchmarkStartup(b *testing.B) {
	const startupRuns = 20
	var total time.Duration
	for range startupRuns {
		t0 := time.Now()
		local := startQuiet(b)
		total += time.Since(t0)
		if err := local.Close(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
	}
	b.ReportMetric(ms(total/startupRuns), "startup-ms")
}

// idleChildEnv makes the test binary run idleChild instead of the tests.
const idleChildEnv = "PAYFLOW_E2E_IDLE_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(idleChildEnv) == "1" {
		idleChild()
		return
	}
	os.Exit(m.Run())
}

// idleChild starts the stack, says how long that took, and idles until
// its standard input closes.
func idleChild() {
	t0 := time.Now()
	local, err := stack.Start(context.Background(), stack.LocalConfig{
		TemplatePath: templatePath, Addr: "127.0.0.1:0", APIAddr: "127.0.0.1:0",
		Region: "us-east-1", AccountID: "123456789012", StackName: "idle",
		Code: hosted.Code(), Clock: clock.NewReal(), Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		fmt.Println("error", err)
		return
	}
	fmt.Printf("ready %d\n", time.Since(t0).Microseconds())
	_, _ = io.Copy(io.Discard, os.Stdin)
	_ = local.Close(context.Background())
}

// BenchmarkIdleMemory runs the stack in a child process (this test binary
// with idleChildEnv set), lets it idle for a second and reports its
// resident memory (idle-rss-MB, from /proc, so Linux only) and how long it
// took to start (child-startup-ms). The work does not depend on b.N.
func BenchmarkIdleMemory(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads /proc")
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), idleChildEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		stdin.Close()
		_ = cmd.Wait()
	}()
	var word string
	var micros int64
	if _, err := fmt.Fscan(stdout, &word, &micros); err != nil || word != "ready" {
		b.Fatalf("child did not start: %q %v", word, err)
	}
	time.Sleep(time.Second)
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	var rssKB float64
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			fmt.Sscan(rest, &rssKB)
		}
	}
	if rssKB == 0 {
		b.Fatal("no VmRSS in /proc status")
	}
	for b.Loop() {
	}
	b.ReportMetric(rssKB/1024, "idle-rss-MB")
	b.ReportMetric(float64(micros)/1000, "child-startup-ms")
}
