package kmslocal_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

func TestEncryptDecryptRoundTrip(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	key := createSymmetric(t, c)
	createAlias(t, c, "alias/cards", *key.KeyId)
	aliasArn := "arn:aws:kms:us-east-1:123456789012:alias/cards"

	tests := []struct {
		name        string
		encryptWith string
		decryptWith *string
		ctx         map[string]string
	}{
		{name: "key id, no context", encryptWith: *key.KeyId},
		{name: "key ARN with context", encryptWith: *key.Arn, ctx: map[string]string{"orderId": "o-1", "b": "2"}},
		{name: "alias name", encryptWith: "alias/cards", decryptWith: aws.String("alias/cards")},
		{name: "alias ARN", encryptWith: aliasArn, decryptWith: key.Arn, ctx: map[string]string{"orderId": "o-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			plain := []byte(`{"number":"4242424242424242","cvc":"123"}`)
			blob := encrypt(t, c, tt.encryptWith, plain, tt.ctx)
			// The whole card number, not a few digits of it: the blob
			// carries the key's id in clear, whose hex digits may hold
			// "4242" by chance.
			if bytes.Contains(blob, plain) || bytes.Contains(blob, []byte("4242424242424242")) {
				t.Fatalf("ciphertext contains the plaintext")
			}
			out, err := c.Decrypt(context.Background(), &kms.DecryptInput{CiphertextBlob: blob, EncryptionContext: tt.ctx, KeyId: tt.decryptWith})
			if err != nil {
				t.Fatalf("Decrypt: %v", err)
			}
			if !bytes.Equal(out.Plaintext, plain) {
				t.Errorf("Plaintext = %q, want %q", out.Plaintext, plain)
			}
			if *out.KeyId != *key.Arn {
				t.Errorf("KeyId = %s, want %s", *out.KeyId, *key.Arn)
			}
		})
	}
}

func TestEncryptIsRandomized(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	key := createSymmetric(t, c)
	a := encrypt(t, c, *key.KeyId, []byte("same"), nil)
	b := encrypt(t, c, *key.KeyId, []byte("same"), nil)
	if bytes.Equal(a, b) {
		t.Errorf("two encryptions of the same plaintext gave the same ciphertext")
	}
}

func TestDecryptRejects(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	key := createSymmetric(t, c)
	other := createSymmetric(t, c)
	ctx := map[string]string{"orderId": "o-1", "merchant": "m-1"}
	blob := encrypt(t, c, *key.KeyId, []byte("secret"), ctx)
	flip := func(i int) []byte {
		b := bytes.Clone(blob)
		b[(i+len(b))%len(b)] ^= 0x01
		return b
	}

	tests := []struct {
		name  string
		blob  []byte
		ctx   map[string]string
		keyID *string
		want  string
	}{
		{name: "missing context", blob: blob, want: "InvalidCiphertextException"},
		{name: "wrong value", blob: blob, ctx: map[string]string{"orderId": "o-2", "merchant": "m-1"}, want: "InvalidCiphertextException"},
		{name: "extra entry", blob: blob, ctx: map[string]string{"orderId": "o-1", "merchant": "m-1", "x": "y"}, want: "InvalidCiphertextException"},
		{name: "subset", blob: blob, ctx: map[string]string{"orderId": "o-1"}, want: "InvalidCiphertextException"},
		{name: "tampered version", blob: flip(0), ctx: ctx, want: "InvalidCiphertextException"},
		{name: "tampered key id", blob: flip(5), ctx: ctx, want: "InvalidCiphertextException"},
		{name: "tampered nonce", blob: flip(40), ctx: ctx, want: "InvalidCiphertextException"},
		{name: "tampered body", blob: flip(50), ctx: ctx, want: "InvalidCiphertextException"},
		{name: "tampered tag", blob: flip(-1), ctx: ctx, want: "InvalidCiphertextException"},
		{name: "truncated", blob: blob[:len(blob)-1], ctx: ctx, want: "InvalidCiphertextException"},
		{name: "garbage", blob: []byte("not a ciphertext"), ctx: ctx, want: "InvalidCiphertextException"},
		{name: "other key named", blob: blob, ctx: ctx, keyID: other.KeyId, want: "IncorrectKeyException"},
		{name: "unknown key named", blob: blob, ctx: ctx, keyID: aws.String("alias/nope"), want: "NotFoundException"},
		{name: "right key named", blob: blob, ctx: ctx, keyID: key.Arn, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Decrypt(context.Background(), &kms.DecryptInput{CiphertextBlob: tt.blob, EncryptionContext: tt.ctx, KeyId: tt.keyID})
			if got := errorCode(t, err); got != tt.want {
				t.Errorf("error code = %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestEncryptRejects(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	key := createSymmetric(t, c)
	mac := createHMAC(t, c, types.KeySpecHmac256)

	tests := []struct {
		name  string
		keyID string
		plain []byte
		want  string
	}{
		{name: "HMAC key", keyID: *mac.KeyId, plain: []byte("x"), want: "InvalidKeyUsageException"},
		{name: "unknown key", keyID: "11111111-2222-4333-8444-555555555555", plain: []byte("x"), want: "NotFoundException"},
		{name: "unknown alias", keyID: "alias/missing", plain: []byte("x"), want: "NotFoundException"},
		{name: "other account", keyID: "arn:aws:kms:us-east-1:999999999999:key/" + *key.KeyId, plain: []byte("x"), want: "NotFoundException"},
		{name: "plaintext too large", keyID: *key.KeyId, plain: make([]byte, 4097), want: "ValidationException"},
		{name: "largest plaintext", keyID: *key.KeyId, plain: make([]byte, 4096), want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Encrypt(context.Background(), &kms.EncryptInput{KeyId: aws.String(tt.keyID), Plaintext: tt.plain})
			if got := errorCode(t, err); got != tt.want {
				t.Errorf("error code = %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestGenerateDataKey(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	key := createSymmetric(t, c)
	ctx := map[string]string{"purpose": "test"}

	tests := []struct {
		name    string
		in      kms.GenerateDataKeyInput
		wantLen int
		wantErr string
	}{
		{name: "AES_256", in: kms.GenerateDataKeyInput{KeySpec: types.DataKeySpecAes256}, wantLen: 32},
		{name: "AES_128", in: kms.GenerateDataKeyInput{KeySpec: types.DataKeySpecAes128}, wantLen: 16},
		{name: "NumberOfBytes", in: kms.GenerateDataKeyInput{NumberOfBytes: aws.Int32(64)}, wantLen: 64},
		{name: "both", in: kms.GenerateDataKeyInput{KeySpec: types.DataKeySpecAes256, NumberOfBytes: aws.Int32(8)}, wantErr: "ValidationException"},
		{name: "neither", in: kms.GenerateDataKeyInput{}, wantErr: "ValidationException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := tt.in
			in.KeyId, in.EncryptionContext = aws.String("arn:aws:kms:us-east-1:123456789012:key/"+*key.KeyId), ctx
			out, err := c.GenerateDataKey(context.Background(), &in)
			if got := errorCode(t, err); got != tt.wantErr {
				t.Fatalf("error code = %q (%v), want %q", got, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if len(out.Plaintext) != tt.wantLen {
				t.Errorf("len(Plaintext) = %d, want %d", len(out.Plaintext), tt.wantLen)
			}
			dec, err := c.Decrypt(context.Background(), &kms.DecryptInput{CiphertextBlob: out.CiphertextBlob, EncryptionContext: ctx})
			if err != nil {
				t.Fatalf("Decrypt data key: %v", err)
			}
			if !bytes.Equal(dec.Plaintext, out.Plaintext) {
				t.Errorf("decrypted data key differs from the plaintext data key")
			}
		})
	}
}

func TestGenerateRandom(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	a, err := c.GenerateRandom(context.Background(), &kms.GenerateRandomInput{NumberOfBytes: aws.Int32(32)})
	if err != nil {
		t.Fatalf("GenerateRandom: %v", err)
	}
	b, err := c.GenerateRandom(context.Background(), &kms.GenerateRandomInput{NumberOfBytes: aws.Int32(32)})
	if err != nil {
		t.Fatalf("GenerateRandom: %v", err)
	}
	if len(a.Plaintext) != 32 || bytes.Equal(a.Plaintext, b.Plaintext) {
		t.Errorf("GenerateRandom gave %x and %x, want two different 32-byte values", a.Plaintext, b.Plaintext)
	}
	_, err = c.GenerateRandom(context.Background(), &kms.GenerateRandomInput{NumberOfBytes: aws.Int32(1025)})
	if got := errorCode(t, err); got != "ValidationException" {
		t.Errorf("1025 bytes: code %q, want ValidationException", got)
	}
}

// TestEncryptPlaintextLength pins the service model's length constraint in
// the wording moto's AWS-verified test_encrypt_key_with_empty_content and
// test_encrypt_key_with_large_content recorded from AWS.
func TestEncryptPlaintextLength(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	key := createSymmetric(t, c)
	tests := []struct {
		name  string
		plain []byte
		want  string
	}{
		{"empty", []byte{}, "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"4097 bytes", make([]byte, 4097), "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Encrypt(context.Background(), &kms.EncryptInput{KeyId: key.KeyId, Plaintext: tc.plain})
			if errorCode(t, err) != "ValidationException" || errorMessage(t, err) != tc.want {
				t.Errorf("Encrypt: %v\nwant ValidationException %q", err, tc.want)
			}
		})
	}
}
