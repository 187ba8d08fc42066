package orderstest

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// KMS is a fake of two KMS keys: a symmetric key that encrypts and an
// HMAC_256 key that generates MACs. It is safe for concurrent use.
type KMS struct {
	cardKeyID, macKeyID string
	aead                cipher.AEAD
	macKey              []byte

	mu  sync.Mutex
	err error
}

// NewKMS returns a fake whose key material is derived from the key ids, so
// two fakes with the same ids agree.
func NewKMS(cardKeyID, macKeyID string) *KMS {
	encKey := sha256.Sum256([]byte("enc:" + cardKeyID))
	block, err := aes.NewCipher(encKey[:])
	if err != nil {
		panic(err) // a 32-byte key cannot fail
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	macKey := sha256.Sum256([]byte("mac:" + macKeyID))
	return &KMS{cardKeyID: cardKeyID, macKeyID: macKeyID, aead: aead, macKey: macKey[:]}
}

// Encrypt seals in.Plaintext with AES-GCM, authenticating the encryption
// context, behind a random nonce.
func (k *KMS) Encrypt(_ context.Context, in *kms.EncryptInput, _ ...func(*kms.Options)) (*kms.EncryptOutput, error) {
	if err := k.check(in.KeyId, k.cardKeyID); err != nil {
		return nil, err
	}
	aad, err := json.Marshal(in.EncryptionContext) // map keys marshal sorted
	if err != nil {
		return nil, fmt.Errorf("fake kms: %w", err)
	}
	nonce := make([]byte, k.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("fake kms: %w", err)
	}
	return &kms.EncryptOutput{KeyId: in.KeyId, CiphertextBlob: k.aead.Seal(nonce, nonce, in.Plaintext, aad)}, nil
}

// Decrypt opens a ciphertext from Encrypt, given the same encryption
// context, or fails with InvalidCiphertextException as KMS does.
func (k *KMS) Decrypt(_ context.Context, in *kms.DecryptInput, _ ...func(*kms.Options)) (*kms.DecryptOutput, error) {
	aad, err := json.Marshal(in.EncryptionContext)
	if err != nil {
		return nil, fmt.Errorf("fake kms: %w", err)
	}
	n := k.aead.NonceSize()
	if len(in.CiphertextBlob) < n {
		return nil, &kmstypes.InvalidCiphertextException{Message: aws.String("ciphertext too short")}
	}
	plain, err := k.aead.Open(nil, in.CiphertextBlob[:n], in.CiphertextBlob[n:], aad)
	if err != nil {
		return nil, &kmstypes.InvalidCiphertextException{Message: aws.String("ciphertext or encryption context mismatch")}
	}
	return &kms.DecryptOutput{KeyId: aws.String(k.cardKeyID), Plaintext: plain}, nil
}

// GenerateMac computes HMAC-SHA-256 of in.Message.
func (k *KMS) GenerateMac(_ context.Context, in *kms.GenerateMacInput, _ ...func(*kms.Options)) (*kms.GenerateMacOutput, error) {
	if err := k.check(in.KeyId, k.macKeyID); err != nil {
		return nil, err
	}
	if in.MacAlgorithm != kmstypes.MacAlgorithmSpecHmacSha256 {
		return nil, &kmstypes.InvalidKeyUsageException{Message: aws.String("unsupported MAC algorithm " + string(in.MacAlgorithm))}
	}
	m := hmac.New(sha256.New, k.macKey)
	m.Write(in.Message)
	return &kms.GenerateMacOutput{KeyId: in.KeyId, MacAlgorithm: in.MacAlgorithm, Mac: m.Sum(nil)}, nil
}

// FailWith makes every later Encrypt and GenerateMac fail with err; nil
// restores service.
func (k *KMS) FailWith(err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.err = err
}

// check fails with the injected error, or with NotFoundException for a key
// other than want.
func (k *KMS) check(keyID *string, want string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return k.err
	}
	if aws.ToString(keyID) != want {
		return &kmstypes.NotFoundException{Message: aws.String("Key '" + aws.ToString(keyID) + "' does not exist")}
	}
	return nil
}
