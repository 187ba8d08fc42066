package jsonata

import (
	"errors"
	"testing"
)

// FuzzCompile feeds arbitrary text to the parser and, when it compiles,
// to the evaluator: neither may panic (a recovered panic surfaces as
// U1002) nor run away.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"Account.Order[0].Product{`Product Name`: Price}", "$sum(a.(b * c))", "[1..5][$ > 2]", "a ? b : c",
		"($x := function($y){ $y + 1 }; $x(2))", "$map([1,2], function($v, $i){ $v & $i })", "a^(>b, c).d",
		"/ab+c/i", "$replace('x', /x/, '$0$1$$')", "{ 'a': [1, {'b': 2}] }.a[1].b", "$string(1e21)", "**.x", "*",
		"$f(?, 1)", "x ~> $uppercase ~> $trim", "a[]", "a.b[0][1]", "'\\u00e9\\ud83d\\ude00'", "$$.a", "1 = '1' and 2 or 3",
		"$reduce([1,2,3], function($a, $b){ $a + $b }, 0)", "$partition([1,2,3], 2)", "(", "[1,", "$", "λ($x){$x}",
		// The binding operators and the transform.
		"a.b@$x.n#$i[$i>0].{'x': $x, 'i': $i}", "Account.Order.Product.%.%.x", "a.b[%.x = 1]", "(a.b).%", "%",
		"n^(>$)#$r[0]", "a@$x{$string($x): $}", "$ ~> |a.b|{'z': 1}, ['c']|", "|a|{}|($)", "$ ~> |a|{'s': $}|",
		"$clone(a)", "a.b@$x@$y#$i#$j", "a#$i^($)@$x",
	} {
		f.Add(s)
	}
	input, err := ParseJSON(`{"a":{"b":[1,2,{"c":"x"}]},"x":"y","n":[3,1,2],"Account":{"Order":[{"Product":[{"Price":1}]}]}}`)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Compile(src)
		if err != nil {
			var je *Error
			if !errors.As(err, &je) {
				t.Fatalf("Compile(%q) error %T is not *Error", src, err)
			}
			return
		}
		_, _, err = e.Evaluate(input, nil, &Options{StepFunctions: true, MaxDepth: 200})
		var je *Error
		if errors.As(err, &je) && je.Code == "U1002" {
			t.Fatalf("Evaluate(%q) panicked", src)
		}
	})
}
