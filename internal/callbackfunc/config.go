package callbackfunc

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/payflow-dev/payflow/internal/callback"
	"github.com/payflow-dev/payflow/internal/payments"
)

// Environment variables the callback reads.
const (
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
	// EnvLogLevel is debug, info (default), warn or error.
	EnvLogLevel = "LOG_LEVEL"
)

// config is the parsed environment.
type config struct {
	mode      payments.Mode
	heartbeat time.Duration
	latency   time.Duration
	logLevel  slog.Level
}

// readConfig parses the environment, reporting every bad variable at once.
func readConfig(getenv func(string) string) (config, error) {
	var (
		c    config
		errs []error
		err  error
	)
	if c.mode, err = payments.ParseMode(getenv(EnvPaymentMode)); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", EnvPaymentMode, err))
	}
	c.heartbeat = callback.DefaultHeartbeat
	if s := strings.TrimSpace(getenv(EnvHeartbeatSeconds)); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 3600 {
			errs = append(errs, fmt.Errorf("%s: %q is not a whole number of seconds between 1 and 3600", EnvHeartbeatSeconds, s))
		}
		c.heartbeat = time.Duration(n) * time.Second
	}
	if s := strings.TrimSpace(getenv(EnvPaymentLatencyMS)); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			errs = append(errs, fmt.Errorf("%s: %q is not a non-negative whole number of milliseconds", EnvPaymentLatencyMS, s))
		}
		c.latency = time.Duration(n) * time.Millisecond
	}
	if c.logLevel, err = parseLevel(getenv(EnvLogLevel)); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", EnvLogLevel, err))
	}
	return c, errors.Join(errs...)
}

// parseLevel reads a LOG_LEVEL value; empty means info.
func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if strings.TrimSpace(s) == "" {
		return slog.LevelInfo, nil
	}
	if err := l.UnmarshalText([]byte(strings.TrimSpace(s))); err != nil {
		return 0, fmt.Errorf("%q is not debug, info, warn or error", s)
	}
	return l, nil
}
