package orderstest

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Vault is a fake card vault. Like a DynamoDB table with TTL, it keeps an
// entry past its expiry until it is deleted, and leaves the expiry check to
// the reader. It is safe for concurrent use.
type Vault struct {
	mu      sync.Mutex
	entries map[string]orders.VaultEntry
	err     error
}

// NewVault returns an empty vault.
func NewVault() *Vault { return &Vault{entries: map[string]orders.VaultEntry{}} }

func vaultKey(orderID, ref string) string { return orderID + "\x00" + ref }

// PutCard stores a copy of e.
func (v *Vault) PutCard(_ context.Context, e orders.VaultEntry) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.err != nil {
		return v.err
	}
	e.Sealed = bytes.Clone(e.Sealed)
	v.entries[vaultKey(e.OrderID, e.Ref)] = e
	return nil
}

// GetCard returns a copy of the entry, or ErrNotFound.
func (v *Vault) GetCard(_ context.Context, orderID, ref string) (orders.VaultEntry, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.err != nil {
		return orders.VaultEntry{}, v.err
	}
	e, ok := v.entries[vaultKey(orderID, ref)]
	if !ok {
		return orders.VaultEntry{}, fmt.Errorf("fake vault: %s/%s: %w", orderID, ref, orders.ErrNotFound)
	}
	e.Sealed = bytes.Clone(e.Sealed)
	return e, nil
}

// DeleteCard removes the entry, if any.
func (v *Vault) DeleteCard(_ context.Context, orderID, ref string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.err != nil {
		return v.err
	}
	delete(v.entries, vaultKey(orderID, ref))
	return nil
}

// Entries returns every entry held, sorted by order and reference.
func (v *Vault) Entries() []orders.VaultEntry {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := make([]orders.VaultEntry, 0, len(v.entries))
	for _, e := range v.entries {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		return vaultKey(out[i].OrderID, out[i].Ref) < vaultKey(out[j].OrderID, out[j].Ref)
	})
	return out
}

// FailWith makes every later call fail with err; nil restores service.
func (v *Vault) FailWith(err error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.err = err
}
