package dynamolocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
)

func TestUpdateTableAddsAndDropsIndexes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "evolving", "")
	e.put(t, "evolving", av{"pk": s("a"), "email": s("a@example.com")})
	e.put(t, "evolving", av{"pk": s("b")})
	ctx := context.Background()
	_, err := e.client.UpdateTable(ctx, &dynamodb.UpdateTableInput{
		TableName:            aws.String("evolving"),
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("email"), AttributeType: types.ScalarAttributeTypeS}},
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Create: &types.CreateGlobalSecondaryIndexAction{
			IndexName: aws.String("byEmail"), KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("email"), KeyType: types.KeyTypeHash}},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
		}}},
		DeletionProtectionEnabled: aws.Bool(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	out, err := e.client.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("evolving"), IndexName: aws.String("byEmail"),
		KeyConditionExpression: aws.String("email = :e"), ExpressionAttributeValues: av{":e": s("a@example.com")}})
	if err != nil || out.Count != 1 {
		t.Fatalf("query on the new index = %+v, %v", out, err)
	}
	_, err = e.client.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String("evolving")})
	if code := errorCode(t, err); code != "ValidationException" {
		t.Fatalf("DeleteTable of a protected table: %v", err)
	}
	if _, err := e.client.UpdateTable(ctx, &dynamodb.UpdateTableInput{TableName: aws.String("evolving"),
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Delete: &types.DeleteGlobalSecondaryIndexAction{IndexName: aws.String("byEmail")}}}}); err != nil {
		t.Fatal(err)
	}
	_, err = e.client.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("evolving"), IndexName: aws.String("byEmail"),
		KeyConditionExpression: aws.String("email = :e"), ExpressionAttributeValues: av{":e": s("a@example.com")}})
	if got := errorMessage(t, err); got != "The table does not have the specified index: byEmail" {
		t.Fatalf("query on a dropped index: %v", err)
	}
}

func TestTags(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "tagged", "")
	ctx := context.Background()
	arn := aws.String("arn:aws:dynamodb:us-east-1:123456789012:table/tagged")
	if _, err := e.client.TagResource(ctx, &dynamodb.TagResourceInput{ResourceArn: arn, Tags: []types.Tag{
		{Key: aws.String("team"), Value: aws.String("payments")}, {Key: aws.String("env"), Value: aws.String("local")},
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.client.UntagResource(ctx, &dynamodb.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"env"}}); err != nil {
		t.Fatal(err)
	}
	out, err := e.client.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: arn})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, tg := range out.Tags {
		got[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
	}
	if diff := cmp.Diff(map[string]string{"team": "payments"}, got); diff != "" {
		t.Fatalf("tags (-want +got):\n%s", diff)
	}
}
