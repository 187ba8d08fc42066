package dynamolocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
)

type av = map[string]types.AttributeValue

func list(vs ...types.AttributeValue) *types.AttributeValueMemberL {
	return &types.AttributeValueMemberL{Value: vs}
}

func TestUpdateExpressions(t *testing.T) {
	t.Parallel()
	start := av{
		"pk": s("k"), "count": n("10"), "price": n("0.1"), "tags": &types.AttributeValueMemberSS{Value: []string{"a", "b"}},
		"log": list(s("x"), s("y"), s("z")), "m": &types.AttributeValueMemberM{Value: av{"qty": n("1"), "keep": s("k")}},
		"gone": s("bye"),
	}
	tests := []struct {
		name   string
		expr   string
		names  map[string]string
		values av
		want   av // attributes that differ from start; nil value means removed
	}{
		{"set literal", "SET newattr = :v", nil, av{":v": s("hello")}, av{"newattr": s("hello")}},
		{"exact decimal arithmetic", "SET price = price + :d", nil, av{":d": n("0.2")}, av{"price": n("0.3")}},
		{"38 digit arithmetic", "SET #c = #c + :d", map[string]string{"#c": "count"}, av{":d": n("99999999999999999999999999999999999990")},
			av{"count": n("100000000000000000000000000000000000000")}},
		{"subtract", "SET #c = #c - :d", map[string]string{"#c": "count"}, av{":d": n("12.5")}, av{"count": n("-2.5")}},
		{"if_not_exists absent", "SET created = if_not_exists(created, :now)", nil, av{":now": n("5")}, av{"created": n("5")}},
		{"if_not_exists present", "SET #c = if_not_exists(#c, :z)", map[string]string{"#c": "count"}, av{":z": n("0")}, av{}},
		{"list_append", "SET #l = list_append(#l, :more)", map[string]string{"#l": "log"}, av{":more": list(s("w"))},
			av{"log": list(s("x"), s("y"), s("z"), s("w"))}},
		{"list_append prepend", "SET #l = list_append(:more, #l)", map[string]string{"#l": "log"}, av{":more": list(s("w"))},
			av{"log": list(s("w"), s("x"), s("y"), s("z"))}},
		{"nested set", "SET m.qty = :v, m.added = :v", nil, av{":v": n("7")},
			av{"m": &types.AttributeValueMemberM{Value: av{"qty": n("7"), "keep": s("k"), "added": n("7")}}}},
		{"list index set and append past end", "SET #l[1] = :v, #l[10] = :w", map[string]string{"#l": "log"}, av{":v": s("Y"), ":w": s("end")},
			av{"log": list(s("x"), s("Y"), s("z"), s("end"))}},
		{"remove", "REMOVE gone, m.keep", nil, nil,
			av{"gone": nil, "m": &types.AttributeValueMemberM{Value: av{"qty": n("1")}}}},
		{"remove list elements", "REMOVE #l[0], #l[2]", map[string]string{"#l": "log"}, nil, av{"log": list(s("y"))}},
		{"add number", "ADD #c :one", map[string]string{"#c": "count"}, av{":one": n("1")}, av{"count": n("11")}},
		{"add to missing number", "ADD visits :one", nil, av{":one": n("1")}, av{"visits": n("1")}},
		{"add to set", "ADD tags :t", nil, av{":t": &types.AttributeValueMemberSS{Value: []string{"c", "a"}}},
			av{"tags": &types.AttributeValueMemberSS{Value: []string{"a", "b", "c"}}}},
		{"delete from set", "DELETE tags :t", nil, av{":t": &types.AttributeValueMemberSS{Value: []string{"a"}}},
			av{"tags": &types.AttributeValueMemberSS{Value: []string{"b"}}}},
		{"delete whole set", "DELETE tags :t", nil, av{":t": &types.AttributeValueMemberSS{Value: []string{"a", "b"}}}, av{"tags": nil}},
		{"all clauses lower case", "set a1 = :v remove gone add #c :v delete tags :t", map[string]string{"#c": "count"},
			av{":v": n("1"), ":t": &types.AttributeValueMemberSS{Value: []string{"b"}}},
			av{"a1": n("1"), "gone": nil, "count": n("11"), "tags": &types.AttributeValueMemberSS{Value: []string{"a"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t)
			e.createTable(t, "upd", "")
			e.put(t, "upd", start)
			out, err := e.client.UpdateItem(context.Background(), &dynamodb.UpdateItemInput{
				TableName: aws.String("upd"), Key: av{"pk": s("k")}, UpdateExpression: aws.String(tc.expr),
				ExpressionAttributeNames: tc.names, ExpressionAttributeValues: tc.values, ReturnValues: types.ReturnValueAllNew,
			})
			if err != nil {
				t.Fatalf("UpdateItem %q: %v", tc.expr, err)
			}
			want := av{}
			for k, v := range start {
				want[k] = v
			}
			for k, v := range tc.want {
				if v == nil {
					delete(want, k)
				} else {
					want[k] = v
				}
			}
			if diff := cmp.Diff(want, out.Attributes, avOpts); diff != "" {
				t.Fatalf("ALL_NEW (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(want, e.get(t, "upd", av{"pk": s("k")}), avOpts); diff != "" {
				t.Fatalf("stored item (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUpdateReturnValues(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "retvals", "")
	e.put(t, "retvals", av{"pk": s("k"), "a": n("1"), "b": s("x")})
	ctx := context.Background()
	tests := []struct {
		mode types.ReturnValue
		want av
	}{
		{types.ReturnValueUpdatedOld, av{"a": n("1")}},
		{types.ReturnValueUpdatedNew, av{"a": n("3")}},
		{types.ReturnValueAllOld, av{"pk": s("k"), "a": n("3"), "b": s("x")}},
		{types.ReturnValueNone, nil},
	}
	for _, tc := range tests { // sequential: each step adds one to a
		out, err := e.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
			TableName: aws.String("retvals"), Key: av{"pk": s("k")}, UpdateExpression: aws.String("ADD a :one"),
			ExpressionAttributeValues: av{":one": n("1")}, ReturnValues: tc.mode,
		})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, out.Attributes, avOpts); diff != "" {
			t.Fatalf("%s (-want +got):\n%s", tc.mode, diff)
		}
	}
	// UPDATED_NEW returns just the nested paths the update named.
	e.put(t, "retvals", av{"pk": s("nested"), "m": &types.AttributeValueMemberM{Value: av{"a": n("1"), "b": n("2")}}})
	out, err := e.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String("retvals"), Key: av{"pk": s("nested")}, UpdateExpression: aws.String("SET m.a = :v"),
		ExpressionAttributeValues: av{":v": n("9")}, ReturnValues: types.ReturnValueUpdatedNew,
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(av{"m": &types.AttributeValueMemberM{Value: av{"a": n("9")}}}, out.Attributes, avOpts); diff != "" {
		t.Fatalf("nested UPDATED_NEW (-want +got):\n%s", diff)
	}
	// Removing attributes from a missing item does not create it.
	if _, err := e.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String("retvals"), Key: av{"pk": s("ghost")}, UpdateExpression: aws.String("REMOVE a"),
	}); err != nil {
		t.Fatal(err)
	}
	if got := e.get(t, "retvals", av{"pk": s("ghost")}); got != nil {
		t.Fatalf("REMOVE on a missing item created %v", got)
	}
	// UpdateItem on a missing item creates it from the key.
	out, err = e.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String("retvals"), Key: av{"pk": s("new")}, UpdateExpression: aws.String("SET a = :v"),
		ExpressionAttributeValues: av{":v": s("v")}, ReturnValues: types.ReturnValueAllNew,
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(av{"pk": s("new"), "a": s("v")}, out.Attributes, avOpts); diff != "" {
		t.Fatalf("upsert (-want +got):\n%s", diff)
	}
}
