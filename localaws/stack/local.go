package stack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/awsendpoint"
	"github.com/payflow-dev/payflow/localaws/console"
	"github.com/payflow-dev/payflow/localaws/eventsource"
	"github.com/payflow-dev/payflow/localaws/gateway"
	"github.com/payflow-dev/payflow/localaws/loopback"
	"github.com/payflow-dev/payflow/localaws/snslocal"
)

// LocalConfig describes a whole local stack.
type LocalConfig struct {
	TemplatePath string
	// Addr and APIAddr are where the AWS endpoint and the HTTP API listen;
	// a port of 0 picks a free one.
	Addr, APIAddr string
	Region        string
	AccountID     string
	StackName     string
	Parameters    map[string]string
	// Code runs the template's functions; functions it does not know are
	// reported and not run.
	Code   Code
	Clock  clock.Clock
	Logger *slog.Logger
	// AllowHosts are Host names besides loopback ones that both servers
	// answer (for containers); "*" allows any. See package loopback.
	AllowHosts []string
	// APICredentials verify the signatures of routes with AWS_IAM
	// authorization; nil means DefaultAPICredentials.
	APICredentials gateway.Credentials
	// JWKSURL, when set, replaces the issuer's own key set for every JWT
	// authorizer, so that tokens from a local or test issuer validate.
	JWKSURL string
}

// The access key the local HTTP API accepts signatures from by default,
// the same static credentials the local AWS endpoint is used with.
const (
	DefaultAPIAccessKey = "local"
	DefaultAPISecretKey = "local"
)

// Local is a running local stack.
type Local struct {
	Endpoint    *awsendpoint.Endpoint
	Stack       *Stack
	EndpointURL string
	APIURL      string
	// AWS is an SDK configuration for the local endpoint (over TCP) with
	// static credentials.
	AWS aws.Config
	// Feed collects what the console at EndpointURL+console.Prefix shows
	// beside the AWS APIs: notifications and metrics.
	Feed *console.Recorder
	// functionAWS is the same for the hosted functions, whose requests
	// reach the endpoint in-process.
	functionAWS aws.Config

	cfg     LocalConfig
	runCtx  context.Context
	servers []*http.Server
	stop    context.CancelFunc
	mapping sync.WaitGroup
	log     *slog.Logger
}

// Start listens, serves the endpoint, deploys the template onto it and
// starts the functions. Close stops it all.
func Start(ctx context.Context, cfg LocalConfig) (_ *Local, err error) {
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	endpointLn, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("listen for the AWS endpoint: %w", err)
	}
	apiLn, err := net.Listen("tcp", cfg.APIAddr)
	if err != nil {
		endpointLn.Close()
		return nil, fmt.Errorf("listen for the HTTP API: %w", err)
	}
	l := &Local{
		EndpointURL: "http://" + endpointLn.Addr().String(),
		APIURL:      "http://" + apiLn.Addr().String(),
		log:         cfg.Logger,
		cfg:         cfg,
	}
	l.runCtx, l.stop = context.WithCancel(context.WithoutCancel(ctx))
	defer func() {
		if err != nil {
			apiLn.Close()
			l.Close(context.Background())
		}
	}()
	l.Feed = console.NewFeed(0)
	l.Endpoint = awsendpoint.New(awsendpoint.Config{
		Published: func(p snslocal.Published) {
			l.Feed.Notify(console.Notification{Topic: p.TopicARN, Subject: p.Subject, Message: p.Message, At: p.At})
		},
		Region: cfg.Region, Account: cfg.AccountID, Clock: cfg.Clock, BaseURL: l.EndpointURL,
		Logger: cfg.Logger.With("component", "stepfunctions"),
	})
	l.AWS = localAWS(cfg.Region, l.EndpointURL)
	l.functionAWS = l.AWS.Copy()
	l.functionAWS.HTTPClient = &http.Client{Transport: inProcess{handler: l.Endpoint}}
	cons := console.New(console.Config{AWS: l.functionAWS, Clock: cfg.Clock, Feed: l.Feed, Logger: cfg.Logger.With("component", "console")})
	l.serve(endpointLn, loopback.Guard(console.Mount(cons, l.Endpoint), loopback.Config{AllowHosts: cfg.AllowHosts}))
	l.Stack, err = Deploy(ctx, DeployConfig{
		TemplatePath: cfg.TemplatePath, Region: cfg.Region, AccountID: cfg.AccountID, StackName: cfg.StackName,
		Parameters: cfg.Parameters, AWS: l.AWS, APIURL: l.APIURL, Logger: cfg.Logger,
	})
	if err != nil {
		return nil, err
	}
	routes, err := l.startFunctions(cfg.Code)
	if err != nil {
		return nil, err
	}
	gw, err := gateway.New(gateway.Config{
		Routes: routes, AccountID: cfg.AccountID, APIID: l.apiID(), Clock: cfg.Clock,
		Logger: cfg.Logger.With("component", "gateway"), Handler: notDeployed,
		Region: cfg.Region, Credentials: apiCredentials(cfg.APICredentials),
	})
	if err != nil {
		return nil, err
	}
	// The HTTP API is meant to be called by web pages (a storefront), so
	// browsers' cross-origin requests pass; the Host check still applies.
	api := loopback.Guard(logRequests(gw, cfg.Logger.With("component", "api")),
		loopback.Config{AllowHosts: cfg.AllowHosts, AllowBrowsers: true})
	l.serve(apiLn, api)
	return l, nil
}

// apiCredentials is c, or the default local access key.
func apiCredentials(c gateway.Credentials) gateway.Credentials {
	if c != nil {
		return c
	}
	return gateway.StaticCredentials(DefaultAPIAccessKey, DefaultAPISecretKey)
}

// startFunctions builds each function the host has code for and starts
// its event source mappings; it returns the HTTP API routes.
func (l *Local) startFunctions(code Code) ([]gateway.Route, error) {
	var routes []gateway.Route
	for _, f := range l.Stack.Functions {
		if len(f.Routes) > 0 {
			build, ok := code.httpFor(f)
			if !ok {
				l.log.Warn("no local code for function; its routes are not served", "function", f.LogicalID, "codeUri", f.CodeURI)
				continue
			}
			h, err := build(l.runCtx, l.deps(f))
			if err != nil {
				return nil, fmt.Errorf("start function %s: %w", f.LogicalID, err)
			}
			l.Endpoint.RegisterFunction(f.Name, asFunction(h))
			for _, r := range f.Routes {
				r.Handler, r.Timeout = h, f.Timeout
				if r.Auth.Type == gateway.AuthJWT && l.cfg.JWKSURL != "" {
					r.Auth.JWT.JWKSURL = l.cfg.JWKSURL
				}
				routes = append(routes, r)
			}
		}
		if len(f.Queues) > 0 {
			build, ok := code.queueFor(f)
			if !ok {
				l.log.Warn("no local code for function; its queues are not polled", "function", f.LogicalID, "codeUri", f.CodeURI)
				continue
			}
			if err := l.startMappings(f, build); err != nil {
				return nil, err
			}
		}
	}
	return routes, nil
}

// StartQueueFunction starts the event source mappings of the named
// function with the given code, for a function Start left without code.
// Tests use it to let messages pile up before the function runs.
func (l *Local) StartQueueFunction(logicalID string, build QueueFunction) error {
	for _, f := range l.Stack.Functions {
		if f.LogicalID == logicalID {
			return l.startMappings(f, build)
		}
	}
	return fmt.Errorf("stack has no function %s", logicalID)
}

func (l *Local) startMappings(f Function, build QueueFunction) error {
	deps := l.deps(f)
	h, err := build(l.runCtx, deps)
	if err != nil {
		return fmt.Errorf("start function %s: %w", f.LogicalID, err)
	}
	l.Endpoint.RegisterFunction(f.Name, asFunction(h))
	client := sqs.NewFromConfig(l.functionAWS)
	for _, q := range f.Queues {
		m, err := eventsource.New(mappingConfig(f, q, client, l.cfg.Region, h, l.cfg.Clock, deps.Logger))
		if err != nil {
			return fmt.Errorf("event source mapping of %s: %w", f.LogicalID, err)
		}
		l.mapping.Add(1)
		go func() {
			defer l.mapping.Done()
			_ = m.Run(l.runCtx)
		}()
	}
	return nil
}

func (l *Local) deps(f Function) FunctionDeps {
	return FunctionDeps{
		AWS: l.functionAWS, Getenv: functionEnv(f, l.cfg.Region, l.EndpointURL), Clock: l.cfg.Clock,
		Logger: l.cfg.Logger.With("function", f.LogicalID), Stdout: l.Feed,
	}
}

// apiID is the physical ID of the template's HTTP API, for the events'
// requestContext.apiId.
func (l *Local) apiID() string {
	for _, r := range l.Stack.Resources {
		if r.Type == "AWS::Serverless::HttpApi" || r.Type == "AWS::ApiGatewayV2::Api" {
			return r.PhysicalID
		}
	}
	return "local"
}

func (l *Local) serve(ln net.Listener, h http.Handler) {
	srv := loopback.Server(h, loopback.Timeouts{})
	l.servers = append(l.servers, srv)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			l.log.Error("server stopped", "addr", ln.Addr().String(), "error", err)
		}
	}()
}

// Close stops taking API requests, lets the event source mappings finish
// their batches, then stops the endpoint. ctx bounds the wait.
func (l *Local) Close(ctx context.Context) error {
	var errs []error
	for i := len(l.servers) - 1; i >= 1; i-- { // the API first
		errs = append(errs, l.servers[i].Shutdown(ctx))
	}
	if l.stop != nil {
		l.stop()
	}
	done := make(chan struct{})
	go func() { l.mapping.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		errs = append(errs, fmt.Errorf("event source mappings still running: %w", ctx.Err()))
	}
	if len(l.servers) > 0 {
		if err := l.servers[0].Shutdown(ctx); err != nil {
			errs = append(errs, l.servers[0].Close())
		}
	}
	if l.Endpoint != nil {
		l.Endpoint.SNS.Close() // webhook deliveries and their pending retries
	}
	return errors.Join(errs...)
}

// localAWS is the SDK configuration for the local endpoint: any static
// credentials do, and a connection pool sized for a busy local flow.
func localAWS(region, endpointURL string) aws.Config {
	httpClient := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConns = 512
		t.MaxIdleConnsPerHost = 512
	})
	return aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider("local", "local", ""),
		BaseEndpoint: aws.String(endpointURL),
		HTTPClient:   httpClient,
	}
}
