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

// newOrdersTable creates "orders" keyed by customer (S) and seq (N), with a
// KEYS_ONLY global index on status and an INCLUDE local index on amount,
// and fills it: customer c1 has seq 1..10, c2 has seq 1..3.
func newOrdersTable(tb testing.TB, e *env) {
	tb.Helper()
	_, err := e.client.CreateTable(context.Background(), &dynamodb.CreateTableInput{
		TableName:   aws.String("orders"),
		BillingMode: types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{
			{AttributeName: aws.String("customer"), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String("seq"), AttributeType: types.ScalarAttributeTypeN},
			{AttributeName: aws.String("state"), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String("amount"), AttributeType: types.ScalarAttributeTypeN},
		},
		KeySchema: []types.KeySchemaElement{
			{AttributeName: aws.String("customer"), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String("seq"), KeyType: types.KeyTypeRange},
		},
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{{
			IndexName:  aws.String("byState"),
			KeySchema:  []types.KeySchemaElement{{AttributeName: aws.String("state"), KeyType: types.KeyTypeHash}},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeKeysOnly},
		}},
		LocalSecondaryIndexes: []types.LocalSecondaryIndex{{
			IndexName: aws.String("byAmount"),
			KeySchema: []types.KeySchemaElement{
				{AttributeName: aws.String("customer"), KeyType: types.KeyTypeHash},
				{AttributeName: aws.String("amount"), KeyType: types.KeyTypeRange},
			},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeInclude, NonKeyAttributes: []string{"note"}},
		}},
	})
	if err != nil {
		tb.Fatalf("CreateTable: %v", err)
	}
	for i := 1; i <= 10; i++ {
		item := av{"customer": s("c1"), "seq": n(fmt.Sprint(i)), "amount": n(fmt.Sprintf("%d.5", 100-i)), "note": s(fmt.Sprintf("n%d", i)), "extra": s("x")}
		if i%3 == 0 {
			item["state"] = s("OPEN") // sparse: only some items are in byState
		}
		e.put(tb, "orders", item)
	}
	for i := 1; i <= 3; i++ {
		e.put(tb, "orders", av{"customer": s("c2"), "seq": n(fmt.Sprint(i)), "state": s("OPEN")})
	}
}

func seqs(tb testing.TB, items []map[string]types.AttributeValue) []string {
	tb.Helper()
	out := []string{}
	for _, it := range items {
		v, ok := it["seq"].(*types.AttributeValueMemberN)
		if !ok {
			tb.Fatalf("item without seq: %v", it)
		}
		out = append(out, v.Value)
	}
	return out
}

func TestQuery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	newOrdersTable(t, e)
	tests := []struct {
		name        string
		in          dynamodb.QueryInput
		wantSeqs    []string
		wantScanned int32
	}{
		{"partition", dynamodb.QueryInput{KeyConditionExpression: aws.String("customer = :c"), ExpressionAttributeValues: av{":c": s("c2")}},
			[]string{"1", "2", "3"}, 3},
		{"numeric sort order", dynamodb.QueryInput{KeyConditionExpression: aws.String("customer = :c AND seq >= :s"), ExpressionAttributeValues: av{":c": s("c1"), ":s": n("8")}},
			[]string{"8", "9", "10"}, 3},
		{"backwards", dynamodb.QueryInput{KeyConditionExpression: aws.String("customer = :c AND seq BETWEEN :a AND :b"), ScanIndexForward: aws.Bool(false),
			ExpressionAttributeValues: av{":c": s("c1"), ":a": n("2"), ":b": n("4")}}, []string{"4", "3", "2"}, 3},
		{"filter counts scanned items", dynamodb.QueryInput{KeyConditionExpression: aws.String("customer = :c"), FilterExpression: aws.String("amount < :a"),
			ExpressionAttributeValues: av{":c": s("c1"), ":a": n("92")}}, []string{"9", "10"}, 10},
		{"local index order", dynamodb.QueryInput{IndexName: aws.String("byAmount"), KeyConditionExpression: aws.String("customer = :c AND amount < :a"),
			ExpressionAttributeValues: av{":c": s("c1"), ":a": n("93")}}, []string{"10", "9", "8"}, 3},
		{"global index", dynamodb.QueryInput{IndexName: aws.String("byState"), KeyConditionExpression: aws.String("#s = :o"),
			ExpressionAttributeNames: map[string]string{"#s": "state"}, ExpressionAttributeValues: av{":o": s("OPEN")}},
			[]string{"3", "6", "9", "1", "2", "3"}, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in
			in.TableName = aws.String("orders")
			out, err := e.client.Query(context.Background(), &in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.wantSeqs, seqs(t, out.Items)); diff != "" {
				t.Fatalf("seqs (-want +got):\n%s", diff)
			}
			if out.Count != int32(len(tc.wantSeqs)) || out.ScannedCount != tc.wantScanned {
				t.Fatalf("Count, ScannedCount = %d, %d; want %d, %d", out.Count, out.ScannedCount, len(tc.wantSeqs), tc.wantScanned)
			}
		})
	}
}

func TestQueryIndexProjections(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	newOrdersTable(t, e)
	ctx := context.Background()
	_, err := e.client.Query(ctx, &dynamodb.QueryInput{
		TableName: aws.String("orders"), IndexName: aws.String("byState"), KeyConditionExpression: aws.String("#s = :o AND #s = :o"),
		ExpressionAttributeNames: map[string]string{"#s": "state"}, ExpressionAttributeValues: av{":o": s("OPEN")},
	})
	if got := errorMessage(t, err); got != "KeyConditionExpressions must only contain one condition per key" {
		t.Fatalf("duplicate key condition: %v", err)
	}
	out, err := e.client.Query(ctx, &dynamodb.QueryInput{
		TableName: aws.String("orders"), IndexName: aws.String("byState"), KeyConditionExpression: aws.String("#s = :o"),
		ExpressionAttributeNames: map[string]string{"#s": "state"}, ExpressionAttributeValues: av{":o": s("OPEN")}, Limit: aws.Int32(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	// KEYS_ONLY: the index key and the table key, nothing else.
	want := []map[string]types.AttributeValue{{"customer": s("c1"), "seq": n("3"), "state": s("OPEN")}}
	if diff := cmp.Diff(want, out.Items, avOpts); diff != "" {
		t.Fatalf("KEYS_ONLY items (-want +got):\n%s", diff)
	}
	wantKey := map[string]types.AttributeValue{"customer": s("c1"), "seq": n("3"), "state": s("OPEN")}
	if diff := cmp.Diff(wantKey, out.LastEvaluatedKey, avOpts); diff != "" {
		t.Fatalf("index LastEvaluatedKey (-want +got):\n%s", diff)
	}
	lsi, err := e.client.Query(ctx, &dynamodb.QueryInput{
		TableName: aws.String("orders"), IndexName: aws.String("byAmount"), KeyConditionExpression: aws.String("customer = :c"),
		ExpressionAttributeValues: av{":c": s("c1")}, Limit: aws.Int32(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	// INCLUDE note: keys plus note, not extra.
	want = []map[string]types.AttributeValue{{"customer": s("c1"), "seq": n("10"), "amount": n("90.5"), "note": s("n10")}}
	if diff := cmp.Diff(want, lsi.Items, avOpts); diff != "" {
		t.Fatalf("INCLUDE items (-want +got):\n%s", diff)
	}
	_, err = e.client.Query(ctx, &dynamodb.QueryInput{
		TableName: aws.String("orders"), IndexName: aws.String("byState"), Select: types.SelectAllAttributes,
		KeyConditionExpression: aws.String("#s = :o"), ExpressionAttributeNames: map[string]string{"#s": "state"},
		ExpressionAttributeValues: av{":o": s("OPEN")},
	})
	if want := "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byState because its projection type is not ALL"; errorMessage(t, err) != want {
		t.Fatalf("ALL_ATTRIBUTES on a KEYS_ONLY GSI: %v", err)
	}
}

func TestQueryPaging(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	newOrdersTable(t, e)
	p := dynamodb.NewQueryPaginator(e.client, &dynamodb.QueryInput{
		TableName: aws.String("orders"), KeyConditionExpression: aws.String("customer = :c"),
		ExpressionAttributeValues: av{":c": s("c1")}, Limit: aws.Int32(3), ProjectionExpression: aws.String("seq"),
	})
	var got []string
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		got = append(got, seqs(t, out.Items)...)
		if pages > 10 {
			t.Fatal("paging does not end")
		}
	}
	if diff := cmp.Diff([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}, got); diff != "" {
		t.Fatalf("paged seqs (-want +got):\n%s", diff)
	}
	if pages != 4 {
		t.Fatalf("pages = %d, want 4", pages)
	}
}

func TestScanPagingAndSegments(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	newOrdersTable(t, e)
	ctx := context.Background()
	count := func(in *dynamodb.ScanInput) int {
		t.Helper()
		total := 0
		p := dynamodb.NewScanPaginator(e.client, in)
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			total += len(out.Items)
		}
		return total
	}
	if got := count(&dynamodb.ScanInput{TableName: aws.String("orders"), Limit: aws.Int32(4)}); got != 13 {
		t.Fatalf("paged scan saw %d items, want 13", got)
	}
	if got := count(&dynamodb.ScanInput{TableName: aws.String("orders"), FilterExpression: aws.String("attribute_exists(note) AND seq > :s"),
		ExpressionAttributeValues: av{":s": n("5")}}); got != 5 {
		t.Fatalf("filtered scan saw %d items, want 5", got)
	}
	segs := 0
	for seg := range 3 {
		segs += count(&dynamodb.ScanInput{TableName: aws.String("orders"), Segment: aws.Int32(int32(seg)), TotalSegments: aws.Int32(3)})
	}
	if segs != 13 {
		t.Fatalf("3 segments saw %d items, want 13", segs)
	}
	if got := count(&dynamodb.ScanInput{TableName: aws.String("orders"), IndexName: aws.String("byState")}); got != 6 {
		t.Fatalf("sparse index scan saw %d items, want 6", got)
	}
	out, err := e.client.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("orders"), Select: types.SelectCount})
	if err != nil || out.Count != 13 || out.Items != nil {
		t.Fatalf("COUNT scan = %d items %v, %v", out.Count, out.Items, err)
	}
}

func TestKeyConditionErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	newOrdersTable(t, e)
	tests := []struct {
		expr   string
		filter string
		values av
		want   string
	}{
		{"seq = :n", "", av{":n": n("1")}, "Query condition missed key schema element: customer"},
		{"customer = :c OR seq = :n", "", av{":c": s("c1"), ":n": n("1")}, "Invalid operator used in KeyConditionExpression: OR"},
		{"customer < :c", "", av{":c": s("c1")}, "Query key condition not supported"},
		{"customer = :c AND amount = :n", "", av{":c": s("c1"), ":n": n("1")}, "Query condition missed key schema element: seq"},
		{"customer = :n", "", av{":n": n("1")}, "One or more parameter values were invalid: Condition parameter type does not match schema type"},
		{"customer = :c AND attribute_exists(seq)", "", av{":c": s("c1")}, "Invalid operator used in KeyConditionExpression: attribute_exists"},
		{"customer = :c", "seq > :n", av{":c": s("c1"), ":n": n("1")}, "Filter Expression can only contain non-primary key attributes: Primary key attribute: seq"},
	}
	for _, tc := range tests {
		t.Run(tc.expr+" "+tc.filter, func(t *testing.T) {
			t.Parallel()
			in := &dynamodb.QueryInput{
				TableName: aws.String("orders"), KeyConditionExpression: aws.String(tc.expr), ExpressionAttributeValues: tc.values,
			}
			if tc.filter != "" {
				in.FilterExpression = aws.String(tc.filter)
			}
			_, err := e.client.Query(context.Background(), in)
			if got := errorMessage(t, err); got != tc.want {
				t.Fatalf("message\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}
