package kmslocal_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// importMaterial wraps secret with the public key GetParametersForImport
// answers and imports it, as a caller of AWS does.
func importMaterial(tb testing.TB, c *kms.Client, keyID string, secret []byte) error {
	tb.Helper()
	params, err := c.GetParametersForImport(context.Background(), &kms.GetParametersForImportInput{KeyId: aws.String(keyID),
		WrappingAlgorithm: types.AlgorithmSpecRsaesOaepSha256, WrappingKeySpec: types.WrappingKeySpecRsa2048})
	if err != nil {
		tb.Fatalf("GetParametersForImport: %v", err)
	}
	pub, err := x509.ParsePKIXPublicKey(params.PublicKey)
	if err != nil {
		tb.Fatalf("the wrapping public key: %v", err)
	}
	wrapped, err := rsa.EncryptOAEP(sha256.New(), rand.Reader, pub.(*rsa.PublicKey), secret, nil)
	if err != nil {
		tb.Fatal(err)
	}
	_, err = c.ImportKeyMaterial(context.Background(), &kms.ImportKeyMaterialInput{KeyId: aws.String(keyID), ImportToken: params.ImportToken,
		EncryptedKeyMaterial: wrapped, ExpirationModel: types.ExpirationModelTypeKeyMaterialDoesNotExpire})
	return err
}

// TestImportedKeyMaterial creates a key of origin EXTERNAL, which waits in
// PendingImport until material wrapped with the import parameters arrives,
// then encrypts with it; a different material is refused on re-import.
func TestImportedKeyMaterial(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	created, err := c.CreateKey(ctx, &kms.CreateKeyInput{Origin: types.OriginTypeExternal})
	if err != nil {
		t.Fatalf("CreateKey EXTERNAL: %v", err)
	}
	key := created.KeyMetadata
	if key.Origin != types.OriginTypeExternal || key.KeyState != types.KeyStatePendingImport || key.Enabled {
		t.Errorf("new EXTERNAL key: origin %s state %s enabled %v", key.Origin, key.KeyState, key.Enabled)
	}
	if _, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: key.KeyId, Plaintext: []byte("x")}); errorCode(t, err) != "KMSInvalidStateException" {
		t.Errorf("Encrypt before the import: %v, want KMSInvalidStateException", err)
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		t.Fatal(err)
	}
	if err := importMaterial(t, c, aws.ToString(key.KeyId), secret); err != nil {
		t.Fatalf("ImportKeyMaterial: %v", err)
	}
	blob := encrypt(t, c, aws.ToString(key.KeyId), []byte("tok_123"), nil)
	dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: blob})
	if err != nil || string(dec.Plaintext) != "tok_123" {
		t.Errorf("Decrypt with imported material = %v, %v", dec, err)
	}
	if _, err := c.DeleteImportedKeyMaterial(ctx, &kms.DeleteImportedKeyMaterialInput{KeyId: key.KeyId}); err != nil {
		t.Fatal(err)
	}
	// Without material the key describes no expiration model, as AWS's
	// (LocalStack's AWS-validated TestKMS::test_import_key_hmac_keys).
	if d, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: key.KeyId}); err != nil || d.KeyMetadata.ExpirationModel != "" || d.KeyMetadata.KeyState != types.KeyStatePendingImport {
		t.Errorf("after DeleteImportedKeyMaterial: %+v (%v), want PendingImport without an ExpirationModel", d.KeyMetadata, err)
	}
	other := make([]byte, 32)
	if err := importMaterial(t, c, aws.ToString(key.KeyId), other); errorCode(t, err) != "IncorrectKeyMaterialException" {
		t.Errorf("importing other material: %v, want IncorrectKeyMaterialException", err)
	}
	if err := importMaterial(t, c, aws.ToString(key.KeyId), secret); err != nil {
		t.Fatalf("importing the same material again: %v", err)
	}
	if _, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: blob}); err != nil {
		t.Errorf("Decrypt after re-importing: %v", err)
	}
	sym := createSymmetric(t, c)
	_, err = c.GetParametersForImport(ctx, &kms.GetParametersForImportInput{KeyId: sym.KeyId,
		WrappingAlgorithm: types.AlgorithmSpecRsaesOaepSha256, WrappingKeySpec: types.WrappingKeySpecRsa2048})
	if got := errorCode(t, err); got != "UnsupportedOperationException" {
		t.Errorf("GetParametersForImport of an AWS_KMS key: %q, want UnsupportedOperationException", got)
	}
}
