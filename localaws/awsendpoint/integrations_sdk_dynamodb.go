package awsendpoint

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/dynamolocal"
)

// sdkDynamoActions are the DynamoDB actions offered as AWS SDK integrations
// (arn:aws:states:::aws-sdk:dynamodb:<action>), by the action's name in the
// resource and the API operation it calls.
func sdkDynamoActions() map[string]string {
	return map[string]string{
		"getItem": "GetItem", "putItem": "PutItem", "updateItem": "UpdateItem", "deleteItem": "DeleteItem",
		"query": "Query", "scan": "Scan", "batchGetItem": "BatchGetItem", "batchWriteItem": "BatchWriteItem",
		"transactGetItems": "TransactGetItems", "transactWriteItems": "TransactWriteItems",
		"describeTable": "DescribeTable", "listTables": "ListTables",
	}
}

// sdkDynamoResources returns the AWS SDK integrations for DynamoDB. Unlike
// the optimized ones, their result is the API's response alone, they take
// .waitForTaskToken, and their errors are named as the AWS SDK for Java v2
// names them: "DynamoDb.<exception>".
func (in *integrations) sdkDynamoResources() asl.Resources {
	out := asl.Resources{}
	for action, op := range sdkDynamoActions() {
		out["arn:aws:states:::aws-sdk:dynamodb:"+action] = func(ctx context.Context, call asl.TaskCall) (json.RawMessage, error) {
			body, err := in.dynamo.Call(ctx, regionOfArn(call.ExecutionArn), op, call.Parameters)
			if err != nil {
				return nil, sdkDynamoFailure(err)
			}
			in.log.Info("task called DynamoDB", "execution", executionName(call.ExecutionArn), "state", call.StateName, "operation", op)
			return body, nil
		}
	}
	return out
}

// sdkDynamoFailure names a DynamoDB error as an AWS SDK integration does.
func sdkDynamoFailure(err error) error {
	var e *dynamolocal.Error
	if !errors.As(err, &e) {
		return err
	}
	status := http.StatusBadRequest
	if e.Code == "InternalServerError" {
		status = http.StatusInternalServerError
	}
	name := e.Code
	if name == "ValidationException" {
		// The SDK for Java v2 models no ValidationException for DynamoDB:
		// AWS names it by the service's base exception (LocalStack's
		// AWS-validated error_handling/test_aws_sdk.snapshot.json,
		// TestAwsSdk::test_dynamodb_invalid_param).
		name = "DynamoDbException"
	}
	return &asl.TaskFailure{
		Name:  "DynamoDb." + name,
		Cause: fmt.Sprintf("%s (Service: DynamoDb, Status Code: %d, Request ID: %s)", e.Message, status, newRequestID()),
	}
}
