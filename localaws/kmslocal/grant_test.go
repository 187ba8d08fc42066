package kmslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestGrants records grants on a key, lists them as AWS shapes them (the
// key's ARN, the issuing account), and removes them by token, by id and by
// revocation.
func TestGrants(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	ctx := context.Background()
	key := createSymmetric(t, c)
	grantee := "arn:aws:iam::123456789012:role/callback"
	first, err := c.CreateGrant(ctx, &kms.CreateGrantInput{KeyId: key.KeyId, GranteePrincipal: aws.String(grantee), Name: aws.String("decrypt-cards"),
		Operations: []types.GrantOperation{types.GrantOperationDecrypt}, RetiringPrincipal: aws.String("arn:aws:iam::123456789012:role/ops"),
		Constraints: &types.GrantConstraints{EncryptionContextSubset: map[string]string{"orderId": "o-1"}}})
	if err != nil {
		t.Fatalf("CreateGrant: %v", err)
	}
	if len(aws.ToString(first.GrantId)) != 64 || aws.ToString(first.GrantToken) == "" {
		t.Errorf("CreateGrant = id %q token %q", aws.ToString(first.GrantId), aws.ToString(first.GrantToken))
	}
	again, err := c.CreateGrant(ctx, &kms.CreateGrantInput{KeyId: key.KeyId, GranteePrincipal: aws.String(grantee), Name: aws.String("decrypt-cards"),
		Operations: []types.GrantOperation{types.GrantOperationDecrypt}, RetiringPrincipal: aws.String("arn:aws:iam::123456789012:role/ops")})
	if err != nil || aws.ToString(again.GrantId) != aws.ToString(first.GrantId) {
		t.Errorf("CreateGrant with the same name and parameters = %v, %v; want the same grant (AWS documents it as idempotent)", again, err)
	}
	second, err := c.CreateGrant(ctx, &kms.CreateGrantInput{KeyId: key.Arn, GranteePrincipal: aws.String(grantee),
		Operations: []types.GrantOperation{types.GrantOperationEncrypt, types.GrantOperationGenerateDataKey}})
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.ListGrants(ctx, &kms.ListGrantsInput{KeyId: key.KeyId})
	if err != nil {
		t.Fatal(err)
	}
	want := []types.GrantListEntry{
		{KeyId: key.Arn, GrantId: first.GrantId, Name: aws.String("decrypt-cards"), GranteePrincipal: aws.String(grantee),
			RetiringPrincipal: aws.String("arn:aws:iam::123456789012:role/ops"), IssuingAccount: aws.String("arn:aws:iam::123456789012:root"),
			Operations:  []types.GrantOperation{types.GrantOperationDecrypt},
			Constraints: &types.GrantConstraints{EncryptionContextSubset: map[string]string{"orderId": "o-1"}}},
		{KeyId: key.Arn, GrantId: second.GrantId, GranteePrincipal: aws.String(grantee), IssuingAccount: aws.String("arn:aws:iam::123456789012:root"),
			Operations: []types.GrantOperation{types.GrantOperationEncrypt, types.GrantOperationGenerateDataKey}},
	}
	opts := []cmp.Option{cmpopts.IgnoreFields(types.GrantListEntry{}, "CreationDate"), cmpopts.IgnoreUnexported(types.GrantListEntry{}, types.GrantConstraints{})}
	if diff := cmp.Diff(want, list.Grants, opts...); diff != "" {
		t.Errorf("ListGrants (-want +got):\n%s", diff)
	}
	retirable, err := c.ListRetirableGrants(ctx, &kms.ListRetirableGrantsInput{RetiringPrincipal: aws.String("arn:aws:iam::123456789012:role/ops")})
	if err != nil || len(retirable.Grants) != 1 || aws.ToString(retirable.Grants[0].GrantId) != aws.ToString(first.GrantId) {
		t.Errorf("ListRetirableGrants = %+v, %v; want the first grant", retirable, err)
	}

	if _, err := c.RetireGrant(ctx, &kms.RetireGrantInput{GrantToken: first.GrantToken}); err != nil {
		t.Fatalf("RetireGrant by token: %v", err)
	}
	if _, err := c.RevokeGrant(ctx, &kms.RevokeGrantInput{KeyId: key.KeyId, GrantId: second.GrantId}); err != nil {
		t.Fatalf("RevokeGrant: %v", err)
	}
	list, err = c.ListGrants(ctx, &kms.ListGrantsInput{KeyId: key.KeyId})
	if err != nil || len(list.Grants) != 0 {
		t.Errorf("ListGrants after retiring and revoking = %+v, %v; want none", list, err)
	}
	_, err = c.RevokeGrant(ctx, &kms.RevokeGrantInput{KeyId: key.KeyId, GrantId: second.GrantId})
	if got := errorCode(t, err); got != "NotFoundException" {
		t.Errorf("revoking a revoked grant: %q, want NotFoundException", got)
	}
	_, err = c.CreateGrant(ctx, &kms.CreateGrantInput{KeyId: key.KeyId, GranteePrincipal: aws.String(grantee), Operations: []types.GrantOperation{"DECRYPT"}})
	if got := errorCode(t, err); got != "ValidationException" {
		t.Errorf("a grant for an operation not in the model's enum: %q, want ValidationException", got)
	}
}
