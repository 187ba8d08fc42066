package orders

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Placement is the outcome of Place: which execution carries the order.
type Placement struct {
	OrderID      string
	ExecutionARN string
	// Status and PaymentStatus are RUNNING and PENDING for a new order; a
	// replay reports the existing execution's current statuses.
	Status        string
	PaymentStatus string
	StartDate     time.Time
	// Replayed is true when the order had already been placed with the
	// same content, and no new execution was started.
	Replayed bool
}

// Place validates an order, seals its card into the vault and starts its
// payment workflow, named by the orderId, with no card data in its input
// but brand, last four and the vault reference.
//
// Placing the same order again is safe: every Place starts with an input
// of its own (see PaymentRequest.VaultRef), so the workflow refuses a
// second start of the same orderId, and Place then compares the keyed
// digest of this order with the one in the existing execution's input.
// Equal digests make a replay that returns the existing execution;
// different ones are ErrConflict. Either way the card this Place put in
// the vault is deleted again.
func (s *Service) Place(ctx context.Context, o Order) (Placement, error) {
	// The HTTP edge has validated already; the domain checks again so no
	// other caller can start a workflow with a bad order.
	if err := s.cfg.Validator.Validate(o); err != nil {
		return Placement{}, err
	}
	n, err := o.normalize()
	if err != nil {
		return Placement{}, err
	}
	req, err := s.paymentRequest(ctx, n)
	if err != nil {
		return Placement{}, err
	}
	// A tokenized order has no card to seal: it never reaches KMS or the
	// vault.
	if !n.Tokenized() {
		if err := s.vaultCard(ctx, n, req.VaultRef); err != nil {
			return Placement{}, err
		}
	}
	x, err := s.cfg.Workflows.StartPayment(ctx, req)
	if err != nil && !n.Tokenized() {
		// Nobody will read this placement's card: remove it now rather than
		// at its expiry. A failure here is left to the vault's TTL.
		_ = s.cfg.Vault.DeleteCard(context.WithoutCancel(ctx), n.OrderID, req.VaultRef)
	}
	if errors.Is(err, ErrConflict) {
		return s.replay(ctx, o.OrderID, req.RequestDigest)
	}
	if err != nil {
		return Placement{}, fmt.Errorf("start payment workflow: %w", err)
	}
	return Placement{
		OrderID:       o.OrderID,
		ExecutionARN:  x.ARN,
		Status:        ExecutionRunning,
		PaymentStatus: PaymentPending,
		StartDate:     x.StartDate,
	}, nil
}

// paymentRequest builds the execution input: the order without its card,
// plus the card's brand and last four, the request digest and a new vault
// reference.
func (s *Service) paymentRequest(ctx context.Context, n normalOrder) (PaymentRequest, error) {
	digest, err := s.digest(ctx, n)
	if err != nil {
		return PaymentRequest{}, err
	}
	card := CardRef{Brand: BrandOf(n.digits), Last4: Last4(n.digits)}
	if n.Tokenized() {
		card = CardRef{}
	}
	return PaymentRequest{
		OrderID:       n.OrderID,
		CustomerID:    n.CustomerID,
		OrderDate:     n.OrderDate,
		Amount:        FormatMinor(n.minor),
		Currency:      n.currency,
		Card:          card,
		VaultRef:      s.cfg.NewVaultRef(),
		RequestDigest: digest,
		PaymentMethod: n.PaymentMethod,
	}, nil
}

// vaultCard seals the card for its order and puts it in the vault under
// ref, to expire after the vault TTL.
func (s *Service) vaultCard(ctx context.Context, n normalOrder, ref string) error {
	sealed, err := s.cfg.Sealer.SealCard(ctx, n.OrderID, CardSecret{
		Number: n.digits, CVV: n.CVV, Expiry: n.Expiry, NameOnCard: n.NameOnCard,
	})
	if err != nil {
		return fmt.Errorf("seal card: %w", err)
	}
	err = s.cfg.Vault.PutCard(ctx, VaultEntry{
		OrderID: n.OrderID, Ref: ref, Sealed: sealed, ExpiresAt: s.cfg.Clock.Now().Add(s.cfg.VaultTTL),
	})
	if err != nil {
		return fmt.Errorf("vault card: %w", err)
	}
	return nil
}

// replay answers a second Place of an orderId from the execution the first
// one started, if and only if both carried the same order.
func (s *Service) replay(ctx context.Context, orderID, digest string) (Placement, error) {
	x, err := s.cfg.Workflows.DescribePayment(ctx, orderID)
	if err != nil {
		return Placement{}, fmt.Errorf("describe existing payment workflow: %w", err)
	}
	var prior PaymentRequest
	if err := json.Unmarshal(x.Input, &prior); err != nil || prior.RequestDigest == "" {
		return Placement{}, fmt.Errorf("order %q: %w", orderID, errNoDigest)
	}
	if subtle.ConstantTimeCompare([]byte(prior.RequestDigest), []byte(digest)) != 1 {
		return Placement{}, fmt.Errorf("order %q: %w", orderID, ErrConflict)
	}
	return Placement{
		OrderID:       orderID,
		ExecutionARN:  x.ARN,
		Status:        x.Status,
		PaymentStatus: PaymentStatusOf(x.Status, x.Error),
		StartDate:     x.StartDate,
		Replayed:      true,
	}, nil
}
