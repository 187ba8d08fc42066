package secretslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/go-cmp/cmp"
)

// versions lists a secret's versions as ListSecretVersionIds does, by the
// names the test gave their ids, checking each lists the default key.
func versions(tb testing.TB, c *secretsmanager.Client, id string, names map[string]string, deprecated bool) map[string][]string {
	tb.Helper()
	out, err := c.ListSecretVersionIds(context.Background(), &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String(id), IncludeDeprecated: aws.Bool(deprecated)})
	if err != nil {
		tb.Fatalf("ListSecretVersionIds: %v", err)
	}
	got := map[string][]string{}
	for _, v := range out.Versions {
		got[names[aws.ToString(v.VersionId)]] = v.VersionStages
		if !cmp.Equal(v.KmsKeyIds, []string{"DefaultEncryptionKey"}) {
			tb.Errorf("version %s KmsKeyIds = %v, want [DefaultEncryptionKey]", names[aws.ToString(v.VersionId)], v.KmsKeyIds)
		}
	}
	return got
}

// TestStagingLabelsMoveAsOnAWS replays LocalStack's AWS-validated
// test_update_secret_version_stages_current_pending_cycle,
// ..._custom_stages_1 and test_update_secret_version_stages_current_pending
// and expects the labels AWS listed after each step: a pending version
// made current by UpdateSecretVersionStage keeps AWSPENDING until the next
// pending version takes it, the old current version becomes AWSPREVIOUS,
// a version left without labels is deprecated (listed only on request),
// labels are listed sorted, and a new current value drops AWSPENDING from
// the version it replaces.
func TestStagingLabelsMoveAsOnAWS(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	names := map[string]string{}
	put := func(name, value string, stages ...string) string {
		t.Helper()
		out, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("rotated"), SecretString: aws.String(value), VersionStages: stages})
		if err != nil {
			t.Fatalf("PutSecretValue %s: %v", name, err)
		}
		names[*out.VersionId] = name
		return *out.VersionId
	}
	move := func(stage, from, to string) {
		t.Helper()
		if _, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("rotated"),
			VersionStage: aws.String(stage), RemoveFromVersionId: aws.String(from), MoveToVersionId: aws.String(to)}); err != nil {
			t.Fatalf("UpdateSecretVersionStage %s: %v", stage, err)
		}
	}
	check := func(step string, deprecated bool, want map[string][]string) {
		t.Helper()
		if diff := cmp.Diff(want, versions(t, c, "rotated", names, deprecated)); diff != "" {
			t.Errorf("%s: labels (-AWS +local):\n%s", step, diff)
		}
	}
	created, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("rotated"), SecretString: aws.String("S1")})
	if err != nil {
		t.Fatal(err)
	}
	v0 := *created.VersionId
	names[v0] = "v0"
	v1 := put("v1", "S2", "AWSSOMETHING", "AWSPENDING", "PUT1")
	check("pending put", false, map[string][]string{"v0": {"AWSCURRENT"}, "v1": {"AWSPENDING", "AWSSOMETHING", "PUT1"}})
	move("AWSCURRENT", v0, v1)
	check("pending made current", false, map[string][]string{"v0": {"AWSPREVIOUS"}, "v1": {"AWSCURRENT", "AWSPENDING", "AWSSOMETHING", "PUT1"}})
	v2 := put("v2", "S3", "AWSPENDING", "PUT2")
	check("next pending", false, map[string][]string{"v0": {"AWSPREVIOUS"}, "v1": {"AWSCURRENT", "AWSSOMETHING", "PUT1"}, "v2": {"AWSPENDING", "PUT2"}})
	move("AWSCURRENT", v1, v2)
	check("next made current", false, map[string][]string{"v1": {"AWSPREVIOUS", "AWSSOMETHING", "PUT1"}, "v2": {"AWSCURRENT", "AWSPENDING", "PUT2"}})
	check("with deprecated", true, map[string][]string{"v0": nil, "v1": {"AWSPREVIOUS", "AWSSOMETHING", "PUT1"}, "v2": {"AWSCURRENT", "AWSPENDING", "PUT2"}})
	put("v3", "S4")
	check("a new current value", false, map[string][]string{"v1": {"AWSSOMETHING", "PUT1"}, "v2": {"AWSPREVIOUS", "PUT2"}, "v3": {"AWSCURRENT"}})
	got, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("rotated"), VersionId: aws.String(v2), VersionStage: aws.String("AWSCURRENT")})
	if code, msg := apiError(t, err); code != "InvalidRequestException" || msg != "You provided a VersionStage that is not associated to the provided VersionId." {
		t.Errorf("GetSecretValue with a stage the version lacks = %v %s %q (AWS-validated test_get_secret_value_errors)", got, code, msg)
	}
}

// TestUpdateSecretVersionStageRefusals checks the moves a label cannot
// make: AWSCURRENT taken off without a new home, a label held elsewhere
// moved without saying where from, a version that does not exist.
func TestUpdateSecretVersionStageRefusals(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	created, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("a")})
	if err != nil {
		t.Fatal(err)
	}
	pending, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("s"), SecretString: aws.String("b"), VersionStages: []string{"AWSPENDING"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       secretsmanager.UpdateSecretVersionStageInput
		wantCode string
	}{
		{"AWSCURRENT removed", secretsmanager.UpdateSecretVersionStageInput{VersionStage: aws.String("AWSCURRENT"), RemoveFromVersionId: created.VersionId}, "InvalidParameterException"},
		{"held label moved without RemoveFromVersionId", secretsmanager.UpdateSecretVersionStageInput{VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: pending.VersionId}, "InvalidParameterException"},
		{"RemoveFromVersionId without the label", secretsmanager.UpdateSecretVersionStageInput{VersionStage: aws.String("AWSPENDING"), RemoveFromVersionId: created.VersionId}, "InvalidParameterException"},
		{"unknown version", secretsmanager.UpdateSecretVersionStageInput{VersionStage: aws.String("MINE"), MoveToVersionId: aws.String("00000000-0000-4000-8000-000000000000")}, "ResourceNotFoundException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.SecretId = aws.String("s")
			_, err := c.UpdateSecretVersionStage(ctx, &tc.in)
			if code, msg := apiError(t, err); code != tc.wantCode {
				t.Errorf("UpdateSecretVersionStage = %s %q, want %s", code, msg, tc.wantCode)
			}
		})
	}
	if _, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s"),
		VersionStage: aws.String("AWSPENDING"), RemoveFromVersionId: pending.VersionId}); err != nil {
		t.Errorf("taking AWSPENDING off = %v", err)
	}
	if got := versions(t, c, "s", map[string]string{*created.VersionId: "a", *pending.VersionId: "b"}, false); !cmp.Equal(got, map[string][]string{"a": {"AWSCURRENT"}}) {
		t.Errorf("after taking AWSPENDING off = %v, want only a current and b deprecated", got)
	}
}
