package intrinsic

import "testing"

func BenchmarkEvalFormat(b *testing.B) {
	input := decode(b, `{"order":{"id":"o-1","amount":1250}}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Eval("States.Format('order {} for {}', $.order.id, $.order.amount)", input, nil, Env{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompiledFormat(b *testing.B) {
	input := decode(b, `{"order":{"id":"o-1","amount":1250}}`)
	e, err := Compile("States.Format('order {} for {}', $.order.id, $.order.amount)")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Eval(input, nil, Env{}); err != nil {
			b.Fatal(err)
		}
	}
}
