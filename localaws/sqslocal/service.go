package sqslocal

import (
	"crypto/rand"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/payflow-dev/payflow/localaws/awsid"

	"github.com/payflow-dev/payflow/clock"
)

// Config configures a Service.
type Config struct {
	// Region goes into queue ARNs; empty means us-east-1.
	Region string
	// Account owns every queue; empty means 123456789012.
	Account string
	// Clock drives visibility timeouts, delays, retention and long polls;
	// nil means the wall clock.
	Clock clock.Clock
	// BaseURL prefixes queue URLs, as in {BaseURL}/{account}/{name}. Empty
	// means each answer builds URLs from the request's Host header.
	BaseURL string
}

// Service is one local SQS endpoint holding every queue of one account. It
// is safe for concurrent use.
type Service struct {
	cfg   Config
	clock clock.Clock
	ops   map[string]operation // built once in New, read-only after

	mu     sync.RWMutex
	queues map[string]*queue // by name
}

// New returns an empty Service.
func New(cfg Config) *Service {
	cfg.Region, cfg.Account = awsid.OrDefaults(cfg.Region, cfg.Account)
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	s := &Service{cfg: cfg, clock: cfg.Clock, queues: make(map[string]*queue)}
	s.ops = s.operations()
	return s
}

// queueARN is the ARN of the queue called name.
func (s *Service) queueARN(name string) string {
	return fmt.Sprintf("arn:aws:sqs:%s:%s:%s", s.cfg.Region, s.cfg.Account, name)
}

// queueURL is the URL of the queue called name, as seen by a client that
// reached the service through host.
func (s *Service) queueURL(host, name string) string {
	base := s.cfg.BaseURL
	if base == "" {
		if host == "" {
			host = "localhost"
		}
		base = "http://" + host
	}
	return base + "/" + s.cfg.Account + "/" + name
}

// lookup returns the live queue called name.
func (s *Service) lookup(name string) (*queue, *Error) {
	s.mu.RLock()
	q := s.queues[name]
	s.mu.RUnlock()
	if q == nil {
		return nil, errNoQueue()
	}
	return q, nil
}

// resolve finds a queue from a queue URL, a bare /{account}/{name} path or
// a queue ARN. The host part of a URL is ignored.
func (s *Service) resolve(ref string) (*queue, *Error) {
	if ref == "" {
		return nil, errMissing("QueueUrl")
	}
	account, name, ok := splitQueueRef(ref)
	if !ok {
		return nil, newError(CodeInvalidAddress, "The address %s is not valid for this endpoint.", ref)
	}
	if account != s.cfg.Account {
		return nil, errNoQueue()
	}
	return s.lookup(name)
}

// splitQueueRef takes a queue URL, path or ARN apart.
func splitQueueRef(ref string) (account, name string, ok bool) {
	if strings.HasPrefix(ref, "arn:") {
		parts := strings.Split(ref, ":")
		if len(parts) != 6 || parts[2] != "sqs" {
			return "", "", false
		}
		return parts[4], parts[5], parts[5] != ""
	}
	path := ref
	if strings.Contains(ref, "://") {
		u, err := url.Parse(ref)
		if err != nil {
			return "", "", false
		}
		path = u.Path
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) < 2 {
		return "", "", false
	}
	account, name = parts[len(parts)-2], parts[len(parts)-1]
	return account, name, account != "" && name != ""
}

// sortedNames lists the queue names starting with prefix, in order.
func (s *Service) sortedNames(prefix string) []string {
	s.mu.RLock()
	names := make([]string, 0, len(s.queues))
	for name := range s.queues {
		if strings.HasPrefix(name, prefix) {
			names = append(names, name)
		}
	}
	s.mu.RUnlock()
	sort.Strings(names)
	return names
}

// newID returns a random version 4 UUID, the shape of AWS message and
// request IDs.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
