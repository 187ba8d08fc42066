package dynamolocal_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
)

var avOpts = cmp.Exporter(func(reflect.Type) bool { return true })

func TestPutGetDeleteEveryType(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "things", "")
	item := map[string]types.AttributeValue{
		"pk":  s("a"),
		"n":   n("0012.50"),
		"big": n("12345678901234567890123456789012345678"),
		"b":   &types.AttributeValueMemberB{Value: []byte{0, 1, 2}},
		"t":   &types.AttributeValueMemberBOOL{Value: true},
		"nul": &types.AttributeValueMemberNULL{Value: true},
		"m":   &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"x": s("y"), "e": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}}}},
		"l":   &types.AttributeValueMemberL{Value: []types.AttributeValue{s("one"), n("2")}},
		"ss":  &types.AttributeValueMemberSS{Value: []string{"b", "a"}},
		"ns":  &types.AttributeValueMemberNS{Value: []string{"1.0", "2"}},
		"bs":  &types.AttributeValueMemberBS{Value: [][]byte{{9}, {1}}},
		"s0":  s(""),
	}
	e.put(t, "things", item)
	got := e.get(t, "things", map[string]types.AttributeValue{"pk": s("a")})
	want := map[string]types.AttributeValue{
		"pk":  s("a"),
		"n":   n("12.5"), // DynamoDB returns numbers without superfluous zeros
		"big": n("12345678901234567890123456789012345678"),
		"b":   &types.AttributeValueMemberB{Value: []byte{0, 1, 2}},
		"t":   &types.AttributeValueMemberBOOL{Value: true},
		"nul": &types.AttributeValueMemberNULL{Value: true},
		"m":   &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"x": s("y"), "e": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}}}},
		"l":   &types.AttributeValueMemberL{Value: []types.AttributeValue{s("one"), n("2")}},
		"ss":  &types.AttributeValueMemberSS{Value: []string{"a", "b"}},
		"ns":  &types.AttributeValueMemberNS{Value: []string{"1", "2"}},
		"bs":  &types.AttributeValueMemberBS{Value: [][]byte{{1}, {9}}},
		"s0":  s(""),
	}
	if diff := cmp.Diff(want, got, avOpts); diff != "" {
		t.Fatalf("GetItem (-want +got):\n%s", diff)
	}
	out, err := e.client.DeleteItem(context.Background(), &dynamodb.DeleteItemInput{
		TableName: aws.String("things"), Key: map[string]types.AttributeValue{"pk": s("a")}, ReturnValues: types.ReturnValueAllOld,
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, out.Attributes, avOpts); diff != "" {
		t.Fatalf("DeleteItem ALL_OLD (-want +got):\n%s", diff)
	}
	if got := e.get(t, "things", map[string]types.AttributeValue{"pk": s("a")}); got != nil {
		t.Fatalf("item still there after DeleteItem: %v", got)
	}
}

func TestItemValidation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "valid", "N")
	ctx := context.Background()
	tests := []struct {
		name     string
		item     map[string]types.AttributeValue
		wantCode string
		wantMsg  string
	}{
		{"missing sort key", map[string]types.AttributeValue{"pk": s("a")}, "ValidationException",
			"One or more parameter values were invalid: Missing the key sk in the item"},
		{"key type mismatch", map[string]types.AttributeValue{"pk": s("a"), "sk": s("1")}, "ValidationException",
			"One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S"},
		{"empty string key", map[string]types.AttributeValue{"pk": s(""), "sk": n("1")}, "ValidationException",
			"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"},
		{"39 digits", map[string]types.AttributeValue{"pk": s("a"), "sk": n("123456789012345678901234567890123456789")}, "ValidationException",
			"Attempting to store more than 38 significant digits in a Number"},
		{"overflow", map[string]types.AttributeValue{"pk": s("a"), "sk": n("1E+126")}, "ValidationException",
			"Number overflow. Attempting to store a number with magnitude larger than supported range"},
		{"underflow", map[string]types.AttributeValue{"pk": s("a"), "sk": n("1E-131")}, "ValidationException",
			"Number underflow. Attempting to store a number with magnitude smaller than supported range"},
		{"not a number", map[string]types.AttributeValue{"pk": s("a"), "sk": n("1.2.3")}, "ValidationException",
			"A value provided cannot be converted into a number"},
		{"empty set", map[string]types.AttributeValue{"pk": s("a"), "sk": n("1"), "x": &types.AttributeValueMemberSS{Value: []string{}}}, "ValidationException",
			"One or more parameter values were invalid: An string set  may not be empty"},
		{"duplicate set member", map[string]types.AttributeValue{"pk": s("a"), "sk": n("1"), "x": &types.AttributeValueMemberSS{Value: []string{"a", "a"}}}, "ValidationException",
			"One or more parameter values were invalid: Input collection [a, a] contains duplicates."},
		{"partition key over 2048 bytes", map[string]types.AttributeValue{"pk": s(strings.Repeat("k", 2049)), "sk": n("1")}, "ValidationException",
			"One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"},
		{"over 400 KB", map[string]types.AttributeValue{"pk": s("a"), "sk": n("1"), "x": s(strings.Repeat("x", 400*1024))}, "ValidationException",
			"Item size has exceeded the maximum allowed size"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("valid"), Item: tc.item})
			if got := errorCode(t, err); got != tc.wantCode {
				t.Fatalf("code = %q, want %q (%v)", got, tc.wantCode, err)
			}
			if got := errorMessage(t, err); got != tc.wantMsg {
				t.Fatalf("message = %q, want %q", got, tc.wantMsg)
			}
		})
	}
	_, err := e.client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("valid"), Key: map[string]types.AttributeValue{"pk": s("a")}})
	if got, want := errorMessage(t, err), "The provided key element does not match the schema"; got != want {
		t.Fatalf("GetItem without sort key: %q, want %q", got, want)
	}
	_, err = e.client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("nope"), Key: map[string]types.AttributeValue{"pk": s("a")}})
	if got := errorCode(t, err); got != "ResourceNotFoundException" {
		t.Fatalf("GetItem on a missing table: %v", err)
	}
}
