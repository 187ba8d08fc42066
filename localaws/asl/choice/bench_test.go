package choice

import "testing"

func BenchmarkParseMatch(b *testing.B) {
	rule := decodeRule(b, `{"Variable":"$.card.sealed","IsPresent":true,"Next":"Charge"}`)
	input := decode(b, `{"orderId":"o-1","card":{"sealed":"AQID"}}`)
	b.ReportAllocs()
	for b.Loop() {
		r, err := Parse(rule, "/States/Check/Choices/0")
		if err != nil {
			b.Fatal(err)
		}
		if ok, err := r.Match(input); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	rule := decodeRule(b, `{"And":[{"Variable":"$.amount","NumericGreaterThan":0},{"Variable":"$.currency","StringEquals":"EUR"}],"Next":"Charge"}`)
	input := decode(b, `{"amount":1250,"currency":"EUR"}`)
	r, err := Parse(rule, "/States/Check/Choices/0")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := r.Match(input); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}
