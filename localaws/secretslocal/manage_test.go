package secretslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/google/go-cmp/cmp"
)

// TestUpdateSecret follows LocalStack's AWS-validated
// test_update_secret_description: a description alone changes no version
// and the answer has no VersionId; a value makes a new AWSCURRENT version
// (the old one AWSPREVIOUS) and the answer names it; a request with
// neither still succeeds. A secret marked for deletion is refused.
func TestUpdateSecret(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	created, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("v0")})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("db"), Description: aws.String("MyDescription")})
	if err != nil || out.VersionId != nil || aws.ToString(out.Name) != "db" {
		t.Fatalf("UpdateSecret description = %+v (%v), want no VersionId", out, err)
	}
	desc := describe(t, c, "db")
	if aws.ToString(desc.Description) != "MyDescription" || !cmp.Equal(desc.VersionIdsToStages, map[string][]string{*created.VersionId: {"AWSCURRENT"}}) {
		t.Errorf("after a description = %q %v", aws.ToString(desc.Description), desc.VersionIdsToStages)
	}
	out, err = c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("db"), SecretString: aws.String("v1"), Description: aws.String("New")})
	if err != nil || out.VersionId == nil {
		t.Fatalf("UpdateSecret value = %+v (%v), want a VersionId", out, err)
	}
	want := map[string][]string{*created.VersionId: {"AWSPREVIOUS"}, *out.VersionId: {"AWSCURRENT"}}
	if desc := describe(t, c, "db"); aws.ToString(desc.Description) != "New" || !cmp.Equal(desc.VersionIdsToStages, want) {
		t.Errorf("after a value = %q %v, want %v", aws.ToString(desc.Description), desc.VersionIdsToStages, want)
	}
	if got, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")}); err != nil || aws.ToString(got.SecretString) != "v1" {
		t.Errorf("current value = %v (%v), want v1", got, err)
	}
	if out, err := c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("db")}); err != nil || out.VersionId != nil {
		t.Errorf("UpdateSecret with nothing = %+v (%v), want success without a VersionId", out, err)
	}
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("db")}); err != nil {
		t.Fatal(err)
	}
	_, err = c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("db"), Description: aws.String("late")})
	if code, msg := apiError(t, err); code != "InvalidRequestException" || msg != "You can't perform this operation on the secret because it was marked for deletion." {
		t.Errorf("UpdateSecret of a deleted secret = %s %q", code, msg)
	}
}

// TestTagResource follows LocalStack's AWS-validated test_secret_tags and
// test_tag_untag_resource_on_deleted_secret: tags add up, a key tagged
// again takes the new value, untagging the last leaves "Tags": [] (a secret
// never tagged has none), and a secret marked for deletion is refused.
func TestTagResource(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("tagged")}); err != nil {
		t.Fatal(err)
	}
	if desc := describe(t, c, "tagged"); desc.Tags != nil {
		t.Errorf("a secret never tagged lists Tags %v, want none", desc.Tags)
	}
	tag := func(tags ...types.Tag) {
		t.Helper()
		if _, err := c.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: aws.String("tagged"), Tags: tags}); err != nil {
			t.Fatalf("TagResource: %v", err)
		}
	}
	tag(types.Tag{Key: aws.String("tag1"), Value: aws.String("value1")})
	tag(types.Tag{Key: aws.String("tag2"), Value: aws.String("value2")}, types.Tag{Key: aws.String("tag1"), Value: aws.String("again")})
	want := []types.Tag{{Key: aws.String("tag1"), Value: aws.String("again")}, {Key: aws.String("tag2"), Value: aws.String("value2")}}
	if diff := cmp.Diff(want, describe(t, c, "tagged").Tags, cmp.AllowUnexported(types.Tag{})); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
	if _, err := c.UntagResource(ctx, &secretsmanager.UntagResourceInput{SecretId: aws.String("tagged"), TagKeys: []string{"tag1", "tag2"}}); err != nil {
		t.Fatal(err)
	}
	if tags := describe(t, c, "tagged").Tags; tags == nil || len(tags) != 0 {
		t.Errorf("after untagging everything Tags = %#v, want an empty list", tags)
	}
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("tagged")}); err != nil {
		t.Fatal(err)
	}
	_, err := c.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: aws.String("tagged"), Tags: want})
	if code, _ := apiError(t, err); code != "InvalidRequestException" {
		t.Errorf("TagResource on a deleted secret = %v, want InvalidRequestException", err)
	}
	_, err = c.UntagResource(ctx, &secretsmanager.UntagResourceInput{SecretId: aws.String("tagged"), TagKeys: []string{"tag1"}})
	if code, _ := apiError(t, err); code != "InvalidRequestException" {
		t.Errorf("UntagResource on a deleted secret = %v, want InvalidRequestException", err)
	}
}

func describe(tb testing.TB, c *secretsmanager.Client, id string) *secretsmanager.DescribeSecretOutput {
	tb.Helper()
	out, err := c.DescribeSecret(context.Background(), &secretsmanager.DescribeSecretInput{SecretId: aws.String(id)})
	if err != nil {
		tb.Fatalf("DescribeSecret %s: %v", id, err)
	}
	return out
}
