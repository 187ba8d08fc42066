package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/payflow-dev/payflow/localaws/awsid"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/cmd/local/hosted"
	"github.com/payflow-dev/payflow/localaws/gateway"
	"github.com/payflow-dev/payflow/localaws/stack"
)

// options are the command-line flags.
type options struct {
	template, addr, apiAddr string
	region, account, stack  string
	logLevel                string
	processor               string
	params                  paramFlag
	allowHosts              listFlag
	// The HTTP API's credentials for AWS_IAM routes, and the key set for
	// JWT routes.
	apiAccessKey, apiSecretKey, jwksURL string
	// envJSON is where to write an env.json for sam local, as seen from
	// containers at containerHost.
	envJSON, containerHost string
}

// listFlag collects a repeated flag's values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// paramFlag collects repeated -param Key=Value template parameters.
type paramFlag map[string]string

func (p paramFlag) String() string { return fmt.Sprint(map[string]string(p)) }

func (p paramFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("want Key=Value, got %q", s)
	}
	p[k] = v
	return nil
}

func parseFlags(args []string, getenv func(string) string, stderr io.Writer) (options, error) {
	o := options{params: paramFlag{}}
	fs := flag.NewFlagSet("local", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.template, "template", "template.yml", "SAM template to create the stack from")
	fs.StringVar(&o.addr, "addr", "127.0.0.1:4566", "listen address of the local AWS endpoint")
	fs.StringVar(&o.apiAddr, "api-addr", "127.0.0.1:3000", "listen address of the HTTP API")
	fs.StringVar(&o.region, "region", orDefault(getenv("AWS_REGION"), awsid.DefaultRegion), "AWS Region of the local stack")
	fs.StringVar(&o.account, "account", awsid.DefaultAccount, "AWS account ID of the local stack")
	fs.StringVar(&o.stack, "stack-name", "payflow", "stack name, used in resource names")
	fs.StringVar(&o.logLevel, "log-level", orDefault(getenv("LOG_LEVEL"), "info"), "log level: debug, info, warn or error")
	fs.StringVar(&o.processor, "processor", orDefault(getenv("PAYFLOW_PROCESSOR"), processorSimulated),
		"payment processor: simulated, or stripe (the Stripe adapter against a local stripe-mock)")
	fs.Var(o.params, "param", "template parameter override Key=Value (repeatable)")
	fs.StringVar(&o.apiAccessKey, "api-access-key", stack.DefaultAPIAccessKey, "access key id the HTTP API accepts SigV4 signatures from (AuthMode AWS_IAM)")
	fs.StringVar(&o.apiSecretKey, "api-secret-key", stack.DefaultAPISecretKey, "its secret access key")
	fs.StringVar(&o.jwksURL, "jwks-url", "", "JWKS URL to validate tokens with (AuthMode JWT); default: the JwtIssuer's own, from its OpenID configuration")
	fs.StringVar(&o.envJSON, "env-json", "", "write an env.json for `sam local start-api/invoke --env-vars` with the local stack's ARNs, URLs and key ids")
	fs.StringVar(&o.containerHost, "container-host", "host.docker.internal", "the host name SAM's containers reach this machine by (for -env-json)")
	fs.Var(&o.allowHosts, "allow-host", "a Host name besides loopback ones to answer, e.g. host.docker.internal; * for any (repeatable)")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		return options{}, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return o, nil
}

// authMode is the AuthMode the stack is built with.
func (o options) authMode() string {
	if m := o.params["AuthMode"]; m != "" {
		return m
	}
	return gateway.AuthIAM
}

// run starts the local stack, prints how to use it, and serves until ctx
// is cancelled or the process is interrupted.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	started := time.Now()
	o, err := parseFlags(args, getenv, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(o.logLevel)); err != nil {
		return fmt.Errorf("-log-level: %w", err)
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	proc, err := startProcessor(ctx, &o, io.Discard)
	if err != nil {
		return err
	}
	defer func() {
		if err := proc.close(); err != nil {
			logger.Warn("stripe-mock", "error", err)
		}
	}()
	local, err := stack.Start(ctx, stack.LocalConfig{
		TemplatePath: o.template, Addr: o.addr, APIAddr: o.apiAddr,
		Region: o.region, AccountID: o.account, StackName: o.stack, Parameters: o.params,
		Code: hosted.Code(), Clock: clock.NewReal(), Logger: logger, AllowHosts: o.allowHosts,
		APICredentials: gateway.StaticCredentials(o.apiAccessKey, o.apiSecretKey), JWKSURL: o.jwksURL,
	})
	if err != nil {
		return err
	}
	if err := proc.ready(ctx, local); err != nil {
		_ = local.Close(context.Background())
		return err
	}
	warnNonLoopback(stderr, o.addr)
	if o.envJSON != "" {
		if err := writeEnvJSON(o.envJSON, local, o.containerHost); err != nil {
			_ = local.Close(context.Background())
			return err
		}
		warnAboutReach(stderr, o.addr, o.allowHosts, o.containerHost)
		fmt.Fprintf(stdout, "Wrote %s for sam local --env-vars (endpoint http://%s as containers see it).\n", o.envJSON, o.containerHost)
	}
	printBanner(stdout, local, o, proc.describe(), time.Since(started), clock.NewReal().Now())
	<-ctx.Done()
	fmt.Fprintln(stdout, "\nstopping...")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return local.Close(shutdown)
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
