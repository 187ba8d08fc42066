package awsendpoint_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/google/go-cmp/cmp"
)

// sdkDynamoMachine writes with the AWS SDK integration, reads the table
// with Query, and fails on a missing table; its Catch sees the SDK-style
// error name.
const sdkDynamoMachine = `{
  "StartAt": "Put",
  "States": {
    "Put": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "Parameters": {"TableName": "charges", "Item": {"orderId": {"S.$": "$.orderId"}}}, "ResultPath": "$.put", "Next": "Query"},
    "Query": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:query",
      "Parameters": {"TableName": "charges", "KeyConditionExpression": "orderId = :o", "ExpressionAttributeValues": {":o": {"S.$": "$.orderId"}}},
      "ResultSelector": {"count.$": "$.Count", "items.$": "$.Items"}, "ResultPath": "$.query", "Next": "Missing"},
    "Missing": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem",
      "Parameters": {"TableName": "nope", "Key": {"orderId": {"S": "x"}}},
      "Catch": [{"ErrorEquals": ["DynamoDb.ResourceNotFoundException"], "ResultPath": "$.missing", "Next": "Done"}], "Next": "Done"},
    "Done": {"Type": "Pass", "End": true}
  }
}`

// TestSDKDynamoDBTasks runs AWS SDK integrations (aws-sdk:dynamodb:*):
// their results are the API's response alone, without the optimized
// integrations' SdkHttpMetadata, and errors are "DynamoDb.<exception>".
func TestSDKDynamoDBTasks(t *testing.T) {
	t.Parallel()
	c, _ := newDynamoEndpoint(t)
	out := runMachine(t, c, "sdk", sdkDynamoMachine, `{"orderId":"o-1"}`)
	if out.Status != sfntypes.ExecutionStatusSucceeded {
		t.Fatalf("execution %s: %s %s", out.Status, aws.ToString(out.Error), aws.ToString(out.Cause))
	}
	var got struct {
		Put     map[string]any `json:"put"`
		Query   map[string]any `json:"query"`
		Missing struct{ Error, Cause string }
	}
	if err := json.Unmarshal([]byte(aws.ToString(out.Output)), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Put) != 0 {
		t.Errorf("putItem result = %v, want PutItem's empty response and no SDK metadata", got.Put)
	}
	want := map[string]any{"count": float64(1), "items": []any{map[string]any{"orderId": map[string]any{"S": "o-1"}}}}
	if diff := cmp.Diff(want, got.Query); diff != "" {
		t.Errorf("query result (-want +got):\n%s", diff)
	}
	if got.Missing.Error != "DynamoDb.ResourceNotFoundException" || !strings.Contains(got.Missing.Cause, "(Service: DynamoDb, Status Code: 400, Request ID: ") {
		t.Errorf("caught %q: %q", got.Missing.Error, got.Missing.Cause)
	}
}

// TestSDKDynamoDBTaskToken runs an aws-sdk:dynamodb:updateItem
// .waitForTaskToken task, which writes the token where a worker finds it,
// and completes it with SendTaskSuccess (moto's AWS-verified
// test_state_machine_calling_dynamodb_put_wait_for_task_token).
func TestSDKDynamoDBTaskToken(t *testing.T) {
	t.Parallel()
	c, db := newDynamoEndpoint(t)
	ctx := context.Background()
	def := `{"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:updateItem.waitForTaskToken",
		"Parameters":{"TableName":"charges","Key":{"orderId":{"S":"o-1"}},"UpdateExpression":"SET tok = :t",
		"ExpressionAttributeValues":{":t":{"S.$":"$$.Task.Token"}}},"TimeoutSeconds":60,"End":true}}}`
	sm, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("wait"), Definition: aws.String(def), RoleArn: aws.String("arn:aws:iam::123456789012:role/r")})
	if err != nil {
		t.Fatal(err)
	}
	exec, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn})
	if err != nil {
		t.Fatal(err)
	}
	var token string
	for deadline := time.Now().Add(10 * time.Second); token == ""; time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the task never wrote its token to the table")
		}
		item, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("charges"), Key: map[string]ddbtypes.AttributeValue{"orderId": &ddbtypes.AttributeValueMemberS{Value: "o-1"}}})
		if err != nil {
			t.Fatal(err)
		}
		if v, ok := item.Item["tok"].(*ddbtypes.AttributeValueMemberS); ok {
			token = v.Value
		}
	}
	if _, err := c.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: &token, Output: aws.String(`{"a":"b"}`)}); err != nil {
		t.Fatal(err)
	}
	done := waitDone(t, c, aws.ToString(exec.ExecutionArn))
	if done.Status != sfntypes.ExecutionStatusSucceeded || aws.ToString(done.Output) != `{"a":"b"}` {
		t.Errorf("execution %s with %s, want SUCCEEDED with the callback's output", done.Status, aws.ToString(done.Output))
	}
}

// TestSDKDynamoDBValidationErrorName holds the name AWS gives a DynamoDB
// validation error in an AWS SDK integration (LocalStack's AWS-validated
// error_handling/test_aws_sdk.snapshot.json,
// TestAwsSdk::test_dynamodb_invalid_param: a putItem whose Item is null
// fails with DynamoDb.DynamoDbException).
func TestSDKDynamoDBValidationErrorName(t *testing.T) {
	t.Parallel()
	c, _ := newDynamoEndpoint(t)
	def := `{"StartAt":"PutItem","States":{"PutItem":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem",
		"Parameters":{"TableName":"charges","Item":null},"End":true}}}`
	out := runMachine(t, c, "invalid", def, `{}`)
	if out.Status != sfntypes.ExecutionStatusFailed || aws.ToString(out.Error) != "DynamoDb.DynamoDbException" {
		t.Errorf("execution %s with %q (%s), want FAILED with DynamoDb.DynamoDbException", out.Status, aws.ToString(out.Error), aws.ToString(out.Cause))
	}
}
