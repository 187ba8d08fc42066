package dynamolocal_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAWSCLI drives the local DynamoDB with `aws dynamodb ...
// --endpoint-url`, as a developer inspects the card vault or the charge
// records of `make run`.
func TestAWSCLI(t *testing.T) {
	t.Parallel()
	bin := needTool(t, "aws", "--version")
	e := newEnv(t)
	run := func(out any, args ...string) error {
		t.Helper()
		cmd := exec.Command(bin, append(append([]string{"dynamodb"}, args...), "--endpoint-url", e.url, "--region", "us-east-1", "--output", "json")...)
		cmd.Env = toolEnv(t)
		got, err := runTool(cmd)
		if err != nil {
			return err
		}
		if out != nil {
			if err := json.Unmarshal([]byte(got), out); err != nil {
				t.Fatalf("aws dynamodb %v: decode %s: %v", args, got, err)
			}
		}
		return nil
	}
	must := func(out any, args ...string) {
		t.Helper()
		if err := run(out, args...); err != nil {
			t.Fatalf("aws dynamodb %s: %v", args[0], err)
		}
	}
	var created struct {
		TableDescription struct{ TableName, TableStatus string }
	}
	must(&created, "create-table", "--table-name", "cards", "--billing-mode", "PAY_PER_REQUEST",
		"--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH")
	if created.TableDescription.TableName != "cards" || created.TableDescription.TableStatus != "ACTIVE" {
		t.Fatalf("create-table = %+v", created)
	}
	must(nil, "update-time-to-live", "--table-name", "cards", "--time-to-live-specification", "Enabled=true,AttributeName=expiresAt")
	must(nil, "put-item", "--table-name", "cards", "--item", `{"pk":{"S":"tok-1"},"amount":{"N":"10.10"},"expiresAt":{"N":"1999999999"}}`,
		"--condition-expression", "attribute_not_exists(pk)")
	var updated struct{ Attributes map[string]map[string]string }
	must(&updated, "update-item", "--table-name", "cards", "--key", `{"pk":{"S":"tok-1"}}`,
		"--update-expression", "SET amount = amount + :d", "--expression-attribute-values", `{":d":{"N":"0.20"}}`, "--return-values", "UPDATED_NEW")
	if diff := cmp.Diff(map[string]map[string]string{"amount": {"N": "10.3"}}, updated.Attributes); diff != "" {
		t.Fatalf("update-item (-want +got):\n%s", diff)
	}
	var got struct{ Item map[string]map[string]string }
	must(&got, "get-item", "--table-name", "cards", "--key", `{"pk":{"S":"tok-1"}}`, "--projection-expression", "amount")
	if diff := cmp.Diff(map[string]map[string]string{"amount": {"N": "10.3"}}, got.Item); diff != "" {
		t.Fatalf("get-item (-want +got):\n%s", diff)
	}
	var scanned struct{ Count, ScannedCount int }
	must(&scanned, "scan", "--table-name", "cards", "--filter-expression", "amount > :a", "--expression-attribute-values", `{":a":{"N":"10"}}`)
	if scanned.Count != 1 || scanned.ScannedCount != 1 {
		t.Fatalf("scan = %+v", scanned)
	}
	err := run(nil, "put-item", "--table-name", "cards", "--item", `{"pk":{"S":"tok-1"}}`, "--condition-expression", "attribute_not_exists(pk)")
	if err == nil || !strings.Contains(err.Error(), "ConditionalCheckFailedException") || !strings.Contains(err.Error(), "The conditional request failed") {
		t.Fatalf("second conditional put-item: %v", err)
	}
	var tables struct{ TableNames []string }
	must(&tables, "list-tables")
	if diff := cmp.Diff([]string{"cards"}, tables.TableNames); diff != "" {
		t.Fatalf("list-tables (-want +got):\n%s", diff)
	}
	err = run(nil, "execute-statement", "--statement", `SELECT * FROM "cards"`)
	if err == nil || !strings.Contains(err.Error(), "does not emulate PartiQL") {
		t.Fatalf("execute-statement: %v", err)
	}
}
