package functions

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/opsmetrics"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/tracing"
)

// EnvLogLevel is read by both functions: debug, info (default), warn or
// error.
const EnvLogLevel = "LOG_LEVEL"

// Deps is what either function is built from. Every field but AWS is
// required; AWS configures the SDK clients (region, credentials, and an
// endpoint such as the local stack's).
type Deps struct {
	AWS aws.Config
	// Getenv reads the function's configuration: os.Getenv on Lambda, the
	// template's Environment under `make run`.
	Getenv func(string) string
	// Logger receives the function's logs; LOG_LEVEL filters them. Give
	// it a handler that lets debug records through, so that LOG_LEVEL
	// alone decides.
	Logger *slog.Logger
	// Clock is read for card expiry, request timing, heartbeats and the
	// simulator's latency.
	Clock clock.Clock
	// Metrics, when set, receives the function's Embedded Metric Format
	// lines: standard output on Lambda, the console's feed under the
	// local stack. Nil publishes no metrics.
	Metrics io.Writer
	// Processor is the callback's payment processor. Nil means the
	// simulator, in the PAYMENT_MODE the environment names. Tests give
	// several callback environments one processor, as they would share one
	// acquirer.
	Processor orders.PaymentProcessor
}

// recorder returns the metrics recorder d asks for, or nil.
func (d Deps) recorder() *opsmetrics.Recorder {
	if d.Metrics == nil {
		return nil
	}
	return opsmetrics.New(d.Metrics, d.Clock)
}

// env reads environment variables and collects every problem, so that a
// function refusing to start names all of them at once.
type env struct {
	getenv func(string) string
	errs   []error
}

func newEnv(d Deps) (*env, error) {
	if d.Getenv == nil || d.Logger == nil || d.Clock == nil {
		return nil, errors.New("functions: Deps.Getenv, Deps.Logger and Deps.Clock are required")
	}
	return &env{getenv: d.Getenv}, nil
}

// required returns the value of name, recording a problem if it is unset.
func (e *env) required(name string) string {
	v := strings.TrimSpace(e.getenv(name))
	if v == "" {
		e.errs = append(e.errs, fmt.Errorf("environment variable %s is not set", name))
	}
	return v
}

// optional returns the value of name, or def if it is unset.
func (e *env) optional(name, def string) string {
	if v := strings.TrimSpace(e.getenv(name)); v != "" {
		return v
	}
	return def
}

// whole reads an optional whole number of unit between lo and hi.
func (e *env) whole(name string, def time.Duration, unit time.Duration, lo, hi int) time.Duration {
	s := strings.TrimSpace(e.getenv(name))
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		e.errs = append(e.errs, fmt.Errorf("%s: %q is not a whole number of %s between %d and %d", name, s, unitName(unit), lo, hi))
		return def
	}
	return time.Duration(n) * unit
}

func unitName(unit time.Duration) string {
	if unit == time.Millisecond {
		return "milliseconds"
	}
	return "seconds"
}

// check records err, naming the variable, if it is not nil.
func (e *env) check(name string, err error) {
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s: %w", name, err))
	}
}

// logger applies LOG_LEVEL to base.
func (e *env) logger(base *slog.Logger) *slog.Logger {
	level, err := ParseLevel(e.getenv(EnvLogLevel))
	e.check(EnvLogLevel, err)
	return slog.New(tracing.LogHandler(levelHandler{min: level, next: base.Handler()}))
}

// err returns every problem recorded, or nil.
func (e *env) err() error { return errors.Join(e.errs...) }

// ParseLevel reads a LOG_LEVEL value; empty means info. It is the one
// LOG_LEVEL parser of the service's functions.
func ParseLevel(s string) (slog.Level, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return slog.LevelInfo, nil
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("%q is not debug, info, warn or error", s)
	}
	return l, nil
}

// ready logs that a function is configured, at info level.
func ready(ctx context.Context, log *slog.Logger, msg string, args ...any) {
	log.InfoContext(ctx, msg, args...)
}
