// Command api serves the order API: as a Lambda function behind an API
// Gateway HTTP API when AWS_LAMBDA_RUNTIME_API is set, and otherwise as a
// plain HTTP server on ADDR (default 127.0.0.1:8080), with the same router.
// See internal/functions for the environment it reads.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/httpapi"
)

// defaultAddr keeps a local run off the network unless asked otherwise.
const defaultAddr = "127.0.0.1:8080"

// shutdownGrace is how long in-flight requests get to finish on SIGTERM.
const shutdownGrace = 10 * time.Second

func main() {
	if err := run(context.Background(), os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "api:", err)
		os.Exit(1)
	}
}

// run builds everything once, then serves until ctx ends or a signal
// arrives. Logs go to stdout as JSON, which Lambda ships to CloudWatch.
func run(ctx context.Context, getenv func(string) string, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM, os.Interrupt)
	defer stop()

	// The server's own lines obey LOG_LEVEL too, read by the same parser
	// as the function's.
	level, err := functions.ParseLevel(getenv(functions.EnvLogLevel))
	if err != nil {
		return fmt.Errorf("%s: %w", functions.EnvLogLevel, err)
	}
	logger := slog.New(slog.NewJSONHandler(stdout, &slog.HandlerOptions{Level: level}))

	awsCfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return fmt.Errorf("load AWS configuration: %w", err)
	}
	handler, err := functions.API(ctx, functions.Deps{AWS: awsCfg, Getenv: getenv, Logger: logger, Clock: clock.NewReal(), Metrics: stdout})
	if err != nil {
		return err
	}

	if getenv("AWS_LAMBDA_RUNTIME_API") != "" {
		fmt.Fprintln(stderr, "api: starting Lambda runtime loop")
		lambda.StartWithOptions(httpapi.LambdaHandler(handler), lambda.WithContext(ctx))
		return nil
	}
	addr := getenv("ADDR")
	if addr == "" {
		addr = defaultAddr
	}
	return serve(ctx, addr, handler, logger)
}

// serve runs an HTTP server on addr until ctx ends, then shuts it down,
// letting in-flight requests finish.
func serve(ctx context.Context, addr string, h http.Handler, logger *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	logger.InfoContext(ctx, "serving HTTP", "addr", ln.Addr().String())

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down", "grace", shutdownGrace)
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
