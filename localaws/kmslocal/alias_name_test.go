package kmslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
)

// TestAliasNameRules checks CreateAlias's refusals in AWS's order: the
// service model's AliasName pattern (^[a-zA-Z0-9:/_-]+$, in the model's
// validation wording) before the "alias/" prefix rule, then the colon
// the pattern admits but an alias name may not hold.
func TestAliasNameRules(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	key := createSymmetric(t, c)
	tests := []struct {
		name, alias, code, message string
	}{
		{"outside the model pattern", "alias/my-alias!", "ValidationException",
			"1 validation error detected: Value 'alias/my-alias!' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$"},
		{"outside the pattern and the prefix", "wrong prefix", "ValidationException",
			"1 validation error detected: Value 'wrong prefix' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$"},
		{"wrong prefix", "wrongprefix/my-alias", "ValidationException",
			`Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html`},
		// AWS's wordings as users quoted them: the prefix message from
		// aws-controllers-k8s/community #1878, this one from
		// hashicorp/terraform-provider-aws #12891.
		{"colon in the name", "alias/my:alias", "ValidationException",
			"alias/my:alias contains invalid characters for an alias"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.CreateAlias(context.Background(), &kms.CreateAliasInput{AliasName: aws.String(tc.alias), TargetKeyId: key.KeyId})
			if errorCode(t, err) != tc.code || errorMessage(t, err) != tc.message {
				t.Errorf("CreateAlias(%q) = %v\nwant %s %q", tc.alias, err, tc.code, tc.message)
			}
		})
	}
}
