package secretslocal

import (
	"crypto/rand"
	"io"
	"net/http"
	"sync"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// targetPrefix is the X-Amz-Target namespace of every Secrets Manager
// operation.
const targetPrefix = "secretsmanager."

// maxRequestBytes bounds a request body: a secret value is at most 64 KiB,
// and a binary one travels base64-encoded.
const maxRequestBytes = 256 << 10

// Config holds what a Service needs from its surroundings.
type Config struct {
	// Region and Account appear in secret ARNs. Empty values default to
	// us-east-1 and 123456789012.
	Region, Account string
	// Clock stamps creation, change, access and deletion dates, and ends
	// recovery windows. Nil means the wall clock.
	Clock clock.Clock
	// Random supplies the six random characters of secret ARNs and of
	// generated passwords. Nil means crypto/rand.Reader.
	Random io.Reader
}

// Service is one in-memory Secrets Manager for one account. Each region a
// request is signed for has its own secrets, whose ARNs carry that region
// and its partition. It is safe for concurrent use.
type Service struct {
	region, account string // region: for requests that name none
	clock           clock.Clock
	random          io.Reader

	ops map[string]handler // built once in New, read-only after

	mu      sync.Mutex
	regions map[string]*regional // by region name
}

// New returns an empty Service configured by cfg.
func New(cfg Config) *Service {
	s := &Service{
		clock:   cfg.Clock,
		random:  cfg.Random,
		regions: make(map[string]*regional),
		ops:     operations(),
	}
	s.region, s.account = awsid.OrDefaults(cfg.Region, cfg.Account)
	if s.clock == nil {
		s.clock = clock.NewReal()
	}
	if s.random == nil {
		s.random = rand.Reader
	}
	return s
}

// handler runs one decoded operation in a region and returns its response
// document.
type handler = awsproto.JSONOperation[*regional]

// operations maps each supported operation name to its handler. Each
// Service builds its own, so that no package-level state exists.
func operations() map[string]handler {
	return map[string]handler{
		"CreateSecret":             (*regional).createSecret,
		"GetSecretValue":           (*regional).getSecretValue,
		"PutSecretValue":           (*regional).putSecretValue,
		"DescribeSecret":           (*regional).describeSecret,
		"DeleteSecret":             (*regional).deleteSecret,
		"RestoreSecret":            (*regional).restoreSecret,
		"ListSecrets":              (*regional).listSecrets,
		"UpdateSecret":             (*regional).updateSecret,
		"TagResource":              (*regional).tagResource,
		"UntagResource":            (*regional).untagResource,
		"ListSecretVersionIds":     (*regional).listSecretVersionIDs,
		"UpdateSecretVersionStage": (*regional).updateSecretVersionStage,
		"GetRandomPassword":        (*regional).getRandomPassword,
		"RotateSecret":             (*regional).rotateSecret,
		"PutResourcePolicy":        (*regional).putResourcePolicy,
		"GetResourcePolicy":        (*regional).getResourcePolicy,
		"DeleteResourcePolicy":     (*regional).deleteResourcePolicy,
		"ValidateResourcePolicy":   (*regional).validateResourcePolicy,
		"BatchGetSecretValue":      (*regional).batchGetSecretValue,
	}
}

// ServeHTTP answers one AWS JSON 1.1 Secrets Manager request.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	awsproto.ServeJSON(w, r, api(), s.ops, s.regionOf)
}

// api is how Secrets Manager answers requests that reach no operation.
func api() awsproto.JSONAPI {
	return awsproto.JSONAPI{
		Proto:        proto,
		TargetPrefix: targetPrefix,
		MaxBody:      maxRequestBytes,
		Internal:     errInternal(),
		NotPOST:      "Secrets Manager requests are POSTs",
		Unsupported:  "operation %q is not supported by the local Secrets Manager",
		ReadFailed:   "The request body could not be read: %v",
	}
}

// decode reads a JSON request document into v; see awsproto.DecodeJSON.
func decode(body []byte, v any) error { return awsproto.DecodeJSON(body, v) }
