package callback

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/tracing"
)

// DefaultHeartbeat is how often a slow authorization tells Step Functions it
// is still alive when Config.Heartbeat is zero.
const DefaultHeartbeat = 60 * time.Second

// DefaultLease is how long a claim on an order's charge keeps other
// callback environments away when Config.Lease is zero: longer than the
// callback function's 60 s timeout, so a claim outlives the invocation
// that holds it, and far shorter than the queue's 360 s visibility
// timeout, so a redelivery after a crash finds it expired.
const DefaultLease = 90 * time.Second

// Config holds what a Handler needs. Tasks, Cards, Vault, Charges,
// Notifier and Processor are required.
type Config struct {
	Tasks     Tasks
	Cards     CardOpener
	Vault     orders.CardVault
	Charges   ChargeRecords
	Notifier  Notifier
	Processor orders.PaymentProcessor
	// Lease is how long a claim lasts. Zero means DefaultLease.
	Lease time.Duration
	// NewClaimant returns an id for one attempt at a charge. Nil means a
	// random one.
	NewClaimant func() string
	// Clock paces heartbeats. Nil means the wall clock.
	Clock clock.Clock
	// Logger receives one line per message. Nil discards.
	Logger *slog.Logger
	// Heartbeat is the interval between SendTaskHeartbeat calls while a
	// charge is being authorized. It must be well below the task's
	// HeartbeatSeconds in the state machine. Zero means DefaultHeartbeat.
	Heartbeat time.Duration
}

// Handler processes batches from the payment queue.
type Handler struct {
	tasks       Tasks
	cards       CardOpener
	vault       orders.CardVault
	charges     ChargeRecords
	notifier    Notifier
	processor   orders.PaymentProcessor
	lease       time.Duration
	newClaimant func() string
	clock       clock.Clock
	log         *slog.Logger
	heartbeat   time.Duration
}

// New checks cfg and returns a Handler.
func New(cfg Config) (*Handler, error) {
	if cfg.Tasks == nil || cfg.Cards == nil || cfg.Vault == nil || cfg.Charges == nil || cfg.Notifier == nil || cfg.Processor == nil {
		return nil, errors.New("callback: Tasks, Cards, Vault, Charges, Notifier and Processor are required")
	}
	if cfg.Heartbeat < 0 || cfg.Lease < 0 {
		return nil, fmt.Errorf("callback: heartbeat interval %v or lease %v is negative", cfg.Heartbeat, cfg.Lease)
	}
	h := &Handler{
		tasks: cfg.Tasks, cards: cfg.Cards, vault: cfg.Vault, charges: cfg.Charges, notifier: cfg.Notifier,
		processor: cfg.Processor, lease: cfg.Lease, newClaimant: cfg.NewClaimant,
		clock: cfg.Clock, log: cfg.Logger, heartbeat: cfg.Heartbeat,
	}
	if h.lease == 0 {
		h.lease = DefaultLease
	}
	if h.newClaimant == nil {
		h.newClaimant = rand.Text
	}
	if h.clock == nil {
		h.clock = clock.NewReal()
	}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.heartbeat == 0 {
		h.heartbeat = DefaultHeartbeat
	}
	return h, nil
}

// Handle processes every record of a batch concurrently and reports the
// ones to retry in BatchItemFailures (the event source mapping needs
// FunctionResponseTypes: ReportBatchItemFailures). It never returns an
// error: failing the invocation would retry the whole batch, neighbours
// included.
func (h *Handler) Handle(ctx context.Context, event events.SQSEvent) (events.SQSEventResponse, error) {
	retry := make([]bool, len(event.Records))
	var wg sync.WaitGroup
	for i, rec := range event.Records {
		// Each message continues the trace Step Functions gave it.
		rctx := tracing.WithHeader(ctx, rec.Attributes["AWSTraceHeader"])
		wg.Go(func() { retry[i] = h.processSafely(rctx, rec) == dispositionRetry })
	}
	wg.Wait()
	resp := events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}
	for i, rec := range event.Records {
		if retry[i] {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: rec.MessageId})
		}
	}
	return resp, nil
}

// processSafely runs process and turns a panic into a retry of that one
// message, so that a bug triggered by one payload cannot take the batch down.
func (h *Handler) processSafely(ctx context.Context, rec events.SQSMessage) (d disposition) {
	defer func() {
		if r := recover(); r != nil {
			h.log.ErrorContext(ctx, "payment message crashed the handler",
				"messageId", rec.MessageId, "panic", fmt.Sprint(r))
			d = dispositionRetry
		}
	}()
	return h.process(ctx, rec)
}
