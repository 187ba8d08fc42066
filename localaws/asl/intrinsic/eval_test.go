package intrinsic

import (
	"strings"
	"testing"
)

// TestAWSExamples uses the examples, and their results, from the Step
// Functions developer guide's intrinsic functions page. (The guide's nested
// ARN example has three placeholders for two values, which Step Functions
// rejects, so it is used here with two.)
func TestAWSExamples(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr, input, want string
	}{
		{"Format literal", `States.Format('Hello, my name is {}.', $.name)`, `{"name":"Arnav","template":"Hello, my name is {}."}`, `"Hello, my name is Arnav."`},
		{"Format path template", `States.Format($.template, $.name)`, `{"name":"Arnav","template":"Hello, my name is {}."}`, `"Hello, my name is Arnav."`},
		{"StringToJson", `States.StringToJson($.escapedJsonString)`, `{"escapedJsonString":"{\"foo\": \"bar\"}"}`, `{"foo":"bar"}`},
		{"JsonToString", `States.JsonToString($.unescapedJson)`, `{"unescapedJson":{"foo":"bar"}}`, `"{\"foo\":\"bar\"}"`},
		{"Array", `States.Array($.Id)`, `{"Id":123456}`, `[123456]`},
		{"ArrayPartition", `States.ArrayPartition($.inputArray,4)`, `{"inputArray":[1,2,3,4,5,6,7,8,9]}`, `[[1,2,3,4],[5,6,7,8],[9]]`},
		{"ArrayContains", `States.ArrayContains($.inputArray, $.lookingFor)`, `{"inputArray":[1,2,3,4,5,6,7,8,9],"lookingFor":5}`, `true`},
		{"ArrayRange", `States.ArrayRange(1, 9, 2)`, `{}`, `[1,3,5,7,9]`},
		{"ArrayGetItem", `States.ArrayGetItem($.inputArray, $.index)`, `{"inputArray":[1,2,3,4,5,6,7,8,9],"index":5}`, `6`},
		{"ArrayLength", `States.ArrayLength($.inputArray)`, `{"inputArray":[1,2,3,4,5,6,7,8,9]}`, `9`},
		{"ArrayUnique", `States.ArrayUnique($.inputArray)`, `{"inputArray":[1,2,3,3,3,3,3,3,4]}`, `[1,2,3,4]`},
		{"Base64Encode", `States.Base64Encode($.input)`, `{"input":"Data to encode"}`, `"RGF0YSB0byBlbmNvZGU="`},
		{"Base64Decode", `States.Base64Decode($.base64)`, `{"base64":"RGF0YSB0byBlbmNvZGU="}`, `"Data to encode"`},
		{"Hash", `States.Hash($.Data, $.Algorithm)`, `{"Data":"input data","Algorithm":"SHA-1"}`, `"aaff4a450a104cd177d28d18d74485e8cae074b7"`},
		{"JsonMerge", `States.JsonMerge($.json1, $.json2, false)`, `{"json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3}}`, `{"a":{"a3":1,"a4":2},"b":2,"c":3}`},
		{"MathAdd", `States.MathAdd($.value1, $.step)`, `{"value1":111,"step":-1}`, `110`},
		{"StringSplit", `States.StringSplit($.inputString, $.splitter)`, `{"inputString":"1,2,3,4,5","splitter":","}`, `["1","2","3","4","5"]`},
		{"StringSplit many delimiters", `States.StringSplit($.inputString, $.splitter)`, `{"inputString":"This.is+a,test=string","splitter":".+,="}`, `["This","is","a","test","string"]`},
		{"nested ARN", `States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))`,
			`{"ImageRecipe":{"Arn":"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/recipe.v1/1.0.0"}}`, `"1.0"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Eval(tt.expr, decode(t, tt.input), nil, fixedEnv())
			if err != nil {
				t.Fatalf("Eval(%s): %v", tt.expr, err)
			}
			if g := encode(t, got); g != tt.want {
				t.Errorf("Eval(%s) = %s, want %s", tt.expr, g, tt.want)
			}
		})
	}
}

func TestEval(t *testing.T) {
	t.Parallel()
	ctx := `{"Execution":{"Id":"arn:x","Name":"exec-1"},"State":{"RetryCount":2}}`
	tests := []struct {
		name, expr, input, want string
	}{
		{"context path", `States.Format('{} retried {}', $$.Execution.Name, $$.State.RetryCount)`, `{}`, `"exec-1 retried 2"`},
		{"format escapes", `States.Format('\{\} is {} and \'q\' \\ done', 'x')`, `{}`, `"{} is x and 'q' \\ done"`},
		{"format null bool number", `States.Format('{} {} {} {}', null, true, 1.50, $.n)`, `{"n":-3e2}`, `"null true 1.50 -3e2"`},
		{"format object and array", `States.Format('{} {} {}', $.o, $.a, $.e)`, `{"o":{"b":[1,"x",null],"a":{"c":true}},"a":[],"e":{}}`, `"{a={c=true}, b=[1, x, null]} [] {}"`},
		{"format no args", `States.Format('plain')`, `{}`, `"plain"`},
		{"array literals", `States.Array('a', 1, true, null, $.o, $.o.k[0])`, `{"o":{"k":[1]}}`, `["a",1,true,null,{"k":[1]},1]`},
		{"empty array", `States.Array()`, `{}`, `[]`},
		{"whitespace", ` States.Array( 1 ,  'b' ) `, `{}`, `[1,"b"]`},
		{"path with bracket comma", `States.Array($.a[0,1], $['x,y'])`, `{"a":[1,2,3],"x,y":"z"}`, `[[1,2],"z"]`},
		{"path with filter", `States.ArrayLength($.a[?(@.n > 1)])`, `{"a":[{"n":1},{"n":2},{"n":3}]}`, `2`},
		{"partition exact", `States.ArrayPartition($.a, 2)`, `{"a":[1,2,3,4]}`, `[[1,2],[3,4]]`},
		{"partition empty", `States.ArrayPartition($.a, 2)`, `{"a":[]}`, `[]`},
		{"contains object", `States.ArrayContains($.a, $.v)`, `{"a":[1,{"k":[1,2]}],"v":{"k":[1,2]}}`, `true`},
		{"contains number by value", `States.ArrayContains($.a, 1.0)`, `{"a":[1]}`, `true`},
		{"contains missing", `States.ArrayContains($.a, 'x')`, `{"a":["y"]}`, `false`},
		{"range descending", `States.ArrayRange(5, 1, -2)`, `{}`, `[5,3,1]`},
		{"range empty", `States.ArrayRange(5, 1, 2)`, `{}`, `[]`},
		{"range 1000", `States.ArrayLength(States.ArrayRange(1, 1000, 1))`, `{}`, `1000`},
		{"unique mixed", `States.ArrayUnique($.a)`, `{"a":["1",1,1.0,{"a":1},{"a":1},null,null,true]}`, `["1",1,{"a":1},null,true]`},
		{"hash md5", `States.Hash('abc', 'MD5')`, `{}`, `"900150983cd24fb0d6963f7d28e17f72"`},
		{"hash sha256", `States.Hash('abc', 'SHA-256')`, `{}`, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`},
		{"hash sha384", `States.Hash('abc', 'SHA-384')`, `{}`, `"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"`},
		{"hash sha512", `States.Hash('abc', 'SHA-512')`, `{}`, `"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"`},
		{"base64 round trip", `States.Base64Decode(States.Base64Encode('héllo'))`, `{}`, `"héllo"`},
		{"string to json scalar", `States.StringToJson('42')`, `{}`, `42`},
		{"json to string sorted, no html escape", `States.JsonToString($)`, `{"b":"<&>","a":[1.0]}`, `"{\"a\":[1.0],\"b\":\"<&>\"}"`},
		{"merge overrides", `States.JsonMerge($.a, $.b, false)`, `{"a":{"x":1,"y":1},"b":{"y":2}}`, `{"x":1,"y":2}`},
		{"math add rounds", `States.MathAdd(1.6, 2)`, `{}`, `4`},
		{"math add rounds halves up", `States.MathAdd(2.5, -2.5)`, `{}`, `1`},
		{"random rounds bounds", `States.MathRandom(9.6, 12.4)`, `{}`, `11`},
		{"math add extremes", `States.MathAdd(2147483647, 1)`, `{}`, `2147483648`},
		{"random uses env", `States.MathRandom(10, 20)`, `{}`, `15`},
		{"uuid uses env", `States.UUID()`, `{}`, `"11111111-2222-4333-8444-555555555555"`},
		{"split drops empty", `States.StringSplit('a,,b,', ',')`, `{}`, `["a","b"]`},
		{"split no delimiter found", `States.StringSplit('abc', ';')`, `{}`, `["abc"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Eval(tt.expr, decode(t, tt.input), decode(t, ctx), fixedEnv())
			if err != nil {
				t.Fatalf("Eval(%s): %v", tt.expr, err)
			}
			if g := encode(t, got); g != tt.want {
				t.Errorf("Eval(%s) = %s, want %s", tt.expr, g, tt.want)
			}
		})
	}
}

func TestEvalErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr, input, wantErr string
	}{
		{"unknown function", `States.Nope(1)`, `{}`, "unknown function"},
		{"not a call", `$.a`, `{}`, "unknown function"},
		{"trailing text", `States.UUID() x`, `{}`, "unexpected text"},
		{"unterminated", `States.Array('a`, `{}`, "unterminated"},
		{"open escape", `States.Format('a\nb')`, `{}`, "open escape"},
		{"missing paren", `States.Array(1, 2`, `{}`, "expected ',' or ')'"},
		{"arity", `States.ArrayLength()`, `{}`, "takes 1 argument"},
		{"arity random", `States.MathRandom(1)`, `{}`, "takes at least 2"},
		{"format count literal", `States.Format('{} {}', 1)`, `{}`, "2 {} placeholder(s) but 1 value"},
		{"format count path", `States.Format($.t, 1)`, `{"t":"none"}`, "0 {} placeholder(s) but 1 value"},
		{"format template not string", `States.Format($.t)`, `{"t":1}`, "first argument must be a string"},
		{"missing path", `States.Array($.missing)`, `{}`, "could not be found"},
		{"bad path", `States.Array($.a[)`, `{}`, "invalid"},
		{"json to string literal", `States.JsonToString('x')`, `{}`, "must be a path"},
		{"string to json bad", `States.StringToJson('{')`, `{}`, "not valid JSON"},
		{"string to json two values", `States.StringToJson('1 2')`, `{}`, "more than one"},
		{"partition zero", `States.ArrayPartition($.a, 0)`, `{"a":[1]}`, "positive"},
		{"partition fraction", `States.ArrayPartition($.a, 1.5)`, `{"a":[1]}`, "must be an integer"},
		{"partition not array", `States.ArrayPartition('a', 1)`, `{}`, "must be an array"},
		{"range too many", `States.ArrayRange(1, 1001, 1)`, `{}`, "1001 items, more than the 1000"},
		{"range zero step", `States.ArrayRange(1, 2, 0)`, `{}`, "must not be 0"},
		{"range not integer", `States.ArrayRange(1.5, 2, 1)`, `{}`, "must be an integer"},
		{"get item out of range", `States.ArrayGetItem($.a, 3)`, `{"a":[1]}`, "out of bounds"},
		{"get item negative", `States.ArrayGetItem($.a, -1)`, `{"a":[1]}`, "out of bounds"},
		{"length not array", `States.ArrayLength($.a)`, `{"a":"x"}`, "must be an array, got a string"},
		{"hash algorithm", `States.Hash('a', 'SHA-999')`, `{}`, "not one of MD5"},
		{"hash too long", `States.Hash($.s, 'MD5')`, `{"s":"` + strings.Repeat("é", 10001) + `"}`, "10001 characters"},
		{"hash not string", `States.Hash($.s, 'MD5')`, `{"s":1}`, "must be a string"},
		{"base64 too long", `States.Base64Encode($.s)`, `{"s":"` + strings.Repeat("a", 10001) + `"}`, "more than the 10000 allowed"},
		{"base64 invalid", `States.Base64Decode('!!!')`, `{}`, "not valid base64"},
		{"merge deep", `States.JsonMerge($.a, $.a, true)`, `{"a":{}}`, "deep merge is not supported"},
		{"merge not object", `States.JsonMerge($.a, 1, false)`, `{"a":{}}`, "second argument must be a JSON object"},
		{"merge flag not bool", `States.JsonMerge($.a, $.a, 'no')`, `{"a":{}}`, "third argument must be a boolean"},
		{"add out of range", `States.MathAdd(2147483648, 1)`, `{}`, "outside"},
		{"add not number", `States.MathAdd('1', 1)`, `{}`, "must be an integer"},
		{"random empty range", `States.MathRandom(5, 5)`, `{}`, "greater than the start"},
		{"split not string", `States.StringSplit(1, ',')`, `{}`, "must be a string"},
		{"nested too deep", strings.Repeat("States.Array(", 12) + strings.Repeat(")", 12), `{}`, "nested"},
		{"bad number", `States.Array(1.2.3)`, `{}`, "bad number"},
		{"error names function", `States.ArrayLength(States.ArrayGetItem($.a, 9))`, `{"a":[]}`, "States.ArrayGetItem: index 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Eval(tt.expr, decode(t, tt.input), nil, fixedEnv())
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Eval(%.60s) = %v, %v; want an error mentioning %q", tt.expr, got, err, tt.wantErr)
			}
		})
	}
}

func TestIsIntrinsic(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"States.Format('x')", true},
		{"States.UUID()", true},
		{" States.Array($.a) ", true},
		{"$.a", false},
		{"States.", false},
		{"States.Format", false},
		{"States.Format ('x')", false},
		{"Statesx.Format('x')", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsIntrinsic(tt.in); got != tt.want {
			t.Errorf("IsIntrinsic(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
