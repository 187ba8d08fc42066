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
	"github.com/payflow-dev/payflow/localaws/awsproto"

	"github.com/payflow-dev/payflow/clock"
)

// targetPrefix is the X-Amz-Target namespace of every KMS operation.
const targetPrefix = "TrentService."

// maxRequestBytes bounds a request body; KMS payloads are at most a few KiB.
const maxRequestBytes = 1 << 20

// Config holds what a Service needs from its surroundings.
type Config struct {
	// Region serves requests that are not signed for a region; Account
	// appears in key and alias ARNs. Empty values default to us-east-1 and
	// 123456789012.
	Region, Account string
	// Clock stamps creation and deletion dates. Nil means the wall clock.
	Clock clock.Clock
	// Random supplies key material, nonces and key ids. Nil means
	// crypto/rand.Reader.
	Random io.Reader
}

// Service is one in-memory KMS for one account. Each region a request is
// signed for has its own keys and aliases, and key ARNs carry that region
// and its partition. It is safe for concurrent use.
type Service struct {
	region, account string
	clock           clock.Clock
	random          io.Reader

	ops map[string]handler // built once in New, read-only after

	mu      sync.Mutex
	regions map[string]*regional // by region name
}

// New returns an empty Service configured by cfg.
func New(cfg Config) *Service {
	s := &Service{
		region:  cfg.Region,
		account: cfg.Account,
		clock:   cfg.Clock,
		random:  cfg.Random,
		regions: make(map[string]*regional),
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

// handler runs one decoded operation in a region and returns its response
// document.
type handler = awsproto.JSONOperation[*regional]

// operations maps each supported operation name to its handler. Each
// Service builds its own, so that no package-level state exists.
func operations() map[string]handler {
	return map[string]handler{
		"CreateKey":                           (*regional).createKey,
		"DescribeKey":                         (*regional).describeKey,
		"ListKeys":                            (*regional).listKeys,
		"EnableKey":                           (*regional).enableKey,
		"DisableKey":                          (*regional).disableKey,
		"ScheduleKeyDeletion":                 (*regional).scheduleKeyDeletion,
		"CancelKeyDeletion":                   (*regional).cancelKeyDeletion,
		"CreateAlias":                         (*regional).createAlias,
		"UpdateAlias":                         (*regional).updateAlias,
		"DeleteAlias":                         (*regional).deleteAlias,
		"ListAliases":                         (*regional).listAliases,
		"Encrypt":                             dryRunnable((*regional).encrypt),
		"Decrypt":                             dryRunnable((*regional).decrypt),
		"GenerateDataKey":                     dryRunnable((*regional).generateDataKey),
		"GenerateDataKeyWithoutPlaintext":     dryRunnable((*regional).generateDataKeyWithoutPlaintext),
		"GenerateDataKeyPair":                 dryRunnable((*regional).generateDataKeyPair),
		"GenerateDataKeyPairWithoutPlaintext": dryRunnable((*regional).generateDataKeyPairWithoutPlaintext),
		"GenerateRandom":                      (*regional).generateRandom,
		"GenerateMac":                         dryRunnable((*regional).generateMac),
		"VerifyMac":                           dryRunnable((*regional).verifyMac),
		"ListResourceTags":                    (*regional).listResourceTags,
		"TagResource":                         (*regional).tagResource,
		"UntagResource":                       (*regional).untagResource,
		"EnableKeyRotation":                   (*regional).enableKeyRotation,
		"DisableKeyRotation":                  (*regional).disableKeyRotation,
		"GetKeyRotationStatus":                (*regional).getKeyRotationStatus,
		"RotateKeyOnDemand":                   (*regional).rotateKeyOnDemand,
		"ListKeyRotations":                    (*regional).listKeyRotations,
		"ReEncrypt":                           dryRunnable((*regional).reEncrypt),
		"UpdateKeyDescription":                (*regional).updateKeyDescription,
		"GetKeyPolicy":                        (*regional).getKeyPolicy,
		"PutKeyPolicy":                        (*regional).putKeyPolicy,
		"ListKeyPolicies":                     (*regional).listKeyPolicies,
		"Sign":                                dryRunnable((*regional).sign),
		"Verify":                              dryRunnable((*regional).verify),
		"GetPublicKey":                        (*regional).getPublicKey,
		"CreateGrant":                         (*regional).createGrant,
		"ReplicateKey":                        (*regional).replicateKey,
		"DeriveSharedSecret":                  dryRunnable((*regional).deriveSharedSecret),
		"UpdatePrimaryRegion":                 (*regional).updatePrimaryRegion,
		"GetParametersForImport":              (*regional).getParametersForImport,
		"ImportKeyMaterial":                   (*regional).importKeyMaterial,
		"DeleteImportedKeyMaterial":           (*regional).deleteImportedKeyMaterial,
		"ListGrants":                          (*regional).listGrants,
		"ListRetirableGrants":                 (*regional).listRetirableGrants,
		"RevokeGrant":                         (*regional).revokeGrant,
		"RetireGrant":                         (*regional).retireGrant,
	}
}

// ServeHTTP answers one AWS JSON 1.1 KMS request.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	awsproto.ServeJSON(w, r, api(), s.ops, s.regionOf)
}

// api is how KMS answers requests that reach no operation.
func api() awsproto.JSONAPI {
	return awsproto.JSONAPI{
		Proto:        wire(),
		TargetPrefix: targetPrefix,
		MaxBody:      maxRequestBytes,
		Internal:     errInternal(),
		NotPOST:      "KMS requests are POSTs",
		Unsupported:  "operation %q is not supported",
		ReadFailed:   "read request: %v",
	}
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
