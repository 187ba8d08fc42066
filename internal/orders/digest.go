package orders

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// digestVersion names the canonical encoding below. Changing the encoding
// means changing the version, so old and new digests never compare equal
// by accident.
const digestVersion = "payflow.order.v2"

// canonicalOrder is the exact byte form of an order that RequestDigest is
// computed over. Fields are normalized (card digits only, amount with two
// decimals, currency defaulted) so that two requests meaning the same
// order digest the same, however they were typed. json.Marshal of a struct
// writes fields in declaration order, which makes the encoding stable.
//
// The CVV is left out on purpose: nothing derived from it may outlive the
// authorization (PCI DSS 4.0.1, 3.3.1.2), and a shop retrying an order
// without it, or with a corrected one, is replaying the same order.
type canonicalOrder struct {
	Version    string `json:"v"`
	OrderID    string `json:"orderId"`
	CustomerID string `json:"customerId"`
	OrderDate  string `json:"orderDate"`
	Amount     string `json:"amount"`
	Currency   string `json:"currency"`
	NameOnCard string `json:"nameOnCard"`
	Number     string `json:"number"`
	Expiry     string `json:"expiry"`
	// PaymentMethod is set for a tokenized order only, so card orders
	// encode exactly as before.
	PaymentMethod string `json:"paymentMethod,omitempty"`
}

// digest returns the base64 keyed digest of the canonical order. The
// message includes the card, which is why it is keyed: a plain hash of a
// card number can be reversed by trying every number.
//
// A tokenized order's message holds no card data, only the token, so its
// digest is a plain SHA-256 and the order never reaches KMS.
func (s *Service) digest(ctx context.Context, n normalOrder) (string, error) {
	msg, err := json.Marshal(canonicalOrder{
		Version: digestVersion, OrderID: n.OrderID, CustomerID: n.CustomerID, OrderDate: n.OrderDate,
		Amount: FormatMinor(n.minor), Currency: n.currency, NameOnCard: n.NameOnCard,
		Number: n.digits, Expiry: n.Expiry, PaymentMethod: n.PaymentMethod,
	})
	if err != nil {
		return "", fmt.Errorf("encode order digest: %w", err)
	}
	if n.Tokenized() {
		sum := sha256.Sum256(msg)
		return "sha256:" + base64.StdEncoding.EncodeToString(sum[:]), nil
	}
	defer clear(msg)
	mac, err := s.cfg.Digester.DigestOrder(ctx, msg)
	if err != nil {
		return "", fmt.Errorf("digest order: %w", err)
	}
	return base64.StdEncoding.EncodeToString(mac), nil
}
