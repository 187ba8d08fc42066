package sfnlocal

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/asl"
)

// waitingMachine parks every execution on a callback, as the payment
// workflow does while the processor works.
const waitingMachine = `{"StartAt":"Ask","States":{"Ask":{"Type":"Task",
	"Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
	"Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token","orderId.$":"$.orderId"}},
	"HeartbeatSeconds":60,"TimeoutSeconds":900,"End":true}}}`

// waitingFleet is a service whose executions all wait on a callback.
type waitingFleet struct {
	svc     *Service
	machine string
	tokens  chan string
	started int
}

// newWaitingFleet creates the service and its waiting state machine.
func newWaitingFleet(tb testing.TB) *waitingFleet {
	tb.Helper()
	f := &waitingFleet{tokens: make(chan string, 1024)}
	f.svc = New(Config{Clock: clock.NewFake(time.Unix(1_770_000_000, 0)), Resources: asl.Resources{
		"arn:aws:states:::sqs:sendMessage": func(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
			f.tokens <- c.TaskToken
			return nil, nil
		},
	}})
	out, err := f.svc.createStateMachine(context.Background(), &createStateMachineInput{Name: "pay", Definition: waitingMachine, RoleArn: "arn:aws:iam::123456789012:role/r"})
	if err != nil {
		tb.Fatal(err)
	}
	f.machine = out.StateMachineArn
	return f
}

// start starts n more executions and returns their task tokens once each
// has reached its Task state.
func (f *waitingFleet) start(tb testing.TB, n int) []string {
	tb.Helper()
	ctx := context.Background()
	out := make([]string, 0, n)
	for range n {
		f.started++
		name := fmt.Sprintf("order-%08d", f.started)
		input := fmt.Sprintf(`{"orderId":%q,"amount":100,"currency":"EUR"}`, name)
		if _, err := f.svc.startExecution(ctx, &startExecutionInput{StateMachineArn: f.machine, Name: name, Input: &input}); err != nil {
			tb.Fatal(err)
		}
		// Drain as we go so the resource never blocks on a full channel.
		for len(f.tokens) > 0 {
			out = append(out, <-f.tokens)
		}
	}
	for len(out) < n {
		select {
		case t := <-f.tokens:
			out = append(out, t)
		case <-time.After(30 * time.Second):
			tb.Fatalf("only %d of %d executions reached their task", len(out), n)
		}
	}
	return out
}

// heapInUse returns the live heap after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestWaitingExecutionsStaySmall checks the budget the project promises:
// 100,000 executions waiting for a callback in under 500 MB, that is under
// 5,000 bytes each, API records and engine state together.
func TestWaitingExecutionsStaySmall(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 5,000 executions")
	}
	const n = 5000
	before := heapInUse()
	f := newWaitingFleet(t)
	tokens := f.start(t, n)
	perExecution := float64(heapInUse()-before) / n
	t.Logf("%.0f bytes per waiting execution", perExecution)
	if perExecution > 5000 {
		t.Fatalf("%.0f bytes per waiting execution, budget 5000", perExecution)
	}
	runtime.KeepAlive(f)
	runtime.KeepAlive(tokens)
}

// BenchmarkSendTaskSuccess answers callbacks while a given number of other
// executions wait and are never answered; the cost per answer must not
// grow with that number. Answered executions are replaced in batches with
// the timer stopped, the same way for every size.
func BenchmarkSendTaskSuccess(b *testing.B) {
	for _, waiting := range []int{1_000, 50_000} {
		b.Run(fmt.Sprintf("waiting=%d", waiting), func(b *testing.B) {
			f := newWaitingFleet(b)
			ballast := f.start(b, waiting)
			ctx := context.Background()
			output := `{"approved":true}`
			var pool []string
			b.ResetTimer()
			for range b.N {
				if len(pool) == 0 {
					b.StopTimer()
					pool = f.start(b, 1000)
					b.StartTimer()
				}
				token := pool[len(pool)-1]
				pool = pool[:len(pool)-1]
				if _, err := f.svc.sendTaskSuccess(ctx, &sendTaskSuccessInput{TaskToken: token, Output: &output}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			runtime.KeepAlive(ballast)
		})
	}
}

// BenchmarkStartExecution measures starting an execution that then waits
// for a callback, and the heap each waiting execution holds.
func BenchmarkStartExecution(b *testing.B) {
	b.ReportAllocs()
	before := heapInUse()
	f := newWaitingFleet(b)
	b.ResetTimer() // time the starts, not building the service
	tokens := f.start(b, b.N)
	b.StopTimer()
	b.ReportMetric(float64(heapInUse()-before)/float64(b.N), "heap-B/execution")
	runtime.KeepAlive(f)
	runtime.KeepAlive(tokens)
}
