package orders

import (
	"crypto/rand"
	"errors"
	"fmt"
)

// Config is everything a Service needs. Workflows, Sealer, Digester and
// Validator are required.
type Config struct {
	Workflows PaymentWorkflows
	Sealer    CardSealer
	Digester  OrderDigester
	Validator *Validator
	// NewPlacementID returns a fresh, unguessable PaymentRequest.PlacementID
	// for each Place. Nil means 128 random bits from crypto/rand.
	NewPlacementID func() string
}

// Service places orders by starting one payment workflow execution per
// orderId, and reports their status from that execution.
type Service struct {
	cfg Config
}

// NewService checks cfg and returns a Service.
func NewService(cfg Config) (*Service, error) {
	if cfg.Workflows == nil || cfg.Sealer == nil || cfg.Digester == nil || cfg.Validator == nil {
		return nil, errors.New("orders: invalid config: workflows, sealer, digester and validator are required")
	}
	if cfg.NewPlacementID == nil {
		cfg.NewPlacementID = rand.Text
	}
	return &Service{cfg: cfg}, nil
}

// errNoDigest is the conflict of an orderId whose execution was not
// started by Place (by hand, say): never ours to replay.
var errNoDigest = fmt.Errorf("existing execution has no request digest: %w", ErrConflict)
