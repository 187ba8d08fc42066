package kmslocal_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// The refusals below answer as AWS did in LocalStack's AWS-validated
// snapshots (tests/aws/services/kms/test_kms.snapshot.json); each case
// names the recorded test.
func TestRefusalsAnswerAsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	in, _ := newRegionalClients(t)
	c := in("us-east-1")
	sym := createSymmetric(t, c)
	cases := []struct {
		name, code, message string
		call                func() error
	}{
		// TestKMS::test_generate_random_invalid_number_of_bytes[None], [0], [1025].
		{"GenerateRandom without NumberOfBytes", "ValidationException", "NumberOfBytes is required.", func() error {
			_, err := c.GenerateRandom(ctx, &kms.GenerateRandomInput{})
			return err
		}},
		{"GenerateRandom of 0 bytes", "ValidationException", "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1", func() error {
			_, err := c.GenerateRandom(ctx, &kms.GenerateRandomInput{NumberOfBytes: aws.Int32(0)})
			return err
		}},
		{"GenerateRandom of 1025 bytes", "ValidationException", "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024", func() error {
			_, err := c.GenerateRandom(ctx, &kms.GenerateRandomInput{NumberOfBytes: aws.Int32(1025)})
			return err
		}},
		// GenerateDataKey's NumberOfBytes has the same model range.
		{"GenerateDataKey of 1025 bytes", "ValidationException", "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024", func() error {
			_, err := c.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: sym.KeyId, NumberOfBytes: aws.Int32(1025)})
			return err
		}},
		// TestKMS::test_import_key_symmetric, "import-expiring-key-without-valid-to".
		{"ImportKeyMaterial expiring without ValidTo", "ValidationException", "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES", func() error {
			ext, err := c.CreateKey(ctx, &kms.CreateKeyInput{Origin: types.OriginTypeExternal})
			if err != nil {
				return err
			}
			_, err = c.ImportKeyMaterial(ctx, &kms.ImportKeyMaterialInput{KeyId: ext.KeyMetadata.KeyId, ImportToken: []byte("t"),
				EncryptedKeyMaterial: []byte("m"), ExpirationModel: types.ExpirationModelTypeKeyMaterialExpires})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.call()
			if got := errorCode(t, err); got != tc.code {
				t.Fatalf("error %v, want %s", err, tc.code)
			}
			if got := errorMessage(t, err); got != tc.message {
				t.Errorf("message\n got %q\nwant %q", got, tc.message)
			}
		})
	}
}

// RSAES-OAEP refuses a plaintext longer than the modulus length less twice
// the hash length less 2, in AWS's wording
// (TestKMS::test_encrypt_validate_plaintext_size_per_key_type), and takes
// one of exactly that length.
func TestRSAEncryptLimitsAnswerAsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	cases := []struct {
		spec types.KeySpec
		alg  types.EncryptionAlgorithmSpec
		max  int
	}{
		{types.KeySpecRsa2048, types.EncryptionAlgorithmSpecRsaesOaepSha1, 214},
		{types.KeySpecRsa2048, types.EncryptionAlgorithmSpecRsaesOaepSha256, 190},
		{types.KeySpecRsa3072, types.EncryptionAlgorithmSpecRsaesOaepSha1, 342},
		{types.KeySpecRsa3072, types.EncryptionAlgorithmSpecRsaesOaepSha256, 318},
		{types.KeySpecRsa4096, types.EncryptionAlgorithmSpecRsaesOaepSha1, 470},
		{types.KeySpecRsa4096, types.EncryptionAlgorithmSpecRsaesOaepSha256, 446},
	}
	for _, tc := range cases {
		t.Run(string(tc.spec)+"/"+string(tc.alg), func(t *testing.T) {
			t.Parallel()
			k, err := c.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: tc.spec, KeyUsage: types.KeyUsageTypeEncryptDecrypt})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: k.KeyMetadata.KeyId, EncryptionAlgorithm: tc.alg, Plaintext: []byte(strings.Repeat("a", tc.max))}); err != nil {
				t.Errorf("Encrypt of %d bytes: %v", tc.max, err)
			}
			_, err = c.Encrypt(ctx, &kms.EncryptInput{KeyId: k.KeyMetadata.KeyId, EncryptionAlgorithm: tc.alg, Plaintext: []byte(strings.Repeat("a", tc.max+1))})
			want := "Algorithm " + string(tc.alg) + " and key spec " + string(tc.spec) + " cannot encrypt data larger than " + strconv.Itoa(tc.max) + " bytes."
			if errorCode(t, err) != "ValidationException" || errorMessage(t, err) != want {
				t.Errorf("Encrypt of %d bytes: %v, want ValidationException %q", tc.max+1, err, want)
			}
		})
	}
}

// Replicating a replica is refused before the replica region is looked at
// (TestKMS::test_replicate_replica_key_should_fail: a replica replicated
// into its own region).
func TestReplicatingAReplicaAnswersAsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	in, _ := newRegionalClients(t)
	east, west := in("us-east-1"), in("us-west-2")
	primary, err := east.CreateKey(ctx, &kms.CreateKeyInput{MultiRegion: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := east.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: primary.KeyMetadata.KeyId, ReplicaRegion: aws.String("us-west-2")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = west.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: rep.ReplicaKeyMetadata.KeyId, ReplicaRegion: aws.String("us-west-2")})
	want := aws.ToString(rep.ReplicaKeyMetadata.Arn) + " is not a multi-region primary key."
	if errorCode(t, err) != "UnsupportedOperationException" || errorMessage(t, err) != want {
		t.Errorf("ReplicateKey of a replica: %v, want UnsupportedOperationException %q", err, want)
	}
}

// Decrypt names the key material that sealed the ciphertext and ReEncrypt
// names both materials, as the service model's DecryptResponse and
// ReEncryptResponse have them for symmetric keys (AWS's answers recorded in
// LocalStack's snapshot of TestKMS::test_encrypt_decrypt_encryption_context
// carry KeyMaterialId): after a rotation an old ciphertext still names the
// old material.
func TestDecryptNamesTheKeyMaterial(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	k := createSymmetric(t, c)
	current := func() string {
		t.Helper()
		d, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: k.KeyId})
		if err != nil {
			t.Fatal(err)
		}
		return aws.ToString(d.KeyMetadata.CurrentKeyMaterialId)
	}
	first := current()
	blob := encrypt(t, c, *k.KeyId, []byte("card"), nil)
	if _, err := c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: k.KeyId}); err != nil {
		t.Fatal(err)
	}
	second := current()
	if first == "" || first == second {
		t.Fatalf("materials before and after the rotation: %q, %q", first, second)
	}
	dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: blob})
	if err != nil || aws.ToString(dec.KeyMaterialId) != first {
		t.Errorf("Decrypt of a ciphertext from before the rotation: KeyMaterialId %q, %v; want %q", aws.ToString(dec.KeyMaterialId), err, first)
	}
	re, err := c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: blob, DestinationKeyId: k.KeyId})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(re.SourceKeyMaterialId) != first || aws.ToString(re.DestinationKeyMaterialId) != second {
		t.Errorf("ReEncrypt materials %q -> %q, want %q -> %q", aws.ToString(re.SourceKeyMaterialId), aws.ToString(re.DestinationKeyMaterialId), first, second)
	}
}

// With DryRun set, a request that would succeed answers
// DryRunOperationException and changes nothing; one that would fail fails
// as usual (TestKMSGenerateKeys::test_generate_data_key_pair_dry_run and
// ..._without_plaintext_dry_run record the answer).
func TestDryRunAnswersAsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	k := createSymmetric(t, c)
	const want = "The request would have succeeded, but the DryRun option is set."
	check := func(name string, err error) {
		t.Helper()
		if errorCode(t, err) != "DryRunOperationException" || errorMessage(t, err) != want {
			t.Errorf("%s with DryRun: %v, want DryRunOperationException %q", name, err, want)
		}
	}
	_, err := c.GenerateDataKeyPair(ctx, &kms.GenerateDataKeyPairInput{KeyId: k.KeyId, KeyPairSpec: types.DataKeyPairSpecRsa2048, DryRun: aws.Bool(true)})
	check("GenerateDataKeyPair", err)
	_, err = c.GenerateDataKeyPairWithoutPlaintext(ctx, &kms.GenerateDataKeyPairWithoutPlaintextInput{KeyId: k.KeyId, KeyPairSpec: types.DataKeyPairSpecRsa2048, DryRun: aws.Bool(true)})
	check("GenerateDataKeyPairWithoutPlaintext", err)
	_, err = c.Encrypt(ctx, &kms.EncryptInput{KeyId: k.KeyId, Plaintext: []byte("x"), DryRun: aws.Bool(true)})
	check("Encrypt", err)
	_, err = c.CreateGrant(ctx, &kms.CreateGrantInput{KeyId: k.KeyId, GranteePrincipal: aws.String("arn:aws:iam::123456789012:role/r"),
		Operations: []types.GrantOperation{types.GrantOperationDecrypt}, DryRun: aws.Bool(true)})
	check("CreateGrant", err)
	grants, err := c.ListGrants(ctx, &kms.ListGrantsInput{KeyId: k.KeyId})
	if err != nil || len(grants.Grants) != 0 {
		t.Errorf("grants after a dry-run CreateGrant: %v, %v; want none", grants, err)
	}
	g, err := c.CreateGrant(ctx, &kms.CreateGrantInput{KeyId: k.KeyId, GranteePrincipal: aws.String("arn:aws:iam::123456789012:role/r"),
		Operations: []types.GrantOperation{types.GrantOperationDecrypt}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.RevokeGrant(ctx, &kms.RevokeGrantInput{KeyId: k.KeyId, GrantId: g.GrantId, DryRun: aws.Bool(true)})
	check("RevokeGrant", err)
	_, err = c.RetireGrant(ctx, &kms.RetireGrantInput{GrantToken: g.GrantToken, DryRun: aws.Bool(true)})
	check("RetireGrant by token", err)
	grants, err = c.ListGrants(ctx, &kms.ListGrantsInput{KeyId: k.KeyId})
	if err != nil || len(grants.Grants) != 1 {
		t.Errorf("grants after dry-run revoke and retire: %v, %v; want the one grant", grants, err)
	}
	_, err = c.Encrypt(ctx, &kms.EncryptInput{KeyId: aws.String("alias/none"), Plaintext: []byte("x"), DryRun: aws.Bool(true)})
	if errorCode(t, err) != "NotFoundException" {
		t.Errorf("a dry run that would fail: %v, want the failure (NotFoundException)", err)
	}
}
