package dynamolocal_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
)

func TestTableLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	for i := range 5 {
		e.createTable(t, fmt.Sprintf("table-%d", i), "")
	}
	e.createTable(t, "table-0-copy", "N")
	_, err := e.client.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName: aws.String("table-1"), BillingMode: types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}},
	})
	if code, msg := errorCode(t, err), errorMessage(t, err); code != "ResourceInUseException" || msg != "Table already exists: table-1" {
		t.Fatalf("duplicate CreateTable: %s %s", code, msg)
	}
	var names []string
	p := dynamodb.NewListTablesPaginator(e.client, &dynamodb.ListTablesInput{Limit: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, out.TableNames...)
	}
	if diff := cmp.Diff([]string{"table-0", "table-0-copy", "table-1", "table-2", "table-3", "table-4"}, names); diff != "" {
		t.Fatalf("ListTables pages (-want +got):\n%s", diff)
	}
	e.put(t, "table-2", av{"pk": s("a"), "v": s("12345")})
	desc, err := e.client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("table-2")})
	if err != nil {
		t.Fatal(err)
	}
	if desc.Table.TableStatus != types.TableStatusActive || aws.ToInt64(desc.Table.ItemCount) != 1 ||
		aws.ToString(desc.Table.TableArn) != "arn:aws:dynamodb:us-east-1:123456789012:table/table-2" {
		t.Fatalf("DescribeTable = %+v", desc.Table)
	}
	if _, err := e.client.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String("table-2")}); err != nil {
		t.Fatal(err)
	}
	_, err = e.client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("table-2")})
	if code, msg := errorCode(t, err), errorMessage(t, err); code != "ResourceNotFoundException" || msg != "Requested resource not found: Table: table-2 not found" {
		t.Fatalf("DescribeTable after delete: %s %s", code, msg)
	}
	_, err = e.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("table-2"), Item: av{"pk": s("a")}})
	if code, msg := errorCode(t, err), errorMessage(t, err); code != "ResourceNotFoundException" || msg != "Requested resource not found" {
		t.Fatalf("PutItem after delete: %s %s", code, msg)
	}
}

func TestCreateTableErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	def := func(names ...string) []types.AttributeDefinition {
		var out []types.AttributeDefinition
		for _, n := range names {
			out = append(out, types.AttributeDefinition{AttributeName: aws.String(n), AttributeType: types.ScalarAttributeTypeS})
		}
		return out
	}
	hash := []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}}
	tests := []struct {
		name string
		in   dynamodb.CreateTableInput
		want string
	}{
		{"unused attribute definition", dynamodb.CreateTableInput{AttributeDefinitions: def("pk", "extra"), KeySchema: hash, BillingMode: types.BillingModePayPerRequest},
			"One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"},
		{"undefined key", dynamodb.CreateTableInput{AttributeDefinitions: def("other"), KeySchema: hash, BillingMode: types.BillingModePayPerRequest},
			"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]"},
		{"provisioned without throughput", dynamodb.CreateTableInput{AttributeDefinitions: def("pk"), KeySchema: hash},
			"One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"},
		{"streams", dynamodb.CreateTableInput{AttributeDefinitions: def("pk"), KeySchema: hash, BillingMode: types.BillingModePayPerRequest,
			StreamSpecification: &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewImage}},
			"The local DynamoDB does not emulate DynamoDB Streams (StreamSpecification); see the README's section on the local AWS endpoint for what it serves"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in
			in.TableName = aws.String(fmt.Sprintf("bad-%d", i))
			_, err := e.client.CreateTable(context.Background(), &in)
			if got := errorMessage(t, err); got != tc.want {
				t.Fatalf("message\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestRefusals checks that features the local DynamoDB does not emulate
// fail at once with a message naming them, rather than half-working.
func TestRefusals(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "refused", "")
	ctx := context.Background()
	calls := map[string]func() error{
		"PartiQL": func() error {
			_, err := e.client.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{Statement: aws.String(`SELECT * FROM "refused"`)})
			return err
		},
		"backups": func() error {
			_, err := e.client.CreateBackup(ctx, &dynamodb.CreateBackupInput{TableName: aws.String("refused"), BackupName: aws.String("b")})
			return err
		},
		"global tables": func() error {
			_, err := e.client.CreateGlobalTable(ctx, &dynamodb.CreateGlobalTableInput{GlobalTableName: aws.String("refused"),
				ReplicationGroup: []types.Replica{{RegionName: aws.String("eu-west-1")}}})
			return err
		},
		"the legacy parameter Expected": func() error {
			_, err := e.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("refused"), Item: av{"pk": s("a")},
				Expected: map[string]types.ExpectedAttributeValue{"pk": {Exists: aws.Bool(false)}}})
			return err
		},
	}
	for what, call := range calls {
		t.Run(what, func(t *testing.T) {
			t.Parallel()
			err := call()
			if code, msg := errorCode(t, err), errorMessage(t, err); code != "ValidationException" || !strings.Contains(msg, "does not emulate "+what) {
				t.Fatalf("%s: %s %s", what, code, msg)
			}
		})
	}
}

// TestRegions follows AWS: each region has its own tables, and ARNs carry
// the region and its partition.
func TestRegions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "regional", "")
	ctx := context.Background()
	cn := func(o *dynamodb.Options) { o.Region = "cn-north-1" }
	_, err := e.client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("regional")}, cn)
	if code := errorCode(t, err); code != "ResourceNotFoundException" {
		t.Fatalf("a us-east-1 table seen from cn-north-1: %v", err)
	}
	out, err := e.client.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName: aws.String("regional"), BillingMode: types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}},
	}, cn)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := aws.ToString(out.TableDescription.TableArn), "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/regional"; got != want {
		t.Fatalf("TableArn = %s, want %s", got, want)
	}
}
