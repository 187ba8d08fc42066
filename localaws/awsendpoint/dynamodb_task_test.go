package awsendpoint_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// newDynamoEndpoint serves an endpoint with a "charges" table keyed by
// orderId and returns its Step Functions and DynamoDB clients.
func newDynamoEndpoint(tb testing.TB) (*sfn.Client, *dynamodb.Client) {
	tb.Helper()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	tb.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")}
	db := dynamodb.NewFromConfig(cfg)
	_, err := db.CreateTable(context.Background(), &dynamodb.CreateTableInput{
		TableName: aws.String("charges"), BillingMode: ddbtypes.BillingModePayPerRequest,
		AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("orderId"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
		KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("orderId"), KeyType: ddbtypes.KeyTypeHash}},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return sfn.NewFromConfig(cfg), db
}

// runMachine runs def on input and returns the finished execution.
func runMachine(tb testing.TB, c *sfn.Client, name, def, input string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	ctx := context.Background()
	sm, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String(name), Definition: aws.String(def), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
	})
	if err != nil {
		tb.Fatalf("CreateStateMachine: %v", err)
	}
	exec, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: aws.String(input)})
	if err != nil {
		tb.Fatalf("StartExecution: %v", err)
	}
	return waitDone(tb, c, aws.ToString(exec.ExecutionArn))
}

// dynamoMachine records a charge once, reads it back, marks it captured on
// condition and deletes it; a second capture is caught.
const dynamoMachine = `{
  "StartAt": "Record",
  "States": {
    "Record": {
      "Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
      "Parameters": {
        "TableName": "charges",
        "Item": {"orderId": {"S.$": "$.orderId"}, "amount": {"N.$": "$.amount"}, "state": {"S": "AUTHORIZED"}},
        "ConditionExpression": "attribute_not_exists(orderId)"
      },
      "ResultPath": "$.put", "Next": "Read"
    },
    "Read": {
      "Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
      "Parameters": {"TableName": "charges", "Key": {"orderId": {"S.$": "$.orderId"}}, "ConsistentRead": true},
      "ResultSelector": {"item.$": "$.Item", "status.$": "$.SdkHttpMetadata.HttpStatusCode"},
      "ResultPath": "$.read", "Next": "Capture"
    },
    "Capture": {
      "Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem",
      "Parameters": {
        "TableName": "charges", "Key": {"orderId": {"S.$": "$.orderId"}},
        "UpdateExpression": "SET #s = :captured", "ConditionExpression": "#s = :authorized",
        "ExpressionAttributeNames": {"#s": "state"},
        "ExpressionAttributeValues": {":captured": {"S": "CAPTURED"}, ":authorized": {"S": "AUTHORIZED"}},
        "ReturnValues": "UPDATED_NEW"
      },
      "ResultSelector": {"attributes.$": "$.Attributes"},
      "ResultPath": "$.capture", "Next": "CaptureAgain"
    },
    "CaptureAgain": {
      "Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem",
      "Parameters": {
        "TableName": "charges", "Key": {"orderId": {"S.$": "$.orderId"}},
        "UpdateExpression": "SET #s = :captured", "ConditionExpression": "#s = :authorized",
        "ExpressionAttributeNames": {"#s": "state"},
        "ExpressionAttributeValues": {":captured": {"S": "CAPTURED"}, ":authorized": {"S": "AUTHORIZED"}}
      },
      "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"], "ResultPath": "$.again", "Next": "Forget"}],
      "Next": "Forget"
    },
    "Forget": {
      "Type": "Task", "Resource": "arn:aws:states:::dynamodb:deleteItem",
      "Parameters": {"TableName": "charges", "Key": {"orderId": {"S.$": "$.orderId"}}, "ReturnValues": "ALL_OLD"},
      "ResultSelector": {"old.$": "$.Attributes"},
      "ResultPath": "$.deleted", "End": true
    }
  }
}`

func TestDynamoDBTasks(t *testing.T) {
	t.Parallel()
	c, db := newDynamoEndpoint(t)
	out := runMachine(t, c, "charge", dynamoMachine, `{"orderId":"o-1","amount":"12.50"}`)
	if out.Status != sfntypes.ExecutionStatusSucceeded {
		t.Fatalf("execution %s: %s %s", out.Status, aws.ToString(out.Error), aws.ToString(out.Cause))
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(aws.ToString(out.Output)), &got); err != nil {
		t.Fatal(err)
	}
	put, _ := got["put"].(map[string]any)
	if _, ok := put["SdkHttpMetadata"]; !ok || len(put) != 2 {
		t.Errorf("putItem result = %v, want only SdkHttpMetadata and SdkResponseMetadata", put)
	}
	wantRead := map[string]any{
		"item":   map[string]any{"orderId": map[string]any{"S": "o-1"}, "amount": map[string]any{"N": "12.5"}, "state": map[string]any{"S": "AUTHORIZED"}},
		"status": float64(200),
	}
	if diff := cmp.Diff(wantRead, got["read"]); diff != "" {
		t.Errorf("getItem result (-want +got):\n%s", diff)
	}
	wantCapture := map[string]any{"attributes": map[string]any{"state": map[string]any{"S": "CAPTURED"}}}
	if diff := cmp.Diff(wantCapture, got["capture"]); diff != "" {
		t.Errorf("updateItem result (-want +got):\n%s", diff)
	}
	again, _ := got["again"].(map[string]any)
	if again["Error"] != "DynamoDB.ConditionalCheckFailedException" ||
		!strings.HasPrefix(again["Cause"].(string), "The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException;") {
		t.Errorf("caught error = %v", again)
	}
	deleted, _ := got["deleted"].(map[string]any)
	if old, _ := deleted["old"].(map[string]any); old["state"] == nil {
		t.Errorf("deleteItem ALL_OLD = %v", deleted)
	}
	left, err := db.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("charges"), Key: map[string]ddbtypes.AttributeValue{"orderId": &ddbtypes.AttributeValueMemberS{Value: "o-1"}}})
	if err != nil || left.Item != nil {
		t.Fatalf("item after deleteItem = %v, %v", left.Item, err)
	}
}

func TestDynamoDBTaskErrors(t *testing.T) {
	t.Parallel()
	c, _ := newDynamoEndpoint(t)
	tests := []struct {
		name, params, wantError, wantCausePrefix string
	}{
		{"missing table", `{"TableName": "nope", "Key": {"orderId": {"S": "x"}}}`,
			"DynamoDB.ResourceNotFoundException", "Requested resource not found (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException;"},
		{"validation", `{"TableName": "charges", "Key": {"wrong": {"S": "x"}}}`,
			"DynamoDB.AmazonDynamoDBException", "The provided key element does not match the schema (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException;"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			def := `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":` + tc.params + `,"End":true}}}`
			out := runMachine(t, c, "err"+string(rune('a'+i)), def, `{}`)
			if out.Status != sfntypes.ExecutionStatusFailed || aws.ToString(out.Error) != tc.wantError ||
				!strings.HasPrefix(aws.ToString(out.Cause), tc.wantCausePrefix) {
				t.Fatalf("execution %s: %s %s", out.Status, aws.ToString(out.Error), aws.ToString(out.Cause))
			}
		})
	}
}
