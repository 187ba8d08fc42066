package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/functions"
)

func main() {
	if err := run(context.Background(), os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "callback:", err)
		os.Exit(1)
	}
}

// run builds the handler once, at cold start, and hands it to the Lambda
// runtime. Logs go to stdout, which Lambda ships to CloudWatch Logs.
func run(ctx context.Context, getenv func(string) string, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM, os.Interrupt)
	defer stop()
	if getenv("AWS_LAMBDA_RUNTIME_API") == "" {
		return errors.New("AWS_LAMBDA_RUNTIME_API is not set: this binary runs inside AWS Lambda " +
			"(use `make run` for the local stack)")
	}
	awsCfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return fmt.Errorf("load AWS configuration: %w", err)
	}
	handler, err := functions.Callback(ctx, functions.Deps{
		AWS:    awsCfg,
		Getenv: getenv,
		// Embedded Metric Format lines go to stdout, as Lambda expects.
		Metrics: stdout,
		Logger:  slog.New(slog.NewJSONHandler(stdout, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Clock:   clock.NewReal(),
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "callback: starting Lambda runtime loop")
	lambda.StartWithOptions(handler, lambda.WithContext(ctx))
	return nil
}
