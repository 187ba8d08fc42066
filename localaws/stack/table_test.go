package stack_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
	"github.com/payflow-dev/payflow/localaws/stack"
)

func TestDeployCreatesTables(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, cfg, _ := deploy(t, "testdata/tables.yml")
	wantOutputs := map[string]stack.Output{
		"VaultName":  {Value: "demo-Vault"},
		"VaultArn":   {Value: "arn:aws:dynamodb:us-east-1:123456789012:table/demo-Vault"},
		"SimpleName": {Value: "demo-Simple"},
	}
	if diff := cmp.Diff(wantOutputs, st.Outputs); diff != "" {
		t.Errorf("outputs (-want +got):\n%s", diff)
	}
	db := dynamodb.NewFromConfig(cfg)
	vault, err := db.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("demo-Vault")})
	if err != nil {
		t.Fatal(err)
	}
	tbl := vault.Table
	if len(tbl.KeySchema) != 2 || len(tbl.GlobalSecondaryIndexes) != 1 || len(tbl.LocalSecondaryIndexes) != 1 ||
		aws.ToString(tbl.GlobalSecondaryIndexes[0].IndexName) != "byStatus" ||
		string(tbl.LocalSecondaryIndexes[0].Projection.ProjectionType) != "INCLUDE" ||
		string(tbl.BillingModeSummary.BillingMode) != "PAY_PER_REQUEST" {
		t.Errorf("Vault = %+v", tbl)
	}
	ttl, err := db.DescribeTimeToLive(ctx, &dynamodb.DescribeTimeToLiveInput{TableName: aws.String("demo-Vault")})
	if err != nil {
		t.Fatal(err)
	}
	if string(ttl.TimeToLiveDescription.TimeToLiveStatus) != "ENABLED" || aws.ToString(ttl.TimeToLiveDescription.AttributeName) != "expiresAt" {
		t.Errorf("TTL = %+v", ttl.TimeToLiveDescription)
	}
	simple, err := db.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("demo-Simple")})
	if err != nil {
		t.Fatal(err)
	}
	if k := simple.Table.KeySchema; len(k) != 1 || aws.ToString(k[0].AttributeName) != "orderId" ||
		aws.ToInt64(simple.Table.ProvisionedThroughput.WriteCapacityUnits) != 5 {
		t.Errorf("Simple = %+v", simple.Table)
	}
}

func TestDeployRefusesGlobalTables(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "global.yml")
	tpl := "Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      TableName: g\n"
	if err := os.WriteFile(path, []byte(tpl), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	t.Cleanup(srv.Close)
	_, err := stack.Deploy(context.Background(), stack.DeployConfig{
		TemplatePath: path, Region: "us-east-1", AccountID: "123456789012", StackName: "demo",
		AWS: aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")},
	})
	if err == nil || !strings.Contains(err.Error(), "does not emulate global tables") {
		t.Fatalf("Deploy = %v, want a refusal of AWS::DynamoDB::GlobalTable", err)
	}
}
