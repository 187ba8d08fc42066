package dynamolocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// TestExpressionErrors checks the ValidationException messages for bad
// expressions against the wordings DynamoDB returns (as quoted in AWS's
// documentation and in SDK issue reports of real responses).
func TestExpressionErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "exprs", "")
	e.put(t, "exprs", av{"pk": s("k"), "a": n("1"), "l": list(s("x")), "str": s("s")})
	tests := []struct {
		name      string
		update    string
		condition string
		names     map[string]string
		values    av
		want      string
	}{
		{"syntax error names token and surroundings", "ADD hits : incr", "", nil, av{":incr": n("1")},
			`Invalid UpdateExpression: Syntax error; token: ":", near: "hits : incr"`},
		{"syntax error at the start", "INVALID SYNTAX HERE", "", nil, nil,
			`Invalid UpdateExpression: Syntax error; token: "INVALID", near: "INVALID SYNTAX"`},
		{"syntax error at the end", "SET a =", "", nil, nil,
			`Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "="`},
		{"undefined value", "SET a = :v", "", nil, nil,
			"Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v"},
		{"undefined name", "SET #a = :v", "", nil, av{":v": n("1")},
			"Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a"},
		{"unused value", "SET a = :v", "", nil, av{":v": n("1"), ":w": n("2")},
			"Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"},
		{"unused name", "SET a = :v", "", map[string]string{"#x": "x"}, av{":v": n("1")},
			"Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}"},
		{"reserved word", "SET status = :v", "", nil, av{":v": n("1")},
			"Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status"},
		{"overlapping paths", "SET a = :v, a = :v", "", nil, av{":v": n("1")},
			"Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"section twice", "SET a = :v SET b = :v", "", nil, av{":v": n("1")},
			`Invalid UpdateExpression: The "SET" section can only be used once in an update expression;`},
		{"key attribute", "SET pk = :v", "", nil, av{":v": s("other")},
			"One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key"},
		{"arithmetic on a string", "SET str = str + :v", "", nil, av{":v": n("1")},
			"An operand in the update expression has an incorrect data type"},
		{"arithmetic on a missing attribute", "SET a = nope + :v", "", nil, av{":v": n("1")},
			"The provided expression refers to an attribute that does not exist in the item"},
		{"list_append of a number", "SET l = list_append(l, :v)", "", nil, av{":v": n("1")},
			"An operand in the update expression has an incorrect data type"},
		{"ADD a string", "ADD a :v", "", nil, av{":v": s("x")},
			"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"},
		{"nested path under a missing map", "SET nomap.x = :v", "", nil, av{":v": n("1")},
			"The document path provided in the update expression is invalid for update"},
		{"empty update expression", " ", "", nil, nil, "Invalid UpdateExpression: The expression can not be empty;"},
		{"unknown function", "SET a = foo(a)", "", nil, nil, "Invalid UpdateExpression: Invalid function name; function: foo"},
		{"condition function in update", "SET a = size(l)", "", nil, nil,
			"Invalid UpdateExpression: The function is not allowed in an update expression; function: size"},
		{"condition syntax", "", "a = = :v", nil, av{":v": n("1")},
			`Invalid ConditionExpression: Syntax error; token: "=", near: "= = :v"`},
		{"condition unknown function", "", "exists(a)", nil, nil,
			"Invalid ConditionExpression: Invalid function name; function: exists"},
		{"begins_with a number", "", "begins_with(a, :v)", nil, av{":v": n("1")},
			"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"},
		{"attribute_type with a bad type", "", "attribute_type(a, :t)", nil, av{":t": s("STRING")},
			"Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }"},
		{"between bounds reversed", "", "a BETWEEN :hi AND :lo", nil, av{":lo": n("1"), ":hi": n("5")},
			"Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}"},
		{"values without expressions", "", "", nil, av{":v": n("1")},
			"ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := &dynamodb.UpdateItemInput{
				TableName: aws.String("exprs"), Key: av{"pk": s("k")},
				ExpressionAttributeNames: tc.names, ExpressionAttributeValues: tc.values,
			}
			if tc.update != "" {
				in.UpdateExpression = aws.String(tc.update)
			}
			if tc.condition != "" {
				in.ConditionExpression = aws.String(tc.condition)
			}
			_, err := e.client.UpdateItem(context.Background(), in)
			if got := errorCode(t, err); got != "ValidationException" {
				t.Fatalf("code = %q (%v), want ValidationException", got, err)
			}
			if got := errorMessage(t, err); got != tc.want {
				t.Fatalf("message\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}
