package dynamolocal_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/dynamolocal"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// env is a local DynamoDB behind an httptest server, a real SDK client
// pointed at it and the fake clock the service reads.
type env struct {
	svc    *dynamolocal.Service
	client *dynamodb.Client
	clock  *clock.Fake
	url    string
}

func newEnv(tb testing.TB) *env {
	tb.Helper()
	clk := clock.NewFake(t0)
	svc := dynamolocal.New(dynamolocal.Config{Clock: clk, SweepInterval: time.Hour})
	srv := httptest.NewServer(svc)
	tb.Cleanup(srv.Close)
	client := dynamodb.New(dynamodb.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(srv.URL),
		Credentials:      credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:       srv.Client(),
		RetryMaxAttempts: 1,
	})
	return &env{svc: svc, client: client, clock: clk, url: srv.URL}
}

// errorCode returns the AWS error code of err, or "" for nil.
func errorCode(tb testing.TB, err error) string {
	tb.Helper()
	if err == nil {
		return ""
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		tb.Fatalf("error %v is not an API error", err)
	}
	return apiErr.ErrorCode()
}

// errorMessage returns the AWS error message of err.
func errorMessage(tb testing.TB, err error) string {
	tb.Helper()
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		tb.Fatalf("error %v is not an API error", err)
	}
	return apiErr.ErrorMessage()
}

// createTable makes a pay-per-request table keyed by pk (S) and, when sk
// is not empty, sk of that type.
func (e *env) createTable(tb testing.TB, name, skType string) {
	tb.Helper()
	in := &dynamodb.CreateTableInput{
		TableName:            aws.String(name),
		BillingMode:          types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}},
	}
	if skType != "" {
		in.AttributeDefinitions = append(in.AttributeDefinitions, types.AttributeDefinition{AttributeName: aws.String("sk"), AttributeType: types.ScalarAttributeType(skType)})
		in.KeySchema = append(in.KeySchema, types.KeySchemaElement{AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange})
	}
	if _, err := e.client.CreateTable(context.Background(), in); err != nil {
		tb.Fatalf("CreateTable %s: %v", name, err)
	}
}

func (e *env) put(tb testing.TB, table string, item map[string]types.AttributeValue) {
	tb.Helper()
	if _, err := e.client.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: item}); err != nil {
		tb.Fatalf("PutItem: %v", err)
	}
}

func (e *env) get(tb testing.TB, table string, key map[string]types.AttributeValue) map[string]types.AttributeValue {
	tb.Helper()
	out, err := e.client.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String(table), Key: key, ConsistentRead: aws.Bool(true)})
	if err != nil {
		tb.Fatalf("GetItem: %v", err)
	}
	return out.Item
}

func s(v string) *types.AttributeValueMemberS { return &types.AttributeValueMemberS{Value: v} }
func n(v string) *types.AttributeValueMemberN { return &types.AttributeValueMemberN{Value: v} }
