package dynamolocal

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash/crc32"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// TargetPrefix is the X-Amz-Target namespace of every DynamoDB operation.
const TargetPrefix = "DynamoDB_20120810."

// maxRequestBytes bounds a request body: 25 items of 400 KB plus JSON
// overhead fits.
const maxRequestBytes = 16 << 20

// DefaultSweepInterval is how often expired TTL items are deleted when
// Config.SweepInterval is zero.
const DefaultSweepInterval = time.Minute

// Config holds what a Service needs from its surroundings.
type Config struct {
	// Region and Account appear in table ARNs. Empty values default to
	// us-east-1 and 123456789012.
	Region, Account string
	// Clock stamps creation times and decides TTL expiry. Nil means the
	// wall clock.
	Clock clock.Clock
	// SweepInterval is how long, on Clock, between two deletions of
	// expired TTL items. A sweep runs with the first request after the
	// interval has passed; until then expired items are still returned,
	// as in AWS. Zero means DefaultSweepInterval.
	SweepInterval time.Duration
}

// Service is one in-memory DynamoDB for one account. Each region has its
// own tables, as in AWS: a request reaches the region it is signed for. It
// is safe for concurrent use.
type Service struct {
	region, account string
	clock           clock.Clock
	sweepEvery      time.Duration

	ops      map[string]handler // built once in New, read-only after
	reserved reservedWords      // built once in New, read-only after

	mu      sync.Mutex
	regions map[string]*regional
}

// New returns an empty Service configured by cfg.
func New(cfg Config) *Service {
	s := &Service{clock: cfg.Clock, sweepEvery: cfg.SweepInterval, regions: map[string]*regional{}}
	s.region, s.account = awsid.OrDefaults(cfg.Region, cfg.Account)
	if s.clock == nil {
		s.clock = clock.NewReal()
	}
	if s.sweepEvery <= 0 {
		s.sweepEvery = DefaultSweepInterval
	}
	s.ops = operations()
	s.reserved = loadReservedWords()
	return s
}

// handler runs one decoded operation and returns its response document.
type handler func(s *regional, body []byte) (any, error)

// ServeHTTP answers one AWS JSON 1.0 DynamoDB request.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Amzn-RequestId", requestID())
	if r.Method != http.MethodPost {
		writeResponse(w, nil, errorf(codeUnknownOperation, "DynamoDB requests are POSTs"))
		return
	}
	op, ok := strings.CutPrefix(r.Header.Get("X-Amz-Target"), TargetPrefix)
	if !ok {
		writeResponse(w, nil, errorf(codeUnknownOperation, "unknown target %q", r.Header.Get("X-Amz-Target")))
		return
	}
	body, err := awsproto.ReadBody(r, maxRequestBytes)
	if errors.Is(err, awsproto.ErrBodyTooLarge) {
		writeResponse(w, nil, validation("request body is larger than %d bytes", maxRequestBytes))
		return
	}
	if err != nil {
		writeResponse(w, nil, errorf(codeSerialization, "read request: %v", err))
		return
	}
	region := awsproto.RegionOf(r.WithContext(awsproto.WithDefaultRegion(r.Context(), s.region)))
	out, err := s.Call(r.Context(), region, op, body)
	writeResponse(w, out, err)
}

// Call runs one operation in a region ("" means the configured one) on a
// JSON request document and returns the JSON response document, or an
// *Error. Step Functions' DynamoDB tasks use it in-process.
func (s *Service) Call(_ context.Context, region, op string, body []byte) ([]byte, error) {
	h, ok := s.ops[op]
	if !ok {
		return nil, errorf(codeUnknownOperation, "operation %s is not supported by the local DynamoDB", op)
	}
	rg := s.regionNamed(region)
	rg.maybeSweep()
	out, err := h(rg, body)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// writeResponse answers with body, or with err in the error shape. Like
// DynamoDB it sends the body's CRC32 in X-Amz-Crc32, which the SDKs check.
func writeResponse(w http.ResponseWriter, body []byte, err error) {
	status := http.StatusOK
	if err != nil {
		status, body = wireError(err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/x-amz-json-1.0")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10))
	w.WriteHeader(status)
	_, _ = w.Write(body) // the client has gone if this fails; nothing to do
}

func requestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return strings.ToUpper(hex.EncodeToString(b[:]))
}

// decode reads a JSON request document into v. Unknown members are
// ignored, as newer SDKs send members this emulator has no use for.
func decode(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		var derr *Error
		if errors.As(err, &derr) {
			return derr
		}
		return errorf(codeSerialization, "malformed request body: %v", err)
	}
	return nil
}

// table returns the named table; the caller holds s.mu.
func (s *regional) table(name string) (*table, error) {
	if name == "" {
		return nil, validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
	}
	t, ok := s.tables[tableNameOf(name)]
	if !ok {
		return nil, tableNotFound()
	}
	return t, nil
}
