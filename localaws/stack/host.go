package stack

import (
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/eventsource"
	"github.com/payflow-dev/payflow/localaws/gateway"
)

// FunctionDeps is what a hosted function gets at cold start, as it would
// in Lambda: an AWS configuration pointing at the local endpoint, its
// environment from the template, a logger and the clock.
type FunctionDeps struct {
	AWS    aws.Config
	Getenv func(string) string
	Logger *slog.Logger
	Clock  clock.Clock
	// Stdout stands for the function's standard output, which Lambda
	// sends to CloudWatch Logs: the local stack feeds it to the console,
	// which collects the Embedded Metric Format documents written there.
	Stdout io.Writer
}

// HTTPFunction builds the handler of a function served behind the HTTP
// API.
type HTTPFunction func(ctx context.Context, d FunctionDeps) (gateway.Handler, error)

// QueueFunction builds the handler of a function fed by an SQS event
// source mapping.
type QueueFunction func(ctx context.Context, d FunctionDeps) (eventsource.Handler, error)

// Code tells the host which Go code runs each function of the template,
// keyed by the function's CodeUri (for example "cmd/api").
type Code struct {
	HTTP  map[string]HTTPFunction
	Queue map[string]QueueFunction
}

// httpFor finds the code of an HTTP function: by CodeUri, then by logical
// ID, then the only HTTP code there is (templates that build every
// function from "." with a Makefile give no better hint).
func (c Code) httpFor(f Function) (HTTPFunction, bool) {
	return pick(c.HTTP, f)
}

// queueFor finds the code of a queue-fed function, as httpFor does.
func (c Code) queueFor(f Function) (QueueFunction, bool) {
	return pick(c.Queue, f)
}

func pick[T any](m map[string]T, f Function) (T, bool) {
	if v, ok := m[f.CodeURI]; ok {
		return v, true
	}
	if v, ok := m[f.LogicalID]; ok {
		return v, true
	}
	var zero T
	if len(m) == 1 {
		for _, v := range m {
			return v, true
		}
	}
	return zero, false
}

// functionEnv returns the environment a function sees: the template's
// variables plus those the Lambda runtime sets.
func functionEnv(f Function, region, endpointURL string) func(string) string {
	env := map[string]string{
		"AWS_REGION":                      region,
		"AWS_DEFAULT_REGION":              region,
		"AWS_LAMBDA_FUNCTION_NAME":        f.Name,
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
		"AWS_ENDPOINT_URL":                endpointURL,
	}
	for k, v := range f.Env {
		if v == "" && env[k] != "" {
			continue // an empty template value does not hide the stack's own
		}
		env[k] = v
	}
	return func(k string) string { return env[k] }
}

// pollers is how many batches a mapping runs at once: the template's
// MaximumConcurrency when set, else four, a laptop-sized stand-in for
// Lambda's scaling.
func pollers(q QueueEvent) int {
	if q.MaximumConcurrency > 0 {
		return q.MaximumConcurrency
	}
	return 4
}

// mappingConfig turns a template SQS event into an event source mapping.
func mappingConfig(f Function, q QueueEvent, client eventsource.Queue, region string, h eventsource.Handler, c clock.Clock, log *slog.Logger) eventsource.Config {
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = 3 * time.Second
	}
	return eventsource.Config{
		Queue: client, QueueURL: q.QueueURL, QueueARN: q.QueueARN, Region: region,
		BatchSize: q.BatchSize, BatchingWindow: q.BatchingWindow, ReportBatchItemFailures: q.ReportBatchItemFailures,
		Pollers: pollers(q), Timeout: timeout, Handler: h, Clock: c, Logger: log,
	}
}
