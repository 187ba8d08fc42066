package orders

import (
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// DefaultVaultTTL is how long a sealed card may stay in the vault when
// Config.VaultTTL is zero: the payment task's TimeoutSeconds (1800 s in
// statemachine/payment.asl.json) plus five minutes, so the card outlives
// every delivery of its payment message and not much more.
const DefaultVaultTTL = 35 * time.Minute

// Config is everything a Service needs. Workflows, Sealer, Digester,
// Vault, Validator and Clock are required.
type Config struct {
	Workflows PaymentWorkflows
	Sealer    CardSealer
	Digester  OrderDigester
	Vault     CardVault
	Validator *Validator
	// Clock dates vault entries.
	Clock clock.Clock
	// VaultTTL is how long a sealed card stays in the vault at most. Zero
	// means DefaultVaultTTL.
	VaultTTL time.Duration
	// NewVaultRef returns a fresh, unguessable PaymentRequest.VaultRef for
	// each Place. Nil means 128 random bits from crypto/rand.
	NewVaultRef func() string
}

// Service places orders by starting one payment workflow execution per
// orderId, and reports their status from that execution.
type Service struct {
	cfg Config
}

// NewService checks cfg and returns a Service.
func NewService(cfg Config) (*Service, error) {
	if cfg.Workflows == nil || cfg.Sealer == nil || cfg.Digester == nil || cfg.Vault == nil || cfg.Validator == nil || cfg.Clock == nil {
		return nil, errors.New("orders: invalid config: workflows, sealer, digester, vault, validator and clock are required")
	}
	if cfg.VaultTTL < 0 {
		return nil, fmt.Errorf("orders: invalid config: vault TTL %v is negative", cfg.VaultTTL)
	}
	if cfg.VaultTTL == 0 {
		cfg.VaultTTL = DefaultVaultTTL
	}
	if cfg.NewVaultRef == nil {
		cfg.NewVaultRef = rand.Text
	}
	return &Service{cfg: cfg}, nil
}

// errNoDigest is the conflict of an orderId whose execution was not
// started by Place (by hand, say): never ours to replay.
var errNoDigest = fmt.Errorf("existing execution has no request digest: %w", ErrConflict)
