package awsendpoint

import (
	"log/slog"
	"net/http"

	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/dynamolocal"
	"github.com/payflow-dev/payflow/localaws/kmslocal"
	"github.com/payflow-dev/payflow/localaws/secretslocal"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
	"github.com/payflow-dev/payflow/localaws/snslocal"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

// Config configures an Endpoint.
type Config struct {
	// Region and Account own every resource; empty means us-east-1 and
	// 123456789012.
	Region, Account string
	// Clock drives every emulator; nil means the wall clock.
	Clock clock.Clock
	// BaseURL is the endpoint's public URL, used in queue URLs and SNS
	// links; empty means the Host of each request.
	BaseURL string
	// Logger receives the Task integrations' progress (execution, state,
	// queue or topic, never message contents); nil discards it.
	Logger *slog.Logger
	// Published, when set, is told of every message published to an SNS
	// topic.
	Published func(snslocal.Published)
}

// Endpoint is the emulators wired together behind one handler.
type Endpoint struct {
	SQS *sqslocal.Service
	SNS *snslocal.Service
	KMS *kmslocal.Service
	// SecretsManager holds secrets such as the payment processor's API
	// key.
	SecretsManager *secretslocal.Service
	StepFunctions  *sfnlocal.Service
	DynamoDB       *dynamolocal.Service
	region         string
	router         *Router
	functions      *functions
}

// New builds the emulators and wires in-process Step Functions' SQS, SNS
// and Lambda task integrations (the last for functions registered with
// RegisterFunction) and SNS's deliveries to SQS and to the registered
// functions.
func New(cfg Config) *Endpoint {
	cfg.Region, cfg.Account = awsid.OrDefaults(cfg.Region, cfg.Account)
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	e := &Endpoint{
		SQS: sqslocal.New(sqslocal.Config{Region: cfg.Region, Account: cfg.Account, Clock: cfg.Clock, BaseURL: cfg.BaseURL}),
		KMS: kmslocal.New(kmslocal.Config{Region: cfg.Region, Account: cfg.Account, Clock: cfg.Clock}),
		SecretsManager: secretslocal.New(secretslocal.Config{
			Region: cfg.Region, Account: cfg.Account, Clock: cfg.Clock,
		}),
		DynamoDB: dynamolocal.New(dynamolocal.Config{Region: cfg.Region, Account: cfg.Account, Clock: cfg.Clock}),
	}
	e.functions = &functions{byName: map[string]Function{}}
	glue := &integrations{sqs: e.SQS, dynamo: e.DynamoDB, functions: e.functions, log: cfg.Logger, clock: cfg.Clock}
	e.SNS = snslocal.New(snslocal.Config{
		Region: cfg.Region, Account: cfg.Account, Clock: cfg.Clock, Queues: glue, Functions: glue, BaseURL: cfg.BaseURL, Logger: cfg.Logger,
		Published: cfg.Published,
	})
	glue.sns = e.SNS
	e.StepFunctions = sfnlocal.New(sfnlocal.Config{
		Region: cfg.Region, Account: cfg.Account, Clock: cfg.Clock, Resources: glue.resources(),
	})
	e.region = cfg.Region
	// Adding a service is one more entry here: it describes its own
	// requests (awsproto.Routable).
	router, err := NewRouter(e.StepFunctions, e.SQS, e.SNS, e.KMS, e.SecretsManager, e.DynamoDB)
	if err != nil {
		// The built-in services claim disjoint targets, signing names and
		// actions; a clash is a bug in this package, caught by its tests.
		panic("awsendpoint: " + err.Error())
	}
	e.router = router
	return e
}

// ServeHTTP routes one request to its emulator. Requests that name no
// region (unsigned ones) are served in the endpoint's configured region.
func (e *Endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.router.ServeHTTP(w, r.WithContext(awsproto.WithDefaultRegion(r.Context(), e.region)))
}
