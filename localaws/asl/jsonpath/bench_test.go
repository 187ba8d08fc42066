package jsonpath

import "testing"

func BenchmarkCompileGet(b *testing.B) {
	doc := decode(b, storeDoc)
	b.ReportAllocs()
	for b.Loop() {
		p, err := Compile("$.store.book[1].author")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Get(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGetDefinite(b *testing.B) {
	doc := decode(b, storeDoc)
	p, err := Compile("$.store.book[1].author")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Get(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGetFilter(b *testing.B) {
	doc := decode(b, storeDoc)
	p, err := Compile("$.store.book[?(@.price < 10)].title")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Get(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSet(b *testing.B) {
	doc := decode(b, storeDoc)
	p, err := Compile("$.result.value")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Set(doc, "x"); err != nil {
			b.Fatal(err)
		}
	}
}
