package functions

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/payflow-dev/payflow/internal/awsadapter"
	"github.com/payflow-dev/payflow/internal/callback"
	"github.com/payflow-dev/payflow/internal/simulator"
	"github.com/payflow-dev/payflow/internal/tracing"
)

// Environment variables the callback reads, besides LOG_LEVEL and
// VAULT_TABLE. CHARGES_TABLE and NOTIFICATION_TOPIC_ARN are required, the
// others optional.
const (
	// EnvChargesTable is the DynamoDB table of the charge records.
	EnvChargesTable = "CHARGES_TABLE"
	// EnvNotificationTopicARN is the topic the callback publishes VOIDED
	// outcomes to (the workflow publishes the others there).
	EnvNotificationTopicARN = "NOTIFICATION_TOPIC_ARN"
	// EnvPaymentMode is "simulated" (default, test cards) or "random"
	// (the original coin flip).
	EnvPaymentMode = "PAYMENT_MODE"
	// EnvHeartbeatSeconds is the SendTaskHeartbeat interval during an
	// authorization (default 60). Keep it well below the state machine's
	// HeartbeatSeconds.
	EnvHeartbeatSeconds = "HEARTBEAT_SECONDS"
	// EnvPaymentLatencyMS makes every simulated authorization take this
	// many milliseconds (default 0), to watch heartbeats happen.
	EnvPaymentLatencyMS = "PAYMENT_LATENCY_MS"
)

// CallbackHandler is the Lambda handler signature for an SQS event source
// with ReportBatchItemFailures.
type CallbackHandler = func(context.Context, events.SQSEvent) (events.SQSEventResponse, error)

// callbackConfig is the callback's parsed environment.
type callbackConfig struct {
	mode                     simulator.Mode
	heartbeat                time.Duration
	latency                  time.Duration
	vaultTable, chargesTable string
	topicARN                 string
}

// readCallbackConfig parses the callback's own variables into e.
func readCallbackConfig(e *env) callbackConfig {
	mode, err := simulator.ParseMode(e.optional(EnvPaymentMode, ""))
	e.check(EnvPaymentMode, err)
	return callbackConfig{
		vaultTable:   e.required(EnvVaultTable),
		chargesTable: e.required(EnvChargesTable),
		topicARN:     e.required(EnvNotificationTopicARN),
		mode:         mode,
		heartbeat:    e.whole(EnvHeartbeatSeconds, callback.DefaultHeartbeat, time.Second, 1, 3600),
		latency:      e.whole(EnvPaymentLatencyMS, 0, time.Millisecond, 0, 900_000),
	}
}

// Callback builds the payment callback's SQS handler. It fails, naming
// every bad setting at once. It makes no AWS call: a wrong endpoint or
// missing credentials show up when the first message is processed, as
// per-message retries.
func Callback(ctx context.Context, d Deps) (CallbackHandler, error) {
	e, err := newEnv(d)
	if err != nil {
		return nil, err
	}
	cfg := readCallbackConfig(e)
	pcfg := readProcessorConfig(e)
	logger := e.logger(d.Logger)
	metrics := d.recorder()
	if err := e.err(); err != nil {
		return nil, fmt.Errorf("callback configuration: %w", err)
	}
	processor := d.Processor
	if processor == nil {
		processor, err = newProcessor(ctx, pcfg, cfg, d.AWS, d.Clock, logger)
		if err != nil {
			return nil, fmt.Errorf("callback payment processor: %w", err)
		}
	}
	tables := dynamodb.NewFromConfig(d.AWS)
	h, err := callback.New(callback.Config{
		// Task answers carry the trace of the message they answer.
		Tasks: awsadapter.NewTasks(sfn.NewFromConfig(d.AWS, func(o *sfn.Options) {
			o.APIOptions = append(o.APIOptions, tracing.AddToRequests)
		})),
		Cards:     awsadapter.NewCardKey(kms.NewFromConfig(d.AWS), ""),
		Vault:     awsadapter.NewVault(tables, cfg.vaultTable),
		Charges:   awsadapter.NewCharges(tables, cfg.chargesTable, cfg.vaultTable),
		Notifier:  awsadapter.NewNotifier(sns.NewFromConfig(d.AWS), cfg.topicARN),
		Processor: measure(processor, metrics, d.Clock),
		Clock:     d.Clock,
		Logger:    logger,
		Heartbeat: cfg.heartbeat,
	})
	if err != nil {
		return nil, err
	}
	ready(ctx, logger, "callback ready",
		"paymentProcessor", pcfg.name, "paymentMode", string(cfg.mode), "heartbeat", cfg.heartbeat.String(), "latency", cfg.latency.String())
	return countBatches(h.Handle, metrics), nil
}
