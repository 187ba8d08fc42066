package kmslocal_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/google/go-cmp/cmp"
)

func TestCreateKeyMetadata(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	out, err := c.CreateKey(context.Background(), &kms.CreateKeyInput{
		Description: aws.String("cards"),
		Tags:        []types.Tag{{TagKey: aws.String("app"), TagValue: aws.String("payflow")}},
	})
	if err != nil {
		t.Fatalf("CreateKey: %v", err)
	}
	m := out.KeyMetadata
	want := "arn:aws:kms:us-east-1:123456789012:key/" + *m.KeyId
	if *m.Arn != want {
		t.Errorf("Arn = %s, want %s", *m.Arn, want)
	}
	if m.KeyState != types.KeyStateEnabled || !m.Enabled || m.KeyUsage != types.KeyUsageTypeEncryptDecrypt || m.KeySpec != types.KeySpecSymmetricDefault {
		t.Errorf("metadata = %+v, want an enabled ENCRYPT_DECRYPT SYMMETRIC_DEFAULT key", m)
	}
	if !m.CreationDate.Equal(t0) {
		t.Errorf("CreationDate = %v, want %v", m.CreationDate, t0)
	}
	desc, err := c.DescribeKey(context.Background(), &kms.DescribeKeyInput{KeyId: m.Arn})
	if err != nil {
		t.Fatalf("DescribeKey: %v", err)
	}
	if *desc.KeyMetadata.Description != "cards" {
		t.Errorf("Description = %q, want cards", *desc.KeyMetadata.Description)
	}
	tags, err := c.ListResourceTags(context.Background(), &kms.ListResourceTagsInput{KeyId: m.KeyId})
	if err != nil {
		t.Fatalf("ListResourceTags: %v", err)
	}
	if len(tags.Tags) != 1 || *tags.Tags[0].TagKey != "app" || *tags.Tags[0].TagValue != "payflow" {
		t.Errorf("Tags = %+v, want app=payflow", tags.Tags)
	}
}

func TestCreateKeyRejects(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	tests := []struct {
		name string
		in   kms.CreateKeyInput
		want string
	}{
		{name: "HMAC without usage", in: kms.CreateKeyInput{KeySpec: types.KeySpecHmac256}, want: "ValidationException"},
		{name: "symmetric for MACs", in: kms.CreateKeyInput{KeyUsage: types.KeyUsageTypeGenerateVerifyMac}, want: "ValidationException"},
		{name: "SM2", in: kms.CreateKeyInput{KeySpec: types.KeySpecSm2, KeyUsage: types.KeyUsageTypeSignVerify}, want: "UnsupportedOperationException"},
		{name: "RSA for MACs", in: kms.CreateKeyInput{KeySpec: types.KeySpecRsa2048, KeyUsage: types.KeyUsageTypeGenerateVerifyMac}, want: "ValidationException"},
		{name: "ECC for encryption", in: kms.CreateKeyInput{KeySpec: types.KeySpecEccNistP256, KeyUsage: types.KeyUsageTypeEncryptDecrypt}, want: "ValidationException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.CreateKey(context.Background(), &tt.in)
			if got := errorCode(t, err); got != tt.want {
				t.Errorf("error code = %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestListKeysPages(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	want := map[string]bool{}
	for range 5 {
		want[*createSymmetric(t, c).KeyId] = true
	}
	got := map[string]bool{}
	pages := 0
	p := kms.NewListKeysPaginator(c, &kms.ListKeysInput{Limit: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatalf("ListKeys: %v", err)
		}
		pages++
		for _, k := range out.Keys {
			if got[*k.KeyId] {
				t.Errorf("key %s listed twice", *k.KeyId)
			}
			got[*k.KeyId] = true
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("listed keys (-want +got):\n%s", diff)
	}
	if pages != 3 {
		t.Errorf("pages = %d, want 3", pages)
	}
}

func TestAliases(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	a := createSymmetric(t, c)
	b := createSymmetric(t, c)
	createAlias(t, c, "alias/one", *a.KeyId)
	createAlias(t, c, "alias/two", *a.Arn)
	createAlias(t, c, "alias/three", *b.KeyId)

	ctx := context.Background()
	tests := []struct {
		name string
		in   kms.CreateAliasInput
		want string
	}{
		{name: "duplicate", in: kms.CreateAliasInput{AliasName: aws.String("alias/one"), TargetKeyId: b.KeyId}, want: "AlreadyExistsException"},
		{name: "reserved", in: kms.CreateAliasInput{AliasName: aws.String("alias/aws/s3"), TargetKeyId: b.KeyId}, want: "NotAuthorizedException"},
		{name: "no prefix", in: kms.CreateAliasInput{AliasName: aws.String("cards"), TargetKeyId: b.KeyId}, want: "ValidationException"},
		{name: "unknown target", in: kms.CreateAliasInput{AliasName: aws.String("alias/x"), TargetKeyId: aws.String("11111111-2222-4333-8444-555555555555")}, want: "NotFoundException"},
	}
	for _, tt := range tests {
		_, err := c.CreateAlias(ctx, &tt.in)
		if got := errorCode(t, err); got != tt.want {
			t.Errorf("%s: error code = %q (%v), want %q", tt.name, got, err, tt.want)
		}
	}

	out, err := c.ListAliases(ctx, &kms.ListAliasesInput{KeyId: a.KeyId})
	if err != nil {
		t.Fatalf("ListAliases: %v", err)
	}
	var names []string
	for _, al := range out.Aliases {
		names = append(names, *al.AliasName)
		if *al.TargetKeyId != *a.KeyId {
			t.Errorf("alias %s targets %s, want %s", *al.AliasName, *al.TargetKeyId, *a.KeyId)
		}
	}
	if diff := cmp.Diff([]string{"alias/one", "alias/two"}, names); diff != "" {
		t.Errorf("aliases of key a (-want +got):\n%s", diff)
	}

	if _, err := c.DeleteAlias(ctx, &kms.DeleteAliasInput{AliasName: aws.String("alias/one")}); err != nil {
		t.Fatalf("DeleteAlias: %v", err)
	}
	_, err = c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String("alias/one")})
	if got := errorCode(t, err); got != "NotFoundException" {
		t.Errorf("DescribeKey of a deleted alias: code %q, want NotFoundException", got)
	}
	desc, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String("arn:aws:kms:us-east-1:123456789012:alias/three")})
	if err != nil {
		t.Fatalf("DescribeKey by alias ARN: %v", err)
	}
	if *desc.KeyMetadata.KeyId != *b.KeyId {
		t.Errorf("alias/three resolves to %s, want %s", *desc.KeyMetadata.KeyId, *b.KeyId)
	}
}

func TestKeyStates(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	key := createSymmetric(t, c)
	blob := encrypt(t, c, *key.KeyId, []byte("x"), nil)
	try := func() string {
		t.Helper()
		_, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: blob})
		return errorCode(t, err)
	}

	if _, err := c.DisableKey(ctx, &kms.DisableKeyInput{KeyId: key.KeyId}); err != nil {
		t.Fatalf("DisableKey: %v", err)
	}
	if got := try(); got != "DisabledException" {
		t.Errorf("Decrypt with a disabled key: code %q, want DisabledException", got)
	}
	if _, err := c.EnableKey(ctx, &kms.EnableKeyInput{KeyId: key.KeyId}); err != nil {
		t.Fatalf("EnableKey: %v", err)
	}
	if got := try(); got != "" {
		t.Errorf("Decrypt with a re-enabled key: code %q, want success", got)
	}
	del, err := c.ScheduleKeyDeletion(ctx, &kms.ScheduleKeyDeletionInput{KeyId: key.KeyId, PendingWindowInDays: aws.Int32(7)})
	if err != nil {
		t.Fatalf("ScheduleKeyDeletion: %v", err)
	}
	if want := t0.Add(7 * 24 * time.Hour); !del.DeletionDate.Equal(want) {
		t.Errorf("DeletionDate = %v, want %v", del.DeletionDate, want)
	}
	if got := try(); got != "KMSInvalidStateException" {
		t.Errorf("Decrypt with a key pending deletion: code %q, want KMSInvalidStateException", got)
	}
	if _, err := c.CancelKeyDeletion(ctx, &kms.CancelKeyDeletionInput{KeyId: key.KeyId}); err != nil {
		t.Fatalf("CancelKeyDeletion: %v", err)
	}
	desc, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: key.KeyId})
	if err != nil {
		t.Fatalf("DescribeKey: %v", err)
	}
	if desc.KeyMetadata.KeyState != types.KeyStateDisabled {
		t.Errorf("KeyState after cancel = %s, want Disabled", desc.KeyMetadata.KeyState)
	}
}
