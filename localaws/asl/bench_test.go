package asl

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// cpuTime returns the CPU time this process has used, user plus system.
func cpuTime(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// counter is a Recorder that only counts, so benchmarks measure the
// engine rather than a history store.
type counter struct{ n atomic.Int64 }

func (c *counter) Record(Event) { c.n.Add(1) }

const passChoiceDefinition = `{
  "StartAt": "Init",
  "States": {
    "Init": {"Type": "Pass", "Result": {"limit": 100}, "ResultPath": "$.config", "Next": "Check"},
    "Check": {"Type": "Choice", "Choices": [
      {"And": [{"Variable": "$.card.sealed", "IsPresent": true}, {"Variable": "$.amount", "NumericLessThanEqualsPath": "$.config.limit"}], "Next": "Enrich"}],
      "Default": "Reject"},
    "Enrich": {"Type": "Pass", "Parameters": {"orderId.$": "$.orderId", "amount.$": "$.amount", "execution.$": "$$.Execution.Name"}, "ResultPath": "$.summary", "Next": "Route"},
    "Route": {"Type": "Choice", "Choices": [{"Variable": "$.amount", "NumericGreaterThan": 50, "Next": "Done"}], "Default": "Done"},
    "Done": {"Type": "Succeed", "OutputPath": "$.summary"},
    "Reject": {"Type": "Fail", "Error": "Payment.InvalidRequest"}
  }
}`

// passChoiceJSONata is the same workflow written in JSONata.
const passChoiceJSONata = `{
  "QueryLanguage": "JSONata",
  "StartAt": "Init",
  "States": {
    "Init": {"Type": "Pass", "Output": "{% $merge([$states.input, {'config': {'limit': 100}}]) %}", "Next": "Check"},
    "Check": {"Type": "Choice", "Choices": [
      {"Condition": "{% $exists($states.input.card.sealed) and $states.input.amount <= $states.input.config.limit %}", "Next": "Enrich"}],
      "Default": "Reject"},
    "Enrich": {"Type": "Pass", "Output": "{% $merge([$states.input, {'summary': {'orderId': $states.input.orderId, 'amount': $states.input.amount, 'execution': $states.context.Execution.Name}}]) %}", "Next": "Route"},
    "Route": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.amount > 50 %}", "Next": "Done"}], "Default": "Done"},
    "Done": {"Type": "Succeed", "Output": "{% $states.input.summary %}"},
    "Reject": {"Type": "Fail", "Error": "Payment.InvalidRequest"}
  }
}`

// BenchmarkPassChoice runs complete executions of a five-state Pass/Choice
// workflow; run it with -cpu 1 for the single-core figure.
func BenchmarkPassChoice(b *testing.B) { benchPassChoice(b, passChoiceDefinition) }

// BenchmarkPassChoiceJSONata is BenchmarkPassChoice with the workflow in
// JSONata.
func BenchmarkPassChoiceJSONata(b *testing.B) { benchPassChoice(b, passChoiceJSONata) }

func benchPassChoice(b *testing.B, def string) {
	m := mustParse(b, def)
	e := NewEngine(EngineConfig{Clock: clock.NewReal()})
	input := json.RawMessage(`{"orderId":"o-1","amount":42,"currency":"EUR","card":{"sealed":"c2VhbGVk","last4":"4242"}}`)
	rec := &counter{}
	var wg sync.WaitGroup
	var failed atomic.Int64
	sem := make(chan struct{}, 1024)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime(b)
	for i := 0; i < b.N; i++ {
		sem <- struct{}{}
		wg.Add(1)
		e.Start(m, StartParams{ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:sm:x", Name: "x", Input: input},
			rec, func(o Outcome) {
				if o.Status != StatusSucceeded {
					failed.Add(1)
				}
				<-sem
				wg.Done()
			})
	}
	wg.Wait()
	b.StopTimer()
	cpu := cpuTime(b) - cpu0
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d executions did not succeed", n)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "executions/s")
	// On a shared machine wall time depends on the neighbours; process CPU
	// time (all threads, GC included) does not.
	b.ReportMetric(float64(b.N)/cpu.Seconds(), "executions/cpu-s")
}

const callbackLoopDefinition = `{
  "StartAt": "Authorize",
  "States": {
    "Authorize": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "TimeoutSeconds": 900, "HeartbeatSeconds": 60,
      "Parameters": {"QueueUrl": "http://127.0.0.1:4566/123456789012/payments", "MessageBody": {"taskToken.$": "$$.Task.Token", "orderId.$": "$.orderId", "amount.$": "$.amount"}},
      "ResultPath": "$.authorization", "Next": "Again"},
    "Again": {"Type": "Choice", "Choices": [{"Variable": "$.authorization.final", "IsPresent": true, "Next": "Done"}], "Default": "Authorize"},
    "Done": {"Type": "Succeed"}
  }
}`

// BenchmarkWaitingCallbacks parks many executions on
// .waitForTaskToken, reports the heap each one holds, and times
// SendTaskSuccess (plus the execution parking again on its next token)
// with that many others waiting.
func BenchmarkWaitingCallbacks(b *testing.B) {
	for _, waiting := range []int{1_000, 100_000} {
		if testing.Short() && waiting > 1_000 {
			continue
		}
		b.Run(fmt.Sprintf("waiting=%d", waiting), func(b *testing.B) { benchWaiting(b, waiting) })
	}
}

// parked is a population of executions waiting on task tokens.
type parked struct {
	engine  *Engine
	pool    []string // one live token per waiting execution
	tokens  chan string
	perExec float64 // heap bytes each waiting execution holds
	execs   []*Execution
}

// park starts waiting executions of the callback loop and returns once
// every one of them waits on its token and timers.
func park(b *testing.B, waiting int) *parked {
	b.Helper()
	m := mustParse(b, callbackLoopDefinition)
	p := &parked{tokens: make(chan string, waiting+16)}
	fc := clock.NewFake(t0)
	p.engine = NewEngine(EngineConfig{Clock: fc, Resources: Resources{
		"arn:aws:states:::sqs:sendMessage": func(_ context.Context, call TaskCall) (json.RawMessage, error) {
			p.tokens <- call.TaskToken
			return json.RawMessage(`{"MessageId":"m-1","MD5OfMessageBody":"0"}`), nil
		},
	}})
	rec := &counter{}
	input := json.RawMessage(`{"orderId":"o-1","amount":42,"currency":"EUR","card":{"sealed":"c2VhbGVk","last4":"4242"}}`)

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	p.execs = make([]*Execution, waiting)
	for i := range p.execs {
		p.execs[i] = p.engine.Start(m, StartParams{ExecutionArn: fmt.Sprintf("arn:aws:states:us-east-1:123456789012:execution:sm:o-%d", i),
			Name: fmt.Sprintf("o-%d", i), Input: input}, rec, nil)
	}
	p.pool = make([]string, 0, waiting)
	for range waiting {
		p.pool = append(p.pool, <-p.tokens)
	}
	fc.WaitForTimers(2*waiting, nil)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	p.perExec = float64(after.HeapAlloc-before.HeapAlloc) / float64(waiting)
	return p
}

func (p *parked) stop() {
	for _, x := range p.execs {
		_ = x.Stop("Benchmark.Done", "")
	}
}

func benchWaiting(b *testing.B, waiting int) {
	p := park(b, waiting)
	defer p.stop()
	output := json.RawMessage(`{"status":"APPROVED","authorizationId":"auth-1"}`)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime(b)
	for i := 0; i < b.N; i++ {
		j := i % waiting
		if err := p.engine.SendTaskSuccess(p.pool[j], output); err != nil {
			b.Fatalf("SendTaskSuccess: %v", err)
		}
		p.pool[j] = <-p.tokens
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime(b)-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(p.perExec, "B/waiting-execution")
	b.ReportMetric(p.perExec*float64(waiting)/(1<<20), "MiB-held")
}

// BenchmarkTaskHeartbeat times the token lookup alone (SendTaskHeartbeat
// restarts a timer and changes nothing else) with many executions waiting.
func BenchmarkTaskHeartbeat(b *testing.B) {
	for _, waiting := range []int{1_000, 100_000} {
		if testing.Short() && waiting > 1_000 {
			continue
		}
		b.Run(fmt.Sprintf("waiting=%d", waiting), func(b *testing.B) {
			p := park(b, waiting)
			defer p.stop()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := p.engine.SendTaskHeartbeat(p.pool[(i*7919)%waiting]); err != nil {
					b.Fatalf("SendTaskHeartbeat: %v", err)
				}
			}
		})
	}
}
