package awsendpoint

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/dynamolocal"
)

// dynamoTasks maps Step Functions' optimized DynamoDB integrations to the
// DynamoDB operations they call.
func dynamoTasks() map[string]string {
	return map[string]string{
		"arn:aws:states:::dynamodb:getItem":    "GetItem",
		"arn:aws:states:::dynamodb:putItem":    "PutItem",
		"arn:aws:states:::dynamodb:updateItem": "UpdateItem",
		"arn:aws:states:::dynamodb:deleteItem": "DeleteItem",
	}
}

// dynamoResources returns the DynamoDB Task resources: each passes its
// Parameters (the API's request, typed attribute values included) to the
// local DynamoDB, and returns the API's response members plus the Java
// SDK's metadata, as Step Functions does.
func (in *integrations) dynamoResources() asl.Resources {
	out := asl.Resources{}
	for resource, op := range dynamoTasks() {
		out[resource] = func(ctx context.Context, call asl.TaskCall) (json.RawMessage, error) {
			return in.dynamoTask(ctx, op, call)
		}
	}
	return out
}

func (in *integrations) dynamoTask(ctx context.Context, op string, call asl.TaskCall) (json.RawMessage, error) {
	if call.TaskToken != "" {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "dynamodb tasks do not support .waitForTaskToken"}
	}
	body, err := in.dynamo.Call(ctx, regionOfArn(call.ExecutionArn), op, call.Parameters)
	if err != nil {
		return nil, dynamoFailure(err)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(body, &members); err != nil {
		return nil, fmt.Errorf("dynamodb %s result: %w", op, err)
	}
	meta := newSDKMetadata("application/x-amz-json-1.0", len(body), in.clock.Now())
	for k, v := range map[string]any{"SdkHttpMetadata": meta.SdkHTTPMetadata, "SdkResponseMetadata": meta.SdkResponseMetadata} {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		members[k] = b
	}
	in.log.Info("task called DynamoDB", "execution", executionName(call.ExecutionArn), "state", call.StateName, "operation", op)
	return json.Marshal(members)
}

// dynamoFailure names a DynamoDB error as Step Functions does: the Java
// SDK's exception class, which is the error code for the errors DynamoDB
// models and AmazonDynamoDBException for the rest (ValidationException
// among them).
func dynamoFailure(err error) error {
	var e *dynamolocal.Error
	if !errors.As(err, &e) {
		return err
	}
	class := "AmazonDynamoDBException"
	switch e.Code {
	case "ConditionalCheckFailedException", "ResourceNotFoundException", "ResourceInUseException",
		"TransactionCanceledException", "TransactionConflictException", "IdempotentParameterMismatchException",
		"ProvisionedThroughputExceededException", "RequestLimitExceeded", "ItemCollectionSizeLimitExceededException",
		"LimitExceededException":
		class = e.Code
	case "InternalServerError":
		class = "InternalServerErrorException"
	}
	status := http.StatusBadRequest
	if e.Code == "InternalServerError" {
		status = http.StatusInternalServerError
	}
	return &asl.TaskFailure{
		Name: "DynamoDB." + class,
		Cause: fmt.Sprintf("%s (Service: AmazonDynamoDBv2; Status Code: %d; Error Code: %s; Request ID: %s; Proxy: null)",
			e.Message, status, e.Code, newRequestID()),
	}
}

// regionOfArn is the region of an execution ARN, where the execution's
// tasks call DynamoDB, as on AWS; "" (the endpoint's region) when the ARN
// has none.
func regionOfArn(arn string) string {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 {
		return ""
	}
	return parts[3]
}
