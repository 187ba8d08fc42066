package kmslocal

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/payflow-dev/payflow/localaws/awsid"

	"github.com/payflow-dev/payflow/clock"
)

// targetPrefix is the X-Amz-Target namespace of every KMS operation.
const targetPrefix = "TrentService."

// maxRequestBytes bounds a request body; KMS payloads are at most a few KiB.
const maxRequestBytes = 1 << 20

// Config holds what a Service needs from its surroundings.
type Config struct {
	// Region and Account appear in key and alias ARNs. Empty values default to
	// us-east-1 and 123456789012.
	Region, Account string
	// Clock stamps creation and deletion dates. Nil means the wall clock.
	Clock clock.Clock
	// Random supplies key material, nonces and key ids. Nil means
	// crypto/rand.Reader.
	Random io.Reader
}

// Service is one in-memory KMS for one account and Region. It is safe for
// concurrent use.
type Service struct {
	region, account string
	clock           clock.Clock
	random          io.Reader

	ops map[string]handler // built once in New, read-only after

	mu      sync.RWMutex
	keys    map[string]*key   // by key id
	aliases map[string]*alias // by alias name, "alias/..."
}

// New returns an empty Service configured by cfg.
func New(cfg Config) *Service {
	s := &Service{
		region:  cfg.Region,
		account: cfg.Account,
		clock:   cfg.Clock,
		random:  cfg.Random,
		keys:    make(map[string]*key),
		aliases: make(map[string]*alias),
		ops:     operations(),
	}
	s.region, s.account = awsid.OrDefaults(s.region, s.account)
	if s.clock == nil {
		s.clock = clock.NewReal()
	}
	if s.random == nil {
		s.random = rand.Reader
	}
	return s
}

// handler runs one decoded operation and returns its response document.
type handler func(s *Service, body []byte) (any, error)

// operations maps each supported operation name to its handler. Each
// Service builds its own, so that no package-level state exists.
func operations() map[string]handler {
	return map[string]handler{
		"CreateKey":                       (*Service).createKey,
		"DescribeKey":                     (*Service).describeKey,
		"ListKeys":                        (*Service).listKeys,
		"EnableKey":                       (*Service).enableKey,
		"DisableKey":                      (*Service).disableKey,
		"ScheduleKeyDeletion":             (*Service).scheduleKeyDeletion,
		"CancelKeyDeletion":               (*Service).cancelKeyDeletion,
		"CreateAlias":                     (*Service).createAlias,
		"UpdateAlias":                     (*Service).updateAlias,
		"DeleteAlias":                     (*Service).deleteAlias,
		"ListAliases":                     (*Service).listAliases,
		"Encrypt":                         (*Service).encrypt,
		"Decrypt":                         (*Service).decrypt,
		"GenerateDataKey":                 (*Service).generateDataKey,
		"GenerateDataKeyWithoutPlaintext": (*Service).generateDataKeyWithoutPlaintext,
		"GenerateRandom":                  (*Service).generateRandom,
		"GenerateMac":                     (*Service).generateMac,
		"VerifyMac":                       (*Service).verifyMac,
		"ListResourceTags":                (*Service).listResourceTags,
	}
}

// ServeHTTP answers one AWS JSON 1.1 KMS request.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeError(w, errorf(codeUnknownOperation, "KMS requests are POSTs"))
		return
	}
	target := r.Header.Get("X-Amz-Target")
	op, ok := strings.CutPrefix(target, targetPrefix)
	if !ok {
		writeError(w, errorf(codeUnknownOperation, "unknown target %q", target))
		return
	}
	h, ok := s.ops[op]
	if !ok {
		writeError(w, errorf(codeUnknownOperation, "operation %q is not supported", op))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBytes+1))
	if err != nil {
		writeError(w, errorf(codeSerialization, "read request: %v", err))
		return
	}
	if len(body) > maxRequestBytes {
		writeError(w, errorf(codeValidation, "request body is larger than %d bytes", maxRequestBytes))
		return
	}
	out, err := h(s, body)
	if err != nil {
		writeError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(w).Encode(out)
}

// decode reads a JSON request document into v. An empty body is an empty
// document. Unknown fields are ignored, as newer SDKs send members this
// emulator has no use for (GrantTokens, DryRun).
func decode(body []byte, v any) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return errorf(codeValidation, "invalid value for %s", typeErr.Field)
		}
		return errorf(codeSerialization, "malformed request body")
	}
	return nil
}
