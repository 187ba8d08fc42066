package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/payflow-dev/payflow/internal/stripemock"
	"github.com/payflow-dev/payflow/localaws/stack"
)

// The processors -processor accepts, as the template's PaymentProcessor
// parameter names them.
const (
	processorSimulated = "simulated"
	processorStripe    = "stripe"
)

// stripeMockKey is the secret key put in the stack's Stripe secret when
// the callback talks to stripe-mock, which accepts any test-mode key.
const stripeMockKey = "sk_test_123"

// localProcessor is what -processor sets up around the stack.
type localProcessor struct {
	mock *stripemock.Server // nil with the simulator
}

// startProcessor sets the template parameters for the chosen processor
// (explicit -param values win) and, for stripe, starts stripe-mock for the
// callback to charge.
func startProcessor(ctx context.Context, o *options, log io.Writer) (*localProcessor, error) {
	setDefault := func(k, v string) {
		if _, ok := o.params[k]; !ok {
			o.params[k] = v
		}
	}
	switch o.processor {
	case processorSimulated:
		setDefault("PaymentProcessor", processorSimulated)
		// The template's rule wants this on AWS; locally the simulator is
		// the point.
		setDefault("AllowSimulatedProcessor", "yes-no-money-moves")
		return &localProcessor{}, nil
	case processorStripe:
		mock, err := stripemock.Start(ctx, stripemock.Config{Log: log})
		if err != nil {
			return nil, fmt.Errorf("-processor stripe: %w", err)
		}
		setDefault("PaymentProcessor", processorStripe)
		setDefault("StripeApiUrl", mock.URL)
		return &localProcessor{mock: mock}, nil
	}
	return nil, fmt.Errorf("-processor: %q is neither %q nor %q", o.processor, processorSimulated, processorStripe)
}

// ready puts stripe-mock's test key in the stack's secret, as an operator
// puts the live key in on AWS, so the callback reads it from the local
// Secrets Manager the same way.
func (p *localProcessor) ready(ctx context.Context, local *stack.Local) error {
	if p.mock == nil {
		return nil
	}
	arn := local.Stack.Outputs["StripeSecretArn"].Value
	if arn == "" {
		return fmt.Errorf("-processor stripe: the template has no StripeSecretArn output")
	}
	_, err := secretsmanager.NewFromConfig(local.AWS).PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{
		SecretId: aws.String(arn), SecretString: aws.String(stripeMockKey),
	})
	if err != nil {
		return fmt.Errorf("-processor stripe: put the test key: %w", err)
	}
	return nil
}

// describe says in the banner who authorizes payments.
func (p *localProcessor) describe() string {
	if p.mock == nil {
		return "simulator (test cards decide; make run PROCESSOR=stripe uses the Stripe adapter)"
	}
	return "Stripe adapter against stripe-mock at " + p.mock.URL
}

// close stops stripe-mock, if it runs.
func (p *localProcessor) close() error {
	if p.mock == nil {
		return nil
	}
	return p.mock.Close()
}
