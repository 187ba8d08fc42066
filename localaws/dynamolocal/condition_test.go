package dynamolocal_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
)

// conditionItem is the stored item every condition case is checked against.
func conditionItem() av {
	return av{
		"pk": s("c"), "amount": n("12.50"), "currency": s("EUR"), "name": s("Ada Lovelace"),
		"tags": &types.AttributeValueMemberSS{Value: []string{"gold", "vip"}},
		"ids":  &types.AttributeValueMemberNS{Value: []string{"1", "2"}},
		"hist": list(s("a"), n("3")), "addr": &types.AttributeValueMemberM{Value: av{"city": s("Paris"), "zip": s("75001")}},
		"flag": &types.AttributeValueMemberBOOL{Value: false}, "nul": &types.AttributeValueMemberNULL{Value: true},
		"bin": &types.AttributeValueMemberB{Value: []byte("abc")},
	}
}

func TestConditionExpressions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "conds", "")
	e.put(t, "conds", conditionItem())
	tests := []struct {
		expr   string
		names  map[string]string
		values av
		holds  bool
	}{
		{"attribute_exists(amount)", nil, nil, true},
		{"attribute_exists(absent)", nil, nil, false},
		{"attribute_not_exists(absent)", nil, nil, true},
		{"attribute_exists(addr.city)", nil, nil, true},
		{"attribute_exists(hist[1])", nil, nil, true},
		{"attribute_exists(hist[2])", nil, nil, false},
		{"amount = :v", nil, av{":v": n("12.5")}, true},
		{"amount = :v", nil, av{":v": s("12.5")}, false},
		{"amount < :v", nil, av{":v": n("12.500000000000000000000000000000000001")}, true},
		{"amount > :v", nil, av{":v": n("9")}, true},
		{"amount <> :v", nil, av{":v": n("12.5")}, false},
		{"absent <> :v", nil, av{":v": n("1")}, true},
		{"currency < :v", nil, av{":v": s("USD")}, true},
		{"currency < :v", nil, av{":v": n("1")}, false},
		{"amount BETWEEN :lo AND :hi", nil, av{":lo": n("12.5"), ":hi": n("13")}, true},
		{"amount BETWEEN :lo AND :hi", nil, av{":lo": n("13"), ":hi": n("14")}, false},
		{"currency IN (:a, :b)", nil, av{":a": s("USD"), ":b": s("EUR")}, true},
		{"currency IN (:a)", nil, av{":a": s("USD")}, false},
		{"begins_with(#n, :p)", map[string]string{"#n": "name"}, av{":p": s("Ada")}, true},
		{"begins_with(bin, :p)", nil, av{":p": &types.AttributeValueMemberB{Value: []byte("ab")}}, true},
		{"contains(#n, :p)", map[string]string{"#n": "name"}, av{":p": s("Love")}, true},
		{"contains(tags, :p)", nil, av{":p": s("vip")}, true},
		{"contains(ids, :p)", nil, av{":p": n("2.0")}, true},
		{"contains(hist, :p)", nil, av{":p": n("3")}, true},
		{"contains(tags, :p)", nil, av{":p": s("bronze")}, false},
		{"size(#n) = :v", map[string]string{"#n": "name"}, av{":v": n("12")}, true},
		{"size(tags) = :v", nil, av{":v": n("2")}, true},
		{"size(addr) > :v", nil, av{":v": n("1")}, true},
		{"size(amount) = :v", nil, av{":v": n("1")}, false},
		{"attribute_type(addr, :t)", nil, av{":t": s("M")}, true},
		{"attribute_type(nul, :t)", nil, av{":t": s("NULL")}, true},
		{"attribute_type(amount, :t)", nil, av{":t": s("S")}, false},
		{"flag = :f AND NOT attribute_exists(absent)", nil, av{":f": &types.AttributeValueMemberBOOL{Value: false}}, true},
		{"amount > :big OR currency = :c", nil, av{":big": n("100"), ":c": s("EUR")}, true},
		{"NOT (amount > :big OR currency = :c)", nil, av{":big": n("100"), ":c": s("EUR")}, false},
		{"attribute_exists(absent) OR amount > :a AND currency = :c", nil, av{":a": n("1"), ":c": s("USD")}, false},
		{"addr = :m", nil, av{":m": &types.AttributeValueMemberM{Value: av{"zip": s("75001"), "city": s("Paris")}}}, true},
		{"tags = :t", nil, av{":t": &types.AttributeValueMemberSS{Value: []string{"vip", "gold"}}}, true},
		{"addr.city = :c AND hist[0] = :a", nil, av{":c": s("Paris"), ":a": s("a")}, true},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			t.Parallel()
			_, err := e.client.UpdateItem(context.Background(), &dynamodb.UpdateItemInput{
				TableName: aws.String("conds"), Key: av{"pk": s("c")}, ConditionExpression: aws.String(tc.expr),
				ExpressionAttributeNames: tc.names, ExpressionAttributeValues: tc.values,
			})
			var ccf *types.ConditionalCheckFailedException
			switch {
			case tc.holds && err != nil:
				t.Fatalf("condition should hold: %v", err)
			case !tc.holds && !errors.As(err, &ccf):
				t.Fatalf("condition should fail with ConditionalCheckFailedException, got %v", err)
			case !tc.holds && aws.ToString(ccf.Message) != "The conditional request failed":
				t.Fatalf("message = %q", aws.ToString(ccf.Message))
			}
		})
	}
}

func TestConditionalPutAndDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "charges", "")
	ctx := context.Background()
	put := func(status string) error {
		_, err := e.client.PutItem(ctx, &dynamodb.PutItemInput{
			TableName: aws.String("charges"), Item: av{"pk": s("order-1"), "status": s(status)},
			ConditionExpression:                 aws.String("attribute_not_exists(pk)"),
			ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
		})
		return err
	}
	if err := put("AUTHORIZED"); err != nil {
		t.Fatalf("first put: %v", err)
	}
	err := put("CAPTURED")
	var ccf *types.ConditionalCheckFailedException
	if !errors.As(err, &ccf) {
		t.Fatalf("second put = %v, want ConditionalCheckFailedException", err)
	}
	if diff := cmp.Diff(av{"pk": s("order-1"), "status": s("AUTHORIZED")}, ccf.Item, avOpts); diff != "" {
		t.Fatalf("ALL_OLD item on failure (-want +got):\n%s", diff)
	}
	_, err = e.client.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: aws.String("charges"), Key: av{"pk": s("order-1")},
		ConditionExpression: aws.String("#s = :s"), ExpressionAttributeNames: map[string]string{"#s": "status"},
		ExpressionAttributeValues: av{":s": s("CAPTURED")},
	})
	if !errors.As(err, &ccf) || ccf.Item != nil {
		t.Fatalf("conditional delete = %v (item %v), want ConditionalCheckFailedException without item", err, ccf.Item)
	}
	if got := e.get(t, "charges", av{"pk": s("order-1")}); got == nil {
		t.Fatal("a failed conditional delete removed the item")
	}
}
