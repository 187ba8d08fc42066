package kmslocal_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// The answers below follow KMS as recorded on AWS (LocalStack's
// AWS-validated KMS snapshots): RotateKeyOnDemand and GetKeyRotationStatus
// name the key by ARN, ten on-demand rotations are allowed, and
// ciphertexts from before a rotation still decrypt.

func TestRotationKeepsOldCiphertextsReadable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	k := createSymmetric(t, c)
	before := encrypt(t, c, *k.KeyId, []byte("before"), map[string]string{"order": "o-1"})
	material := aws.ToString(k.CurrentKeyMaterialId)

	rot, err := c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: k.KeyId})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(rot.KeyId) != aws.ToString(k.Arn) {
		t.Errorf("RotateKeyOnDemand KeyId = %q, want the ARN %q", aws.ToString(rot.KeyId), aws.ToString(k.Arn))
	}
	after := encrypt(t, c, *k.KeyId, []byte("after"), nil)
	for name, tc := range map[string]struct {
		blob []byte
		ctx  map[string]string
		want string
	}{"before": {before, map[string]string{"order": "o-1"}, "before"}, "after": {after, nil, "after"}} {
		out, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: tc.blob, EncryptionContext: tc.ctx})
		if err != nil || string(out.Plaintext) != tc.want {
			t.Errorf("decrypt %s the rotation = %q, %v", name, out.Plaintext, err)
		}
	}
	desc, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: k.KeyId})
	if err != nil {
		t.Fatal(err)
	}
	if now := aws.ToString(desc.KeyMetadata.CurrentKeyMaterialId); len(now) != 64 || now == material {
		t.Errorf("CurrentKeyMaterialId %q -> %q, want a new 64-digit id", material, now)
	}
	list, err := c.ListKeyRotations(ctx, &kms.ListKeyRotationsInput{KeyId: k.KeyId})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Rotations) != 1 || list.Rotations[0].RotationType != types.RotationTypeOnDemand || list.Truncated {
		t.Errorf("ListKeyRotations = %+v", list.Rotations)
	}
	for range 9 {
		if _, err := c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: k.KeyId}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: k.KeyId})
	want := "The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: " + aws.ToString(k.Arn)
	if errorCode(t, err) != "LimitExceededException" || errorMessage(t, err) != want {
		t.Errorf("eleventh rotation: %v", err)
	}
	page, err := c.ListKeyRotations(ctx, &kms.ListKeyRotationsInput{KeyId: k.KeyId, Limit: aws.Int32(4)})
	if err != nil || len(page.Rotations) != 4 || !page.Truncated || page.NextMarker == nil {
		t.Fatalf("first page = %+v, %v", page, err)
	}
	out, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: before, EncryptionContext: map[string]string{"order": "o-1"}})
	if err != nil || string(out.Plaintext) != "before" {
		t.Errorf("after ten rotations the first ciphertext = %q, %v", out.Plaintext, err)
	}
}

func TestAutomaticRotationSettings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	k := createSymmetric(t, c)
	if _, err := c.EnableKeyRotation(ctx, &kms.EnableKeyRotationInput{KeyId: k.KeyId, RotationPeriodInDays: aws.Int32(180)}); err != nil {
		t.Fatal(err)
	}
	st, err := c.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: k.KeyId})
	if err != nil {
		t.Fatal(err)
	}
	if !st.KeyRotationEnabled || aws.ToInt32(st.RotationPeriodInDays) != 180 || st.NextRotationDate == nil ||
		!st.NextRotationDate.Equal(t0.Add(180*24*time.Hour)) || aws.ToString(st.KeyId) != aws.ToString(k.Arn) {
		t.Errorf("GetKeyRotationStatus = %+v", st)
	}
	if _, err := c.DisableKeyRotation(ctx, &kms.DisableKeyRotationInput{KeyId: k.KeyId}); err != nil {
		t.Fatal(err)
	}
	st, err = c.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: k.KeyId})
	if err != nil || st.KeyRotationEnabled || st.RotationPeriodInDays != nil {
		t.Errorf("after disabling: %+v, %v", st, err)
	}

	mac := createHMAC(t, c, types.KeySpecHmac256)
	_, err = c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: mac.KeyId})
	if got := errorCode(t, err); got != "UnsupportedOperationException" {
		t.Errorf("rotating an HMAC key: %q", got)
	}
	if _, err := c.DisableKey(ctx, &kms.DisableKeyInput{KeyId: k.KeyId}); err != nil {
		t.Fatal(err)
	}
	_, err = c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: k.KeyId})
	if errorCode(t, err) != "DisabledException" || errorMessage(t, err) != aws.ToString(k.Arn)+" is disabled." {
		t.Errorf("rotating a disabled key: %v", err)
	}
}

func TestReEncryptMovesACiphertextToAnotherKey(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	src, dst := createSymmetric(t, c), createSymmetric(t, c)
	blob := encrypt(t, c, *src.KeyId, []byte("card-token"), map[string]string{"a": "1"})
	out, err := c.ReEncrypt(ctx, &kms.ReEncryptInput{
		CiphertextBlob: blob, SourceEncryptionContext: map[string]string{"a": "1"},
		DestinationKeyId: dst.KeyId, DestinationEncryptionContext: map[string]string{"b": "2"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.SourceKeyId) != aws.ToString(src.Arn) || aws.ToString(out.KeyId) != aws.ToString(dst.Arn) ||
		out.SourceEncryptionAlgorithm != types.EncryptionAlgorithmSpecSymmetricDefault {
		t.Errorf("ReEncrypt = source %q key %q", aws.ToString(out.SourceKeyId), aws.ToString(out.KeyId))
	}
	dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: out.CiphertextBlob, EncryptionContext: map[string]string{"b": "2"}})
	if err != nil || string(dec.Plaintext) != "card-token" || aws.ToString(dec.KeyId) != aws.ToString(dst.Arn) {
		t.Fatalf("decrypt the re-encrypted blob = %q by %q, %v", dec.Plaintext, aws.ToString(dec.KeyId), err)
	}
	_, err = c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: blob, SourceEncryptionContext: map[string]string{"a": "1"}, SourceKeyId: dst.KeyId, DestinationKeyId: dst.KeyId})
	if errorCode(t, err) != "IncorrectKeyException" || errorMessage(t, err) != "The key ID in the request does not identify a CMK that can perform this operation." {
		t.Errorf("wrong source key: %v", err)
	}
	_, err = c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: blob, SourceEncryptionContext: map[string]string{"a": "1"}, DestinationKeyId: aws.String("alias/DoesNotExist")})
	if got := errorCode(t, err); got != "NotFoundException" {
		t.Errorf("missing destination: %q", got)
	}
}

func TestKeysArePerRegion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	in, _ := newRegionalClients(t)
	eu, us, cn := in("eu-west-1"), in("us-east-1"), in("cn-north-1")
	k := createSymmetric(t, eu)
	if want := "arn:aws:kms:eu-west-1:123456789012:key/" + aws.ToString(k.KeyId); aws.ToString(k.Arn) != want {
		t.Errorf("ARN = %q, want %q", aws.ToString(k.Arn), want)
	}
	if ck := createSymmetric(t, cn); aws.ToString(ck.Arn)[:len("arn:aws-cn:kms:cn-north-1:")] != "arn:aws-cn:kms:cn-north-1:" {
		t.Errorf("China ARN = %q", aws.ToString(ck.Arn))
	}
	keys, err := us.ListKeys(ctx, &kms.ListKeysInput{})
	if err != nil || len(keys.Keys) != 0 {
		t.Fatalf("us-east-1 lists %+v, %v; want no keys", keys, err)
	}
	_, err = us.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: k.KeyId})
	if want := "Key 'arn:aws:kms:us-east-1:123456789012:key/" + aws.ToString(k.KeyId) + "' does not exist"; errorCode(t, err) != "NotFoundException" || errorMessage(t, err) != want {
		t.Errorf("by id from us-east-1: %v", err)
	}
	_, err = us.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: k.Arn})
	if errorCode(t, err) != "NotFoundException" || errorMessage(t, err) != "Invalid arn eu-west-1" {
		t.Errorf("by ARN from us-east-1: %v", err)
	}
	_, err = us.Encrypt(ctx, &kms.EncryptInput{KeyId: k.KeyId, Plaintext: []byte("x")})
	if got := errorCode(t, err); got != "NotFoundException" {
		t.Errorf("encrypting with another region's key: %q", got)
	}
}
