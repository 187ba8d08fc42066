package orders

import (
	"context"
	"time"
)

// CardVault keeps each placement's sealed card between the API, which
// puts it, and the callback, which reads it once and deletes it after the
// authorization, approved or declined. internal/awsadapter implements it
// with a DynamoDB table whose TTL removes what nobody deletes.
type CardVault interface {
	// PutCard stores an entry; (OrderID, Ref) is new for every placement.
	PutCard(ctx context.Context, e VaultEntry) error
	// GetCard reads the entry of a placement, or fails with ErrNotFound.
	// An entry past ExpiresAt may still be returned (DynamoDB deletes
	// expired items lazily): callers use Expired.
	GetCard(ctx context.Context, orderID, ref string) (VaultEntry, error)
	// DeleteCard removes the entry; deleting an absent entry succeeds.
	DeleteCard(ctx context.Context, orderID, ref string) error
}

// VaultEntry is one sealed card in the vault.
type VaultEntry struct {
	OrderID string
	Ref     string
	// Sealed is the KMS ciphertext of the card (see CardSealer).
	Sealed []byte
	// ExpiresAt is when the entry is gone whether or not it was deleted:
	// the task's timeout plus a margin after the placement.
	ExpiresAt time.Time
}

// Expired reports whether the entry is past its expiry at now, and so must
// be treated as gone.
func (e VaultEntry) Expired(now time.Time) bool { return !now.Before(e.ExpiresAt) }
