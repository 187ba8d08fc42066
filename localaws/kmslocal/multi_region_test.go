package kmslocal_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/google/go-cmp/cmp"
)

// TestMultiRegionKeys replicates a multi-Region key into another region:
// the replica has the same key id, describes itself as a REPLICA of the
// PRIMARY, and decrypts what the primary encrypted, as on AWS.
func TestMultiRegionKeys(t *testing.T) {
	t.Parallel()
	in, _ := newRegionalClients(t)
	east, west := in("us-east-1"), in("eu-west-1")
	ctx := context.Background()
	created, err := east.CreateKey(ctx, &kms.CreateKeyInput{MultiRegion: aws.Bool(true), Description: aws.String("cards")})
	if err != nil {
		t.Fatalf("CreateKey MultiRegion: %v", err)
	}
	id := aws.ToString(created.KeyMetadata.KeyId)
	if !strings.HasPrefix(id, "mrk-") || len(id) != 36 || !aws.ToBool(created.KeyMetadata.MultiRegion) {
		t.Fatalf("multi-Region key id %q, MultiRegion %v", id, created.KeyMetadata.MultiRegion)
	}
	if _, err := west.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: &id}); errorCode(t, err) != "NotFoundException" {
		t.Errorf("the key in eu-west-1 before replication: %v, want NotFoundException", err)
	}
	rep, err := east.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: &id, ReplicaRegion: aws.String("eu-west-1")})
	if err != nil {
		t.Fatalf("ReplicateKey: %v", err)
	}
	if got, want := aws.ToString(rep.ReplicaKeyMetadata.Arn), "arn:aws:kms:eu-west-1:123456789012:key/"+id; got != want {
		t.Errorf("replica ARN = %s, want %s", got, want)
	}
	// AWS answers ReplicateKey while the replica is being made, without
	// the primary's description, and lists no tags when none were given
	// (LocalStack's AWS-validated TestKMS::test_replicate_key).
	if m := rep.ReplicaKeyMetadata; m.KeyState != types.KeyStateCreating || m.Enabled || aws.ToString(m.Description) != "" ||
		m.Origin != types.OriginTypeAwsKms || m.CurrentKeyMaterialId != nil || rep.ReplicaTags != nil {
		t.Errorf("ReplicateKey answered state %s enabled %v description %q origin %s material %v tags %v",
			m.KeyState, m.Enabled, aws.ToString(m.Description), m.Origin, m.CurrentKeyMaterialId, rep.ReplicaTags)
	}
	desc, err := west.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: &id})
	if err != nil {
		t.Fatal(err)
	}
	if m := desc.KeyMetadata; m.KeyState != types.KeyStateEnabled || !m.Enabled || aws.ToString(m.Description) != "" || m.Origin != types.OriginTypeAwsKms {
		t.Errorf("the replica describes itself as %s enabled %v description %q origin %s", m.KeyState, m.Enabled, aws.ToString(m.Description), m.Origin)
	}
	want := &types.MultiRegionConfiguration{
		MultiRegionKeyType: types.MultiRegionKeyTypeReplica,
		PrimaryKey:         &types.MultiRegionKey{Arn: created.KeyMetadata.Arn, Region: aws.String("us-east-1")},
		ReplicaKeys:        []types.MultiRegionKey{{Arn: rep.ReplicaKeyMetadata.Arn, Region: aws.String("eu-west-1")}},
	}
	if diff := cmp.Diff(want, desc.KeyMetadata.MultiRegionConfiguration, cmp.AllowUnexported(types.MultiRegionConfiguration{}, types.MultiRegionKey{})); diff != "" {
		t.Errorf("replica's MultiRegionConfiguration (-want +got):\n%s", diff)
	}
	blob := encrypt(t, east, id, []byte("tok_123"), map[string]string{"orderId": "o-1"})
	dec, err := west.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: blob, EncryptionContext: map[string]string{"orderId": "o-1"}})
	if err != nil || string(dec.Plaintext) != "tok_123" {
		t.Errorf("the replica decrypting the primary's ciphertext = %v, %v", dec, err)
	}
	_, err = east.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: &id, ReplicaRegion: aws.String("eu-west-1")})
	if got := errorCode(t, err); got != "AlreadyExistsException" {
		t.Errorf("replicating twice into a region: %q, want AlreadyExistsException", got)
	}
	single := createSymmetric(t, east)
	_, err = east.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: single.KeyId, ReplicaRegion: aws.String("eu-west-1")})
	if got := errorCode(t, err); got != "UnsupportedOperationException" {
		t.Errorf("replicating a single-Region key: %q, want UnsupportedOperationException", got)
	}
}

// TestUpdatePrimaryRegion moves a multi-Region key's primary to the region
// of one of its replicas: each key then describes itself by its new role,
// both still decrypt each other's ciphertexts, only the new primary
// replicates, and the refusals name what is wrong.
func TestUpdatePrimaryRegion(t *testing.T) {
	t.Parallel()
	in, _ := newRegionalClients(t)
	east, west := in("us-east-1"), in("eu-west-1")
	ctx := context.Background()
	created, err := east.CreateKey(ctx, &kms.CreateKeyInput{MultiRegion: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(created.KeyMetadata.KeyId)
	if _, err := east.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: &id, ReplicaRegion: aws.String("eu-west-1")}); err != nil {
		t.Fatal(err)
	}
	sealed, err := east.Encrypt(ctx, &kms.EncryptInput{KeyId: &id, Plaintext: []byte("card")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := west.UpdatePrimaryRegion(ctx, &kms.UpdatePrimaryRegionInput{KeyId: &id, PrimaryRegion: aws.String("us-east-1")}); errorCode(t, err) != "UnsupportedOperationException" {
		t.Errorf("UpdatePrimaryRegion through a replica = %v, want UnsupportedOperationException", err)
	}
	if _, err := east.UpdatePrimaryRegion(ctx, &kms.UpdatePrimaryRegionInput{KeyId: &id, PrimaryRegion: aws.String("ap-south-1")}); errorCode(t, err) != "NotFoundException" {
		t.Errorf("UpdatePrimaryRegion to a region without a replica = %v, want NotFoundException", err)
	}
	if _, err := east.UpdatePrimaryRegion(ctx, &kms.UpdatePrimaryRegionInput{KeyId: &id, PrimaryRegion: aws.String("eu-west-1")}); err != nil {
		t.Fatalf("UpdatePrimaryRegion: %v", err)
	}
	for region, c := range map[string]*kms.Client{"us-east-1": east, "eu-west-1": west} {
		desc, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: &id})
		if err != nil {
			t.Fatal(err)
		}
		want := types.MultiRegionKeyTypeReplica
		if region == "eu-west-1" {
			want = types.MultiRegionKeyTypePrimary
		}
		mrc := desc.KeyMetadata.MultiRegionConfiguration
		if mrc.MultiRegionKeyType != want || aws.ToString(mrc.PrimaryKey.Region) != "eu-west-1" || len(mrc.ReplicaKeys) != 1 || aws.ToString(mrc.ReplicaKeys[0].Region) != "us-east-1" {
			t.Errorf("%s: %+v, want %s with eu-west-1 primary and us-east-1 replica", region, mrc, want)
		}
	}
	if opened, err := west.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: sealed.CiphertextBlob}); err != nil || string(opened.Plaintext) != "card" {
		t.Errorf("the new primary decrypts the old primary's ciphertext: %v", err)
	}
	if _, err := east.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: &id, ReplicaRegion: aws.String("ap-south-1")}); errorCode(t, err) != "UnsupportedOperationException" {
		t.Errorf("ReplicateKey from the former primary = %v, want UnsupportedOperationException", err)
	}
	if _, err := west.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: &id, ReplicaRegion: aws.String("ap-south-1")}); err != nil {
		t.Errorf("ReplicateKey from the new primary: %v", err)
	}
}
