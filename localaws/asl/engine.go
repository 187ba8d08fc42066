package asl

import (
	"encoding/json"
	"math/rand/v2"
	"sync"

	"github.com/payflow-dev/payflow/localaws/awsid"

	"github.com/payflow-dev/payflow/clock"
)

// EngineConfig configures an Engine.
type EngineConfig struct {
	// Clock drives every wait, retry interval, timeout and heartbeat.
	// Nil means the wall clock.
	Clock clock.Clock
	// Resources implement Task states' resources.
	Resources Resources
	// Random feeds States.MathRandom and retry jitter; nil means
	// math/rand/v2.
	Random func() float64
	// UUID feeds States.UUID; nil means random version 4 UUIDs.
	UUID func() string
}

// Engine runs executions of parsed machines. It owns the task tokens of
// the executions it runs, so SendTaskSuccess and friends go through it.
// An Engine is safe for concurrent use.
type Engine struct {
	clock     clock.Clock
	resources Resources
	random    func() float64
	uuid      func() string
	tokens    tokenCodec

	mu      sync.Mutex
	nextSeq uint64
	waiting map[uint64]*attempt
}

// NewEngine returns an Engine configured by cfg.
func NewEngine(cfg EngineConfig) *Engine {
	e := &Engine{
		clock:     cfg.Clock,
		resources: cfg.Resources,
		random:    cfg.Random,
		uuid:      cfg.UUID,
		waiting:   map[uint64]*attempt{},
	}
	if e.clock == nil {
		e.clock = clock.NewReal()
	}
	if e.random == nil {
		e.random = rand.Float64
	}
	e.tokens = newTokenCodec()
	return e
}

// Start begins an execution of m. It records ExecutionStarted before it
// returns and then runs the execution asynchronously; done is called
// once each time the execution ends, however it ends: after Start, and
// again after every Redrive. rec may be nil.
func (e *Engine) Start(m *Machine, p StartParams, rec Recorder, done func(Outcome)) *Execution {
	if p.StartTime.IsZero() {
		p.StartTime = e.clock.Now()
	}
	x := &Execution{engine: e, machine: m, params: p, rec: rec, done: done}
	raw := p.Input
	if len(raw) == 0 {
		raw = json.RawMessage("{}")
	}
	input, err := decodeValue(raw)
	// History shows the input as the caller sent it, as Step Functions does.
	inputStr := string(raw)
	x.input = input
	root := &thread{x: x, cur: m.root.start, input: input, inputJSON: inputStr, vars: newScope(nil)}
	x.root = root
	x.mu.Lock()
	x.recordLocked(0, EventExecutionStarted, "executionStartedEventDetails",
		&ExecutionStartedEventDetails{Input: inputStr, RoleArn: p.RoleArn})
	// The event after ExecutionStarted points at no event: AWS records its
	// previousEventId as 0, not 1 (every history in LocalStack's
	// AWS-recorded step functions snapshots does), so root.last stays 0.
	root.last = 0
	if m.timeout > 0 {
		x.timer = e.clock.AfterFunc(m.timeout, x.timeOut)
	}
	x.busy++ // the goroutine below
	x.mu.Unlock()
	switch {
	case err != nil:
		go x.completeCounted(fail(ErrNameRuntime, "The execution input is not valid JSON: "+err.Error()))
	case len(inputStr) > payloadLimit:
		go x.completeCounted(fail(ErrNameDataLimitExceeded, "The execution input exceeds the maximum number of bytes service limit."))
	default:
		go root.runCounted()
	}
	return x
}

// payloadLimit is Step Functions' limit on any input, output or
// parameters payload: 256 KiB.
const payloadLimit = 256 * 1024

// region returns the region of an execution ARN, us-east-1 if it has none.
func region(arn string) string {
	n := 0
	start := 0
	for i := 0; i < len(arn); i++ {
		if arn[i] != ':' {
			continue
		}
		n++
		switch n {
		case 3:
			start = i + 1
		case 4:
			if i > start {
				return arn[start:i]
			}
			return awsid.DefaultRegion
		}
	}
	return awsid.DefaultRegion
}
