package dynamolocal_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
)

func TestTransactWriteItems(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "accounts", "")
	e.createTable(t, "ledger", "S")
	e.put(t, "accounts", av{"pk": s("alice"), "balance": n("100.00")})
	e.put(t, "accounts", av{"pk": s("bob"), "balance": n("5")})
	ctx := context.Background()
	transfer := func(from, to, amount, entry string) error {
		_, err := e.client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
			{Update: &types.Update{TableName: aws.String("accounts"), Key: av{"pk": s(from)},
				UpdateExpression: aws.String("SET balance = balance - :a"), ConditionExpression: aws.String("balance >= :a"),
				ExpressionAttributeValues: av{":a": n(amount)}, ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}},
			{Update: &types.Update{TableName: aws.String("accounts"), Key: av{"pk": s(to)},
				UpdateExpression: aws.String("SET balance = balance + :a"), ExpressionAttributeValues: av{":a": n(amount)}}},
			{Put: &types.Put{TableName: aws.String("ledger"), Item: av{"pk": s(from), "sk": s(entry), "amount": n(amount)},
				ConditionExpression: aws.String("attribute_not_exists(sk)")}},
			{ConditionCheck: &types.ConditionCheck{TableName: aws.String("accounts"), Key: av{"pk": s("bank")},
				ConditionExpression: aws.String("attribute_not_exists(frozen)")}},
		}})
		return err
	}
	if err := transfer("alice", "bob", "30.5", "t1"); err != nil {
		t.Fatalf("transfer: %v", err)
	}
	balance := func(who string) string {
		return e.get(t, "accounts", av{"pk": s(who)})["balance"].(*types.AttributeValueMemberN).Value
	}
	if a, b := balance("alice"), balance("bob"); a != "69.5" || b != "35.5" {
		t.Fatalf("balances after transfer = %s, %s; want 69.5, 35.5", a, b)
	}
	err := transfer("bob", "alice", "1000", "t2")
	var tce *types.TransactionCanceledException
	if !errors.As(err, &tce) {
		t.Fatalf("overdraft = %v, want TransactionCanceledException", err)
	}
	if want := "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None, None, None]"; aws.ToString(tce.Message) != want {
		t.Fatalf("message = %q, want %q", aws.ToString(tce.Message), want)
	}
	codes := []string{}
	for _, r := range tce.CancellationReasons {
		codes = append(codes, aws.ToString(r.Code))
	}
	if diff := cmp.Diff([]string{"ConditionalCheckFailed", "None", "None", "None"}, codes); diff != "" {
		t.Fatalf("reasons (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(av{"pk": s("bob"), "balance": n("35.5")}, tce.CancellationReasons[0].Item, avOpts); diff != "" {
		t.Fatalf("ALL_OLD item of the failed check (-want +got):\n%s", diff)
	}
	if a, b := balance("alice"), balance("bob"); a != "69.5" || b != "35.5" {
		t.Fatalf("a cancelled transaction changed balances: %s, %s", a, b)
	}
	if got := e.get(t, "ledger", av{"pk": s("bob"), "sk": s("t2")}); got != nil {
		t.Fatalf("a cancelled transaction wrote %v", got)
	}
	_, err = e.client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String("accounts"), Item: av{"pk": s("carol")}}},
		{Delete: &types.Delete{TableName: aws.String("accounts"), Key: av{"pk": s("carol")}}},
	}})
	if got, want := errorMessage(t, err), "Transaction request cannot include multiple operations on one item"; got != want {
		t.Fatalf("two actions on one item: %q, want %q", got, want)
	}
}

func TestTransactWriteIdempotency(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "counters", "")
	ctx := context.Background()
	incr := func(token, by string) error {
		_, err := e.client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{
			ClientRequestToken: aws.String(token),
			TransactItems: []types.TransactWriteItem{{Update: &types.Update{TableName: aws.String("counters"), Key: av{"pk": s("c")},
				UpdateExpression: aws.String("ADD hits :one"), ExpressionAttributeValues: av{":one": n(by)}}}},
		})
		return err
	}
	for range 3 {
		if err := incr("token-1", "1"); err != nil {
			t.Fatal(err)
		}
	}
	if got := e.get(t, "counters", av{"pk": s("c")})["hits"].(*types.AttributeValueMemberN).Value; got != "1" {
		t.Fatalf("hits after three calls with one token = %s, want 1", got)
	}
	if code := errorCode(t, incr("token-1", "2")); code != "IdempotentParameterMismatchException" {
		t.Fatalf("same token, other request: %s", code)
	}
}

func TestTransactGetAndBatches(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "batch", "")
	ctx := context.Background()
	var reqs []types.WriteRequest
	for i := range 25 {
		reqs = append(reqs, types.WriteRequest{PutRequest: &types.PutRequest{Item: av{"pk": s(fmt.Sprint(i)), "v": n(fmt.Sprint(i))}}})
	}
	out, err := e.client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"batch": reqs}})
	if err != nil || len(out.UnprocessedItems) != 0 {
		t.Fatalf("BatchWriteItem = %+v, %v", out, err)
	}
	_, err = e.client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"batch": append(reqs, reqs[0])}})
	if code := errorCode(t, err); code != "ValidationException" {
		t.Fatalf("26 writes: %v", err)
	}
	_, err = e.client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"batch": {
		{DeleteRequest: &types.DeleteRequest{Key: av{"pk": s("1")}}}, {PutRequest: &types.PutRequest{Item: av{"pk": s("1")}}},
	}}})
	if got := errorMessage(t, err); got != "Provided list of item keys contains duplicates" {
		t.Fatalf("duplicate keys: %v", err)
	}
	if _, err := e.client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"batch": {
		{DeleteRequest: &types.DeleteRequest{Key: av{"pk": s("0")}}},
	}}}); err != nil {
		t.Fatal(err)
	}
	got, err := e.client.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
		"batch": {Keys: []map[string]types.AttributeValue{{"pk": s("0")}, {"pk": s("7")}, {"pk": s("24")}}, ProjectionExpression: aws.String("v")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var vs []string
	for _, it := range got.Responses["batch"] {
		vs = append(vs, it["v"].(*types.AttributeValueMemberN).Value)
	}
	if diff := cmp.Diff([]string{"7", "24"}, vs); diff != "" {
		t.Fatalf("BatchGetItem values (-want +got):\n%s", diff)
	}
	tg, err := e.client.TransactGetItems(ctx, &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{
		{Get: &types.Get{TableName: aws.String("batch"), Key: av{"pk": s("3")}}},
		{Get: &types.Get{TableName: aws.String("batch"), Key: av{"pk": s("0")}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(tg.Responses) != 2 || tg.Responses[0].Item == nil || tg.Responses[1].Item != nil {
		t.Fatalf("TransactGetItems = %+v", tg.Responses)
	}
}
