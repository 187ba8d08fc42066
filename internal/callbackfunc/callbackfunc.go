package callbackfunc

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/callback"
	"github.com/payflow-dev/payflow/internal/payments"
)

// Deps is what the callback function is built from.
type Deps struct {
	// AWS configures the Step Functions and KMS clients (region,
	// credentials, and an endpoint such as the local stack's).
	AWS aws.Config
	// Getenv reads configuration; nil means os.Getenv.
	Getenv func(string) string
	// Logger receives the handler's logs, filtered by LOG_LEVEL. Nil means
	// JSON on standard error.
	Logger *slog.Logger
	// Clock paces heartbeats and simulated latency; nil means the wall
	// clock.
	Clock clock.Clock
}

// Handler is the Lambda handler signature for an SQS event source with
// ReportBatchItemFailures.
type Handler = func(context.Context, events.SQSEvent) (events.SQSEventResponse, error)

// New reads the environment and returns the callback's SQS handler. It
// makes no AWS call: a wrong endpoint or missing credentials show up when
// the first message is processed, as per-message retries.
func New(ctx context.Context, d Deps) (Handler, error) {
	getenv := d.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	cfg, err := readConfig(getenv)
	if err != nil {
		return nil, fmt.Errorf("callback configuration: %w", err)
	}
	base := d.Logger
	if base == nil {
		base = slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	logger := slog.New(levelHandler{min: cfg.logLevel, next: base.Handler()})
	clk := d.Clock
	if clk == nil {
		clk = clock.NewReal()
	}
	h, err := callback.New(callback.Config{
		Tasks: sfn.NewFromConfig(d.AWS),
		Cards: kms.NewFromConfig(d.AWS),
		Processor: payments.New(payments.Config{
			Mode: cfg.mode, Clock: clk, Latency: cfg.latency,
		}),
		Clock:     clk,
		Logger:    logger,
		Heartbeat: cfg.heartbeat,
	})
	if err != nil {
		return nil, err
	}
	logger.InfoContext(ctx, "callback ready",
		"paymentMode", string(cfg.mode), "heartbeat", cfg.heartbeat.String(), "latency", cfg.latency.String())
	return h.Handle, nil
}
