package awsadapter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/payflow-dev/payflow/internal/orders"
)

// CardKey seals and opens cards with a KMS symmetric key, binding each to
// its order by the encryption context {"orderId": <orderId>}: only a
// holder of kms:Decrypt on the key, asking with the same orderId, can open
// a sealed card. It implements orders.CardSealer and callback.CardOpener.
type CardKey struct {
	client *kms.Client
	keyID  string
}

// NewCardKey returns the card key keyID (id, ARN or alias). Opening needs
// no key id, since KMS reads it from the ciphertext; keyID may be empty for
// a CardKey that only opens.
func NewCardKey(client *kms.Client, keyID string) *CardKey {
	return &CardKey{client: client, keyID: keyID}
}

// SealCard encrypts the card's JSON under the key for orderID.
func (k *CardKey) SealCard(ctx context.Context, orderID string, card orders.CardSecret) ([]byte, error) {
	if k.keyID == "" {
		return nil, errors.New("seal card: no card key id")
	}
	plain, err := json.Marshal(card)
	if err != nil {
		return nil, fmt.Errorf("encode card: %w", err)
	}
	defer clear(plain)
	out, err := k.client.Encrypt(ctx, &kms.EncryptInput{
		KeyId:             aws.String(k.keyID),
		Plaintext:         plain,
		EncryptionContext: encryptionContext(orderID),
	})
	if err != nil {
		return nil, classify("encrypt card", err)
	}
	return out.CiphertextBlob, nil
}

// OpenCard decrypts a card sealed for orderID. A ciphertext that will
// never open for that order, or that does not hold a card, is
// orders.ErrCardUnreadable.
func (k *CardKey) OpenCard(ctx context.Context, orderID string, sealed []byte) (orders.CardSecret, error) {
	out, err := k.client.Decrypt(ctx, &kms.DecryptInput{
		CiphertextBlob:    sealed,
		EncryptionContext: encryptionContext(orderID),
	})
	if err != nil {
		return orders.CardSecret{}, classify("decrypt card", err)
	}
	defer clear(out.Plaintext)
	var card orders.CardSecret
	if err := json.Unmarshal(out.Plaintext, &card); err != nil || card.Number == "" {
		return orders.CardSecret{}, fmt.Errorf("decrypt card: the plaintext is not a card: %w", orders.ErrCardUnreadable)
	}
	return card, nil
}

func encryptionContext(orderID string) map[string]string {
	return map[string]string{orders.EncryptionContextKey: orderID}
}

// OrderMAC digests orders with a KMS HMAC_256 key. It implements
// orders.OrderDigester.
type OrderMAC struct {
	client *kms.Client
	keyID  string
}

// NewOrderMAC returns the MAC key keyID (id, ARN or alias).
func NewOrderMAC(client *kms.Client, keyID string) *OrderMAC {
	return &OrderMAC{client: client, keyID: keyID}
}

// DigestOrder returns HMAC_SHA_256 of msg under the key.
func (m *OrderMAC) DigestOrder(ctx context.Context, msg []byte) ([]byte, error) {
	out, err := m.client.GenerateMac(ctx, &kms.GenerateMacInput{
		KeyId:        aws.String(m.keyID),
		MacAlgorithm: kmstypes.MacAlgorithmSpecHmacSha256,
		Message:      msg,
	})
	if err != nil {
		return nil, classify("generate mac", err)
	}
	return out.Mac, nil
}
