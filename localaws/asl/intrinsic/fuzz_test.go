package intrinsic

import "testing"

func FuzzEval(f *testing.F) {
	for _, s := range []string{
		"States.Format('Hello {}', $.name)",
		`States.Format('\{\} \\ \'', 1, true, null)`,
		"States.Array($.a[0,1], $['x,y'], $$.Execution.Id, States.UUID())",
		"States.ArrayRange(1, 9, 2)",
		"States.ArrayPartition($.a, 2)",
		"States.Hash($.name, 'SHA-256')",
		"States.JsonMerge($.o, $.o, false)",
		"States.MathRandom(1, 5, 3)",
		"States.StringSplit('a,b', ',')",
		"States.JsonToString($)",
		"States.StringToJson('[1,{}]')",
		"States.ArrayLength($.a[?(@ > 1)])",
		"States.Base64Decode(States.Base64Encode('x'))",
	} {
		f.Add(s)
	}
	input := map[string]any{"name": "n", "a": []any{"1", "2"}, "o": map[string]any{}}
	f.Fuzz(func(t *testing.T, expr string) {
		e, err := Compile(expr)
		if err != nil {
			return
		}
		if !IsIntrinsic(expr) {
			t.Errorf("Compile accepted %q but IsIntrinsic says it is not an intrinsic", expr)
		}
		_, _ = e.Eval(input, input, fixedEnv()) // must not panic
	})
}
