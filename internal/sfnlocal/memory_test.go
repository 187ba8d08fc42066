package sfnlocal

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/asl"
	"github.com/payflow-dev/payflow/internal/clock"
)

// waitingMachine parks every execution on a callback, as the payment
// workflow does while the processor works.
const waitingMachine = `{"StartAt":"Ask","States":{"Ask":{"Type":"Task",
	"Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
	"Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token","orderId.$":"$.orderId"}},
	"HeartbeatSeconds":60,"TimeoutSeconds":900,"End":true}}}`

// startWaiting starts n executions of waitingMachine and waits until each
// has handed its token to the queue. It returns the service and tokens.
func startWaiting(tb testing.TB, n int) (*Service, []string) {
	tb.Helper()
	tokens := make(chan string, n)
	s := New(Config{Clock: clock.NewFake(time.Unix(1_770_000_000, 0)), Resources: asl.Resources{
		"arn:aws:states:::sqs:sendMessage": func(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
			tokens <- c.TaskToken
			return nil, nil
		},
	}})
	ctx := context.Background()
	m, err := s.createStateMachine(ctx, &createStateMachineInput{Name: "pay", Definition: waitingMachine, RoleArn: "r"})
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]string, 0, n)
	for i := range n {
		input := fmt.Sprintf(`{"orderId":"order-%08d","amount":100,"currency":"EUR"}`, i)
		name := fmt.Sprintf("order-%08d", i)
		if _, err := s.startExecution(ctx, &startExecutionInput{StateMachineArn: m.StateMachineArn, Name: name, Input: &input}); err != nil {
			tb.Fatal(err)
		}
	}
	for range n {
		select {
		case t := <-tokens:
			out = append(out, t)
		case <-time.After(30 * time.Second):
			tb.Fatalf("only %d of %d executions reached their task", len(out), n)
		}
	}
	return s, out
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
	s, tokens := startWaiting(t, n)
	after := heapInUse()
	perExecution := float64(after-before) / n
	t.Logf("%.0f bytes per waiting execution", perExecution)
	if perExecution > 5000 {
		t.Fatalf("%.0f bytes per waiting execution, budget 5000", perExecution)
	}
	runtime.KeepAlive(s)
	runtime.KeepAlive(tokens)
}

// BenchmarkSendTaskSuccessWithManyWaiting measures answering one callback
// while 20,000 other executions wait; its cost must not grow with them.
func BenchmarkSendTaskSuccessWithManyWaiting(b *testing.B) {
	const waiting = 20000
	s, tokens := startWaiting(b, waiting+b.N)
	ctx := context.Background()
	output := `{"approved":true}`
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.sendTaskSuccess(ctx, &sendTaskSuccessInput{TaskToken: tokens[i], Output: &output}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartExecution measures the API's cost of starting an
// execution that then waits for a callback.
func BenchmarkStartExecution(b *testing.B) {
	b.ReportAllocs()
	before := heapInUse()
	s, tokens := startWaiting(b, b.N)
	b.StopTimer()
	b.ReportMetric(float64(heapInUse()-before)/float64(b.N), "heap-B/execution")
	runtime.KeepAlive(s)
	runtime.KeepAlive(tokens)
}
