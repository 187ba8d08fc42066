package eventsource

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/clock"
)

// Handler is a Lambda handler for SQS events with partial batch responses,
// as aws-lambda-go declares it for ReportBatchItemFailures.
type Handler func(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error)

// Queue is the part of the SQS API a mapping uses; *sqs.Client satisfies
// it.
type Queue interface {
	ReceiveMessage(ctx context.Context, in *sqs.ReceiveMessageInput, opts ...func(*sqs.Options)) (*sqs.ReceiveMessageOutput, error)
	DeleteMessageBatch(ctx context.Context, in *sqs.DeleteMessageBatchInput, opts ...func(*sqs.Options)) (*sqs.DeleteMessageBatchOutput, error)
}

// Config describes one event source mapping.
type Config struct {
	Queue    Queue
	QueueURL string
	// QueueARN and Region go into each record.
	QueueARN string
	Region   string
	// BatchSize is the most records per invocation (default 10).
	BatchSize int
	// BatchingWindow is MaximumBatchingWindowInSeconds: how long to keep
	// gathering records for a batch that is not full yet.
	BatchingWindow time.Duration
	// ReportBatchItemFailures is FunctionResponseTypes:
	// [ReportBatchItemFailures].
	ReportBatchItemFailures bool
	// Pollers is how many batches may be in flight at once (default 2).
	Pollers int
	// Timeout bounds one invocation, as the function's Timeout (default
	// 30 s).
	Timeout time.Duration
	// WaitTime is the long-poll wait per receive (default 20 s).
	WaitTime time.Duration
	Handler  Handler
	Clock    clock.Clock
	// Logger receives invocation failures; nil discards them.
	Logger *slog.Logger
}

// Mapping is a configured event source mapping.
type Mapping struct {
	cfg Config
}

// New checks cfg, fills in defaults and returns the Mapping.
func New(cfg Config) (*Mapping, error) {
	if cfg.Queue == nil || cfg.QueueURL == "" || cfg.Handler == nil {
		return nil, errors.New("eventsource: Queue, QueueURL and Handler are required")
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 10
	}
	if cfg.BatchSize > 10000 {
		return nil, fmt.Errorf("eventsource: BatchSize %d exceeds 10000", cfg.BatchSize)
	}
	if cfg.BatchSize > 10 && cfg.BatchingWindow <= 0 {
		return nil, fmt.Errorf("eventsource: BatchSize %d needs a batching window, as in Lambda", cfg.BatchSize)
	}
	if cfg.Pollers <= 0 {
		cfg.Pollers = 2
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.WaitTime <= 0 || cfg.WaitTime > 20*time.Second {
		cfg.WaitTime = 20 * time.Second
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Mapping{cfg: cfg}, nil
}

// Run polls until ctx is cancelled, then lets the batches in flight finish
// and returns nil.
func (m *Mapping) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for range m.cfg.Pollers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.poll(ctx)
		}()
	}
	wg.Wait()
	return nil
}

// poll is one poller's loop: receive a batch, process it, repeat.
func (m *Mapping) poll(ctx context.Context) {
	for ctx.Err() == nil {
		msgs, err := m.receiveBatch(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			m.cfg.Logger.Warn("receive failed; retrying", "queue", m.cfg.QueueURL, "error", err)
			clock.Sleep(m.cfg.Clock, time.Second, ctx.Done())
			continue
		}
		if len(msgs) > 0 {
			// A batch that was received is processed to the end even when
			// the mapping is stopping, so nothing is half-done.
			m.process(context.WithoutCancel(ctx), msgs)
		}
	}
}
