package secretslocal_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// TestResourcePolicy follows LocalStack's AWS-validated
// test_resource_policy: a policy put is answered back as given and can be
// deleted; a document that is not JSON is refused.
func TestResourcePolicy(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("shared"), SecretString: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	const policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
	if _, err := c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("shared"), ResourcePolicy: aws.String(policy)}); err != nil {
		t.Fatalf("PutResourcePolicy: %v", err)
	}
	got, err := c.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("shared")})
	if err != nil || aws.ToString(got.ResourcePolicy) != policy || aws.ToString(got.Name) != "shared" {
		t.Errorf("GetResourcePolicy = %+v (%v)", got, err)
	}
	valid, err := c.ValidateResourcePolicy(ctx, &secretsmanager.ValidateResourcePolicyInput{ResourcePolicy: aws.String(policy)})
	if err != nil || !valid.PolicyValidationPassed {
		t.Errorf("ValidateResourcePolicy = %+v (%v)", valid, err)
	}
	_, err = c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("shared"), ResourcePolicy: aws.String("allow everyone")})
	if code, _ := apiError(t, err); code != "MalformedPolicyDocumentException" {
		t.Errorf("PutResourcePolicy of a non-JSON policy = %v, want MalformedPolicyDocumentException", err)
	}
	if _, err := c.DeleteResourcePolicy(ctx, &secretsmanager.DeleteResourcePolicyInput{SecretId: aws.String("shared")}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("shared")}); err != nil || got.ResourcePolicy != nil {
		t.Errorf("GetResourcePolicy after delete = %+v (%v), want no policy", got, err)
	}
}

// TestForceDeleteOfAMissingSecret checks AWS's answer to a forced
// deletion of a secret that does not exist (LocalStack's AWS-validated
// test_delete_non_existent_secret_returns_as_if_secret_exists): success,
// with the name, an ARN and a deletion date. Without the force it is
// still ResourceNotFoundException.
func TestForceDeleteOfAMissingSecret(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	out, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("never-made"), ForceDeleteWithoutRecovery: aws.Bool(true)})
	if err != nil || aws.ToString(out.Name) != "never-made" || !strings.Contains(aws.ToString(out.ARN), ":secret:never-made-") || out.DeletionDate == nil {
		t.Errorf("forced DeleteSecret of a missing secret = %+v (%v)", out, err)
	}
	_, err = c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("never-made")})
	if code, _ := apiError(t, err); code != "ResourceNotFoundException" {
		t.Errorf("DeleteSecret of a missing secret = %v, want ResourceNotFoundException", err)
	}
}

// TestVersionAccessDates checks that ListSecretVersionIds dates the last
// read of each version (the day, as AWS reports it) and leaves the member
// out for a version never read.
func TestVersionAccessDates(t *testing.T) {
	t.Parallel()
	c, clk, _ := newClient(t)
	ctx := context.Background()
	first, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("read"), SecretString: aws.String("one")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("read")}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(48 * time.Hour)
	if _, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("read"), SecretString: aws.String("two")}); err != nil {
		t.Fatal(err)
	}
	out, err := c.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("read")})
	if err != nil || len(out.Versions) != 2 {
		t.Fatalf("ListSecretVersionIds = %+v (%v)", out, err)
	}
	day := t0.UTC().Truncate(24 * time.Hour)
	for _, v := range out.Versions {
		read := aws.ToString(v.VersionId) == aws.ToString(first.VersionId)
		switch {
		case read && (v.LastAccessedDate == nil || !v.LastAccessedDate.Equal(day)):
			t.Errorf("the read version's LastAccessedDate = %v, want %v", v.LastAccessedDate, day)
		case !read && v.LastAccessedDate != nil:
			t.Errorf("the unread version has LastAccessedDate %v", v.LastAccessedDate)
		}
	}
}

// TestDescriptionFilterMatchesWords follows LocalStack's AWS-validated
// test_list_secrets_filtering: a description filter matches word by word,
// whatever the case.
func TestDescriptionFilterMatchesWords(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	for name, desc := range map[string]string{"one": "a secret", "two": "An Secret", "three": "asecret", "four": "thesecret"} {
		if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), Description: aws.String(desc)}); err != nil {
			t.Fatal(err)
		}
	}
	for value, want := range map[string]string{"a secret": "one,two", "a": "one,three,two", "!a": "four", "secret": "one,two"} {
		out, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{Filters: []types.Filter{{Key: types.FilterNameStringTypeDescription, Values: []string{value}}}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range out.SecretList {
			got = append(got, aws.ToString(s.Name))
		}
		slices.Sort(got)
		if g := strings.Join(got, ","); g != want {
			t.Errorf("description %q matched %s, want %s", value, g, want)
		}
	}
}

// TestRotateSecretRefusals checks RotateSecret's answers, the ones AWS
// gives when it cannot rotate (LocalStack's AWS-validated
// test_first_rotate_secret_with_missing_lambda_arn and
// test_rotate_secret_invalid_lambda_arn): no function named, or one that
// cannot be invoked (the local endpoint invokes none); the secret is left
// without a rotation configuration.
func TestRotateSecretRefusals(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("rotated"), SecretString: aws.String("init")}); err != nil {
		t.Fatal(err)
	}
	rules := &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(1)}
	_, err := c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("rotated"), RotationRules: rules})
	if code, msg := apiError(t, err); code != "InvalidRequestException" || msg != "No Lambda rotation function ARN is associated with this secret." {
		t.Errorf("RotateSecret without a function = %s %q", code, msg)
	}
	_, err = c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("rotated"), RotationRules: rules,
		RotationLambdaARN: aws.String("arn:aws:lambda:us-east-1:123456789012:function:rotate")})
	if code, msg := apiError(t, err); code != "AccessDeniedException" || !strings.HasPrefix(msg, "Secrets Manager cannot invoke the specified Lambda function.") {
		t.Errorf("RotateSecret with a function = %s %q", code, msg)
	}
	if d := describe(t, c, "rotated"); d.RotationEnabled != nil || d.RotationLambdaARN != nil || d.RotationRules != nil {
		t.Errorf("after refused rotations the secret describes rotation %v %v %v", d.RotationEnabled, d.RotationLambdaARN, d.RotationRules)
	}
}
