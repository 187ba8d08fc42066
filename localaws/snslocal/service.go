package snslocal

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/payflow-dev/payflow/localaws/awsid"

	"github.com/payflow-dev/payflow/clock"
)

// QueueSink is where SNS hands messages for SQS subscriptions. The local
// endpoint implements it with the SQS emulator; tests record deliveries.
type QueueSink interface {
	// SendToQueue sends one message body, with its message attributes, to the
	// queue with the given ARN.
	SendToQueue(ctx context.Context, queueArn, body string, attrs map[string]MessageAttribute) error
}

// MessageAttribute is one SNS (and SQS) message attribute.
type MessageAttribute struct {
	// DataType is String, Number, Binary or String.Array, optionally with a
	// custom ".suffix".
	DataType string
	// StringValue holds the value of String, Number and String.Array types.
	StringValue string
	// BinaryValue holds the value of Binary types.
	BinaryValue []byte
}

// Config holds what a Service needs from its surroundings.
type Config struct {
	// Region and Account appear in topic and subscription ARNs. Empty values
	// default to us-east-1 and 123456789012.
	Region, Account string
	// Clock stamps notifications. Nil means the wall clock.
	Clock clock.Clock
	// Queues receives deliveries to SQS subscriptions. Nil drops them (and
	// counts them as failed).
	Queues QueueSink
	// Functions receives deliveries to lambda subscriptions. Nil drops
	// them (and counts them as failed).
	Functions FunctionSink
	// BaseURL is the endpoint's public URL, used in SigningCertURL and
	// UnsubscribeURL. Empty means the Host of the HTTP request, or
	// http://127.0.0.1:4566 for in-process publishes.
	BaseURL string
	// Logger receives one record per failed delivery. Nil discards them.
	Logger *slog.Logger
	// Published, when set, is told of every message published to a topic
	// (for a console to show), before its deliveries start.
	Published func(Published)
	// HTTPClient makes http/https deliveries. Nil means a client with AWS's
	// 15-second timeout. The local SNS delivers to whatever URL a
	// subscriber gives: it is a developer's tool, not a gateway.
	HTTPClient *http.Client
}

// Published is a message as it was published to a topic.
type Published struct {
	TopicARN, MessageID, Subject, Message string
	At                                    time.Time
}

// defaultBaseURL is the conventional local endpoint.
const defaultBaseURL = "http://127.0.0.1:4566"

// CertPath is the URL path at which ServeHTTP serves the PEM certificate
// that verifies notification signatures (the SigningCertURL).
const CertPath = "/SimpleNotificationService-local.pem"

// Service is one in-memory SNS for one account and Region. It is safe for
// concurrent use.
type Service struct {
	region, account string
	clock           clock.Clock
	queues          QueueSink
	functions       FunctionSink
	baseURL         string
	logger          *slog.Logger
	published       func(Published)
	random          io.Reader

	actions map[string]action // built once in New, read-only after

	mu     sync.RWMutex
	topics map[string]*topic        // by ARN
	subs   map[string]*subscription // by ARN
	// unsubscribed are removed http/https subscriptions, by the token of
	// the UnsubscribeConfirmation that can restore them.
	unsubscribed map[string]*subscription
	// apps and endpoints are the mobile push applications and their
	// device endpoints, by ARN.
	apps      map[string]*platformApp
	endpoints map[string]*platformEndpoint

	signerOnce sync.Once
	signer     *signer
	signerErr  error

	failures atomic.Int64
	web      *webDeliveries
	outbox   *outbox
}

// New returns an empty Service configured by cfg.
func New(cfg Config) *Service {
	s := &Service{
		region:    cfg.Region,
		account:   cfg.Account,
		clock:     cfg.Clock,
		queues:    cfg.Queues,
		functions: cfg.Functions,
		baseURL:   cfg.BaseURL,
		logger:    cfg.Logger,
		random:    rand.Reader,

		published:    cfg.Published,
		topics:       make(map[string]*topic),
		subs:         make(map[string]*subscription),
		unsubscribed: make(map[string]*subscription),
		apps:         make(map[string]*platformApp),
		endpoints:    make(map[string]*platformEndpoint),
		actions:      actions(),
		web:          newWebDeliveries(cfg.HTTPClient),
		outbox:       newOutbox(),
	}
	s.region, s.account = awsid.OrDefaults(s.region, s.account)
	if s.clock == nil {
		s.clock = clock.NewReal()
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	return s
}

// DeliveryFailures reports how many deliveries to subscribed queues have
// failed since the Service was created.
func (s *Service) DeliveryFailures() int64 { return s.failures.Load() }

// signingKey returns the RSA key that signs notifications, generating it on
// first use so that services which never deliver pay nothing for it. The key
// has 1024 bits rather than AWS's 2048: signing every notification is the
// most expensive step of a local publish, and the smaller key makes it about
// five times cheaper while staying verifiable the usual way.
func (s *Service) signingKey() (*signer, error) {
	s.signerOnce.Do(func() {
		key, err := rsa.GenerateKey(s.random, 1024)
		if err != nil {
			s.signerErr = fmt.Errorf("generate signing key: %w", err)
			return
		}
		s.signer, s.signerErr = newSigner(key, s.clock.Now())
	})
	return s.signer, s.signerErr
}

// newID returns a random version 4 UUID.
func (s *Service) newID() string {
	var b [16]byte
	if _, err := io.ReadFull(s.random, b[:]); err != nil {
		panic(fmt.Sprintf("snslocal: crypto/rand failed: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// publicURL is the base of the URLs put in notifications.
func (s *Service) publicURL(r *http.Request) string {
	switch {
	case s.baseURL != "":
		return s.baseURL
	case r != nil && r.Host != "":
		return "http://" + r.Host
	}
	return defaultBaseURL
}
