package orders

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// digestVersion names the canonical encoding below. Changing the encoding
// means changing the version, so old and new digests never compare equal
// by accident.
const digestVersion = "payflow.order.v1"

// canonicalOrder is the exact byte form of an order that RequestDigest is
// computed over. Fields are normalized (card digits only, amount with two
// decimals, currency defaulted) so that two requests meaning the same
// order digest the same, however they were typed. json.Marshal of a struct
// writes fields in declaration order, which makes the encoding stable.
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
	CVV        string `json:"cvv"`
}

// digest returns the base64 KMS HMAC_SHA_256 of the canonical order. The
// message includes the card, which is why it is keyed: a plain hash of a
// card number can be reversed by trying every number.
func (s *Service) digest(ctx context.Context, n normalOrder) (string, error) {
	msg, err := json.Marshal(canonicalOrder{
		Version: digestVersion, OrderID: n.OrderID, CustomerID: n.CustomerID, OrderDate: n.OrderDate,
		Amount: formatMinor(n.minor), Currency: n.currency, NameOnCard: n.NameOnCard,
		Number: n.digits, Expiry: n.Expiry, CVV: n.CVV,
	})
	if err != nil {
		return "", fmt.Errorf("encode order digest: %w", err)
	}
	defer clear(msg)
	out, err := s.cfg.Digester.GenerateMac(ctx, &kms.GenerateMacInput{
		KeyId:        &s.cfg.MACKeyID,
		MacAlgorithm: kmstypes.MacAlgorithmSpecHmacSha256,
		Message:      msg,
	})
	if err != nil {
		return "", upstream("generate mac", err)
	}
	return base64.StdEncoding.EncodeToString(out.Mac), nil
}

// seal encrypts the card under the card key, bound to the order by the
// encryption context, and returns the base64 ciphertext. Only a holder of
// kms:Decrypt on that key, asking with the same orderId, can open it.
func (s *Service) seal(ctx context.Context, n normalOrder) (string, error) {
	secret, err := json.Marshal(CardSecret{Number: n.digits, CVV: n.CVV, Expiry: n.Expiry, NameOnCard: n.NameOnCard})
	if err != nil {
		return "", fmt.Errorf("encode card secret: %w", err)
	}
	defer clear(secret)
	out, err := s.cfg.Sealer.Encrypt(ctx, &kms.EncryptInput{
		KeyId:             &s.cfg.CardKeyID,
		Plaintext:         secret,
		EncryptionContext: map[string]string{EncryptionContextKey: n.OrderID},
	})
	if err != nil {
		return "", upstream("seal card", err)
	}
	return base64.StdEncoding.EncodeToString(out.CiphertextBlob), nil
}
