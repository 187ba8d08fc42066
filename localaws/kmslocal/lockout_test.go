package kmslocal_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
)

// lockoutMessage is AWS's answer to a key policy that fails the key policy
// lockout safety check, as boto3 printed it for a refused PutKeyPolicy
// (data-dot-all/dataall #956) and Terraform for a refused CreateKey
// (terraform-aws-modules/terraform-aws-kms #14). The check itself is the
// one the PutKeyPolicy and CreateKey API references describe under
// BypassPolicyLockoutSafetyCheck.
const lockoutMessage = "The new key policy will not allow you to update the key policy in the future."

// denyOnly is a policy whose one statement denies actions to everyone, as
// moto's test_kms_policy_enforcement puts it on a key before DescribeKey.
func denyOnly(actions string) string {
	return fmt.Sprintf(`{"Version":"2012-10-17","Id":"","Statement":[{"Sid":"test","Effect":"Deny","Principal":"*","Action":%s,"Resource":"*"}]}`, actions)
}

// A policy that lets no principal make a later PutKeyPolicy request is
// refused, and the key keeps its policy: AWS answers the PutKeyPolicy of
// moto's policy-enforcement sequence so, and its DescribeKey then works.
func TestPutKeyPolicyRefusesALockout(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	cases := []struct{ name, policy string }{
		{"deny kms:*", denyOnly(`["kms:*"]`)},
		{"deny unknown and kms:*", denyOnly(`["kms:unknown", "kms:*"]`)},
		{"deny DescribeKey only", denyOnly(`["kms:DescribeKey"]`)},
		{"deny Describe*", denyOnly(`["kms:Describe*"]`)},
		{"allow without PutKeyPolicy", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:Decrypt","kms:Get*"],"Resource":"*"}]}`},
		{"everyone denied PutKeyPolicy", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"},` +
			`{"Effect":"Deny","Principal":{"AWS":["*"]},"Action":"kms:Put*","Resource":"*"}]}`},
		{"one statement, not a list", `{"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			k := createSymmetric(t, c)
			before, err := c.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: k.KeyId, PolicyName: aws.String("default")})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.PutKeyPolicy(ctx, &kms.PutKeyPolicyInput{KeyId: k.KeyId, PolicyName: aws.String("default"), Policy: aws.String(tc.policy)})
			if errorCode(t, err) != "MalformedPolicyDocumentException" || errorMessage(t, err) != lockoutMessage {
				t.Fatalf("PutKeyPolicy: %v, want MalformedPolicyDocumentException %q", err, lockoutMessage)
			}
			after, err := c.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: k.KeyId, PolicyName: aws.String("default")})
			if err != nil || aws.ToString(after.Policy) != aws.ToString(before.Policy) {
				t.Errorf("policy after the refusal = %v, %v; want it unchanged", after, err)
			}
			if _, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: k.KeyId}); err != nil {
				t.Errorf("DescribeKey after the refusal: %v", err)
			}
		})
	}
}

// Policies that leave some principal able to update the policy, policies
// the check cannot read, and any policy with BypassPolicyLockoutSafetyCheck
// are stored as given.
func TestPutKeyPolicyAcceptsWhatTheLockoutCheckPasses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	cases := []struct {
		name, policy string
		bypass       bool
	}{
		{"allow kms:Put*", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["kms:Describe*","kms:Put*"],"Resource":"*"}]}`, false},
		{"allow case-insensitive", `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"KMS:putkeypolicy","Resource":"*"}]}`, false},
		{"allow with NotAction", `{"Statement":[{"Effect":"Allow","Principal":"*","NotAction":"kms:Decrypt","Resource":"*"}]}`, false},
		{"deny under a condition", `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"},` +
			`{"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`, false},
		{"deny one principal", `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"},` +
			`{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:user/mallory"},"Action":"kms:*","Resource":"*"}]}`, false},
		{"not JSON", "my policy", false},
		{"deny-only with the bypass", denyOnly(`["kms:*"]`), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			k := createSymmetric(t, c)
			_, err := c.PutKeyPolicy(ctx, &kms.PutKeyPolicyInput{KeyId: k.KeyId, PolicyName: aws.String("default"), Policy: aws.String(tc.policy),
				BypassPolicyLockoutSafetyCheck: tc.bypass})
			if err != nil {
				t.Fatalf("PutKeyPolicy: %v", err)
			}
			got, err := c.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: k.KeyId, PolicyName: aws.String("default")})
			if err != nil || aws.ToString(got.Policy) != tc.policy {
				t.Errorf("GetKeyPolicy = %v, %v; want the policy put", got, err)
			}
		})
	}
}

// CreateKey and ReplicateKey make the same check on the policy they are
// given; a refused CreateKey creates no key.
func TestCreateAndReplicateKeyRefuseALockout(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	in, _ := newRegionalClients(t)
	east := in("us-east-1")
	_, err := east.CreateKey(ctx, &kms.CreateKeyInput{Policy: aws.String(denyOnly(`"kms:*"`))})
	if errorCode(t, err) != "MalformedPolicyDocumentException" || errorMessage(t, err) != lockoutMessage {
		t.Errorf("CreateKey: %v, want MalformedPolicyDocumentException %q", err, lockoutMessage)
	}
	keys, err := east.ListKeys(ctx, &kms.ListKeysInput{})
	if err != nil || len(keys.Keys) != 0 {
		t.Errorf("ListKeys after the refused CreateKey = %v, %v; want no key", keys, err)
	}
	bypassed, err := east.CreateKey(ctx, &kms.CreateKeyInput{Policy: aws.String(denyOnly(`"kms:*"`)), BypassPolicyLockoutSafetyCheck: true})
	if err != nil {
		t.Fatalf("CreateKey with the bypass: %v", err)
	}
	if got, err := east.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: bypassed.KeyMetadata.KeyId}); err != nil || aws.ToString(got.Policy) != denyOnly(`"kms:*"`) {
		t.Errorf("policy of the bypassed key = %v, %v", got, err)
	}
	primary, err := east.CreateKey(ctx, &kms.CreateKeyInput{MultiRegion: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = east.ReplicateKey(ctx, &kms.ReplicateKeyInput{KeyId: primary.KeyMetadata.KeyId, ReplicaRegion: aws.String("eu-west-1"), Policy: aws.String(denyOnly(`"*"`))})
	if errorCode(t, err) != "MalformedPolicyDocumentException" || errorMessage(t, err) != lockoutMessage {
		t.Errorf("ReplicateKey: %v, want MalformedPolicyDocumentException %q", err, lockoutMessage)
	}
	if _, err := in("eu-west-1").DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: primary.KeyMetadata.KeyId}); errorCode(t, err) != "NotFoundException" {
		t.Errorf("the replica after the refused ReplicateKey: %v, want NotFoundException", err)
	}
}
