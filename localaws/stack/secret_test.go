package stack_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

func TestDeploySecrets(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, cfg, _ := deploy(t, "testdata/secrets.yml")
	c := secretsmanager.NewFromConfig(cfg)

	apiKey := st.Outputs["ApiKeyArn"].Value
	if !strings.HasPrefix(apiKey, "arn:aws:secretsmanager:us-east-1:123456789012:secret:demo-ApiKey-") {
		t.Fatalf("Ref ApiKey = %q, want the secret's ARN", apiKey)
	}
	desc, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(apiKey)})
	if err != nil || aws.ToString(desc.Description) != "Filled in after deploying." || len(desc.VersionIdsToStages) != 0 {
		t.Errorf("DescribeSecret ApiKey = %+v, %v; want its description and no version", desc, err)
	}

	lit, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("demo/literal")})
	if err != nil || aws.ToString(lit.SecretString) != "not-really-secret" {
		t.Errorf("literal secret = %v, %v", lit, err)
	}

	gen, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(st.Outputs["GeneratedId"].Value)})
	if err != nil {
		t.Fatalf("generated secret: %v", err)
	}
	var doc struct{ Username, Password string }
	if err := json.Unmarshal([]byte(aws.ToString(gen.SecretString)), &doc); err != nil {
		t.Fatalf("generated secret is not the template's JSON: %v", err)
	}
	if doc.Username != "payflow" || len(doc.Password) != 24 || strings.ContainsAny(doc.Password, punctuation) {
		t.Errorf("generated = %+v, want username payflow and a 24-character password without punctuation", doc)
	}
}

const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
