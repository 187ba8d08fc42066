package functions

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/secretcache"
	"github.com/payflow-dev/payflow/internal/simulator"
	"github.com/payflow-dev/payflow/internal/stripeprocessor"
)

// Environment variables that choose and configure the callback's payment
// processor.
const (
	// EnvPaymentProcessor is "simulated" (default: the test-card
	// simulator, no money moves) or "stripe".
	EnvPaymentProcessor = "PAYMENT_PROCESSOR"
	// EnvStripeSecretID names the Secrets Manager secret holding the
	// Stripe secret key (name or ARN); required with stripe.
	EnvStripeSecretID = "STRIPE_SECRET_ID"
	// EnvStripeAPIURL overrides Stripe's API base URL, for stripe-mock;
	// empty means https://api.stripe.com.
	EnvStripeAPIURL = "STRIPE_API_URL"
	// EnvStripeCapture is "automatic" (default: the authorization is the
	// payment) or "manual" (authorize now, capture later).
	EnvStripeCapture = "STRIPE_CAPTURE"
)

// The processors PAYMENT_PROCESSOR accepts.
const (
	processorSimulated = "simulated"
	processorStripe    = "stripe"
)

// processorConfig is the processor part of the callback's environment.
type processorConfig struct {
	name     string
	secretID string
	apiURL   string
	capture  stripeprocessor.Capture
}

// readProcessorConfig parses the processor variables into e.
func readProcessorConfig(e *env) processorConfig {
	c := processorConfig{
		name:     strings.ToLower(e.optional(EnvPaymentProcessor, processorSimulated)),
		secretID: e.optional(EnvStripeSecretID, ""),
		apiURL:   e.optional(EnvStripeAPIURL, ""),
		capture:  stripeprocessor.Capture(strings.ToLower(e.optional(EnvStripeCapture, string(stripeprocessor.CaptureAutomatic)))),
	}
	if c.name != processorSimulated && c.name != processorStripe {
		e.check(EnvPaymentProcessor, fmt.Errorf("%q is neither %q nor %q", c.name, processorStripe, processorSimulated))
	}
	if c.capture != stripeprocessor.CaptureAutomatic && c.capture != stripeprocessor.CaptureManual {
		e.check(EnvStripeCapture, fmt.Errorf("%q is neither %q nor %q", c.capture, stripeprocessor.CaptureAutomatic, stripeprocessor.CaptureManual))
	}
	if c.name == processorStripe && c.secretID == "" {
		e.check(EnvStripeSecretID, fmt.Errorf("required when %s is %s", EnvPaymentProcessor, processorStripe))
	}
	return c
}

// newProcessor builds the processor the environment chose. The simulator
// is announced with a warning at every cold start: it decides by test card
// and moves no money, which on AWS is only ever right for a demo.
func newProcessor(ctx context.Context, pc processorConfig, cfg callbackConfig, awsCfg aws.Config, clk clock.Clock, log *slog.Logger) (orders.PaymentProcessor, error) {
	if pc.name == processorSimulated {
		log.WarnContext(ctx, "payment processor is the simulator: test cards decide and no money moves; "+
			"deploy with PaymentProcessor=stripe to take payments",
			"paymentProcessor", pc.name, "paymentMode", string(cfg.mode))
		return simulator.New(simulator.Config{Mode: cfg.mode, Clock: clk, Latency: cfg.latency}), nil
	}
	key, err := secretcache.New(secretcache.Config{
		Reader: secretsmanager.NewFromConfig(awsCfg), SecretID: pc.secretID, Clock: clk,
	})
	if err != nil {
		return nil, err
	}
	p, err := stripeprocessor.New(stripeprocessor.Config{
		Key: key, BaseURL: pc.apiURL, Capture: pc.capture, Clock: clk, Logger: log,
	})
	if err != nil {
		return nil, err
	}
	api := pc.apiURL
	if api == "" {
		api = "https://api.stripe.com"
	}
	log.InfoContext(ctx, "payment processor is Stripe", "stripeSecret", pc.secretID, "stripeAPI", api, "capture", string(pc.capture))
	return p, nil
}
