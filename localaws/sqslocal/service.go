package sqslocal

import (
	"crypto/rand"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/payflow-dev/payflow/localaws/awsid"

	"github.com/payflow-dev/payflow/clock"
)

// Config configures a Service.
type Config struct {
	// Region is where requests that name no region (unsigned ones, and
	// in-process sends by queue URL) find their queues; empty means
	// us-east-1. Signed requests use the region they were signed for.
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
	queues map[queueKey]*queue
	// deleted remembers when each queue name was last deleted, for the
	// minute in which AWS refuses to create it again.
	deleted map[queueKey]time.Time
	tasks   *moveTasks
}

// queueKey names a queue: queues are per region, as in AWS.
type queueKey struct{ region, name string }

// New returns an empty Service.
func New(cfg Config) *Service {
	cfg.Region, cfg.Account = awsid.OrDefaults(cfg.Region, cfg.Account)
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	s := &Service{cfg: cfg, clock: cfg.Clock, queues: make(map[queueKey]*queue), deleted: make(map[queueKey]time.Time), tasks: newMoveTasks()}
	s.ops = s.operations()
	return s
}

// queueARN is the ARN of the queue called name in region.
func (s *Service) queueARN(region, name string) string {
	return fmt.Sprintf("arn:%s:sqs:%s:%s:%s", awsid.Partition(region), region, s.cfg.Account, name)
}

// queueURL is the URL of the queue called name, as seen by a client that
// reached the service through host. URLs carry no region: a client reaches
// the queues of the region it signs its requests for.
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

// lookup returns the live queue called name in region.
func (s *Service) lookup(region, name string) (*queue, *Error) {
	s.mu.RLock()
	q := s.queues[queueKey{region, name}]
	s.mu.RUnlock()
	if q == nil {
		return nil, errNoQueue()
	}
	return q, nil
}

// byARN returns the live queue an ARN names, in the ARN's region.
func (s *Service) byARN(arn string) *queue {
	region, account, name, ok := splitQueueARN(arn)
	if !ok || account != s.cfg.Account {
		return nil
	}
	q, _ := s.lookup(region, name)
	return q
}

// resolve finds a queue of region from a queue URL, a bare
// /{account}/{name} path, a bare queue name or a queue ARN (which names its
// own region). The host part of a URL is ignored, so a URL built for
// another host still finds the queue by its path, as AWS does; a URL whose
// path names no queue is a queue that does not exist.
func (s *Service) resolve(region, ref string) (*queue, *Error) {
	if ref == "" {
		return nil, errMissing("QueueUrl")
	}
	if strings.HasPrefix(ref, "arn:") {
		q := s.byARN(ref)
		if q == nil {
			return nil, errNoQueue()
		}
		return q, nil
	}
	if !strings.ContainsAny(ref, "/:") {
		return s.lookup(region, ref)
	}
	account, name, ok := splitQueueRef(ref)
	if !ok || account != s.cfg.Account {
		return nil, errNoQueue()
	}
	return s.lookup(region, name)
}

// splitQueueARN takes a queue ARN apart.
func splitQueueARN(arn string) (region, account, name string, ok bool) {
	parts := strings.Split(arn, ":")
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "sqs" || parts[3] == "" || parts[5] == "" {
		return "", "", "", false
	}
	return parts[3], parts[4], parts[5], true
}

// splitQueueRef takes a queue URL or path apart.
func splitQueueRef(ref string) (account, name string, ok bool) {
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

// sortedNames lists the names of region's queues starting with prefix, in
// order.
func (s *Service) sortedNames(region, prefix string) []string {
	s.mu.RLock()
	names := make([]string, 0, len(s.queues))
	for k := range s.queues {
		if k.region == region && strings.HasPrefix(k.name, prefix) {
			names = append(names, k.name)
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
