package localaws

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/awsendpoint"
	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/loopback"
)

// Options configure an endpoint. The zero value is ready to use.
type Options struct {
	// Region and Account name the default region (for requests that are
	// not signed for one) and the account in ARNs and queue URLs; empty
	// means us-east-1 and 123456789012.
	Region, Account string
	// Clock drives every emulator's waits (SQS visibility and long polls,
	// ASL Wait states, task timeouts); nil means the wall clock. A test
	// passes a fake clock to move time itself.
	Clock clock.Clock
	// Logger receives the endpoint's progress logs; nil discards them.
	Logger *slog.Logger
	// AllowHosts are Host names besides loopback ones the endpoint
	// answers; "*" allows any.
	AllowHosts []string
}

// Server is a local AWS endpoint listening on a loopback port.
type Server struct {
	// URL is the endpoint's base URL, http://127.0.0.1:PORT.
	URL string
	// Endpoint is the emulators behind the URL, for in-process use such
	// as registering Lambda functions for lambda:invoke tasks.
	Endpoint *awsendpoint.Endpoint

	region    string
	srv       *http.Server
	served    chan error
	closeOnce sync.Once
	closeErr  error
}

// New starts an endpoint on a free loopback port. Close stops it.
func New(opts Options) (*Server, error) {
	region, account := awsid.OrDefaults(opts.Region, opts.Account)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen for the local AWS endpoint: %w", err)
	}
	s := &Server{URL: "http://" + ln.Addr().String(), region: region, served: make(chan error, 1)}
	s.Endpoint = awsendpoint.New(awsendpoint.Config{
		Region: region, Account: account, Clock: opts.Clock, BaseURL: s.URL, Logger: opts.Logger,
	})
	s.srv = loopback.Server(loopback.Guard(s.Endpoint, loopback.Config{AllowHosts: opts.AllowHosts}), loopback.Timeouts{})
	go func() { s.served <- s.srv.Serve(ln) }()
	return s, nil
}

// Start is New for tests: it fails tb if the endpoint cannot start and
// closes the endpoint when the test and its subtests are done.
func Start(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close the local AWS endpoint: %v", err)
		}
	})
	return s
}

// AWSConfig returns an SDK configuration that sends every client built
// from it to this endpoint, in the endpoint's default region, with static
// credentials (any are accepted).
func (s *Server) AWSConfig() aws.Config {
	return aws.Config{
		Region:       s.region,
		BaseEndpoint: aws.String(s.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("local", "local", ""),
	}
}

// Close stops the endpoint: it stops accepting, waits up to a second for
// requests in flight, then cuts what is left (a client still in a long poll
// sees its connection close), so a test's cleanup stays quick. Calling it
// again does nothing.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := s.srv.Shutdown(ctx); err != nil {
			s.closeErr = s.srv.Close()
		}
		if err := <-s.served; !errors.Is(err, http.ErrServerClosed) {
			s.closeErr = errors.Join(s.closeErr, err)
		}
		s.Endpoint.SNS.Close() // webhook deliveries and their pending retries
	})
	return s.closeErr
}
