package dynamolocal_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
)

// TestBinarySortKeys checks that binary sort keys order by unsigned bytes
// and that begins_with and BETWEEN work on them.
func TestBinarySortKeys(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "blobs", "B")
	for _, b := range [][]byte{{0xff}, {0x01, 0x02}, {0x01}, {0x80, 0x00}, {0x01, 0x03}} {
		e.put(t, "blobs", av{"pk": s("p"), "sk": &types.AttributeValueMemberB{Value: b}})
	}
	ctx := context.Background()
	keys := func(in *dynamodb.QueryInput) [][]byte {
		t.Helper()
		in.TableName = aws.String("blobs")
		out, err := e.client.Query(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		var got [][]byte
		for _, it := range out.Items {
			got = append(got, it["sk"].(*types.AttributeValueMemberB).Value)
		}
		return got
	}
	all := keys(&dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: av{":p": s("p")}})
	if diff := cmp.Diff([][]byte{{0x01}, {0x01, 0x02}, {0x01, 0x03}, {0x80, 0x00}, {0xff}}, all); diff != "" {
		t.Fatalf("order (-want +got):\n%s", diff)
	}
	prefix := keys(&dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND begins_with(sk, :b)"),
		ExpressionAttributeValues: av{":p": s("p"), ":b": &types.AttributeValueMemberB{Value: []byte{0x01}}}})
	if len(prefix) != 3 {
		t.Fatalf("begins_with 0x01 = %x", prefix)
	}
}

func TestReadLimits(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "limits", "")
	ctx := context.Background()
	_, err := e.client.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("limits"), Limit: aws.Int32(0)})
	if got, want := errorMessage(t, err), "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"; got != want {
		t.Fatalf("Limit 0: %q, want %q", got, want)
	}
	var keys []map[string]types.AttributeValue
	for i := range 101 {
		keys = append(keys, av{"pk": s(fmt.Sprint(i))})
	}
	_, err = e.client.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"limits": {Keys: keys}}})
	if got, want := errorMessage(t, err), "Too many items requested for the BatchGetItem call"; got != want {
		t.Fatalf("101 keys: %q, want %q", got, want)
	}
	out, err := e.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("limits"), Item: av{"pk": s("a")},
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
	if err != nil || out.ConsumedCapacity == nil || aws.ToString(out.ConsumedCapacity.TableName) != "limits" {
		t.Fatalf("ReturnConsumedCapacity TOTAL = %+v, %v", out.ConsumedCapacity, err)
	}
}
