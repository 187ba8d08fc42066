package jsonpath

import (
	"errors"
	"testing"
)

var fuzzPaths = []string{
	"$", "$$", "$.a", "$.a.b[0]", "$['a']['b c']", "$.a[-1]", "$[*]", "$.*", "$..x",
	"$..[0]", "$[0:2]", "$[::-1]", "$[0,1]", "$['a','b']", "$[?(@.p < 10)]",
	"$[?(@.a == 'x' && @.b || !@.c)]", "$[?(@.s =~ /a.*/i)]", "$[?((@.a))]",
	"$$.Execution.Input", `$["q\"x"]`, "$[?(@.a[?(@.b)])]", "$['',",
}

func FuzzCompile(f *testing.F) {
	for _, p := range fuzzPaths {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, path string) {
		p, err := Compile(path)
		if err != nil {
			return
		}
		if p.String() != path {
			t.Errorf("String() = %q, want %q", p.String(), path)
		}
	})
}

func FuzzGet(f *testing.F) {
	docs := []string{
		`{"a":{"b":[1,2,{"c":"x"}]},"p":5,"s":"abc"}`,
		`[{"p":1},{"p":"2"},null,[true]]`,
		`"scalar"`,
		`null`,
	}
	for i, p := range fuzzPaths {
		f.Add(p, docs[i%len(docs)])
	}
	f.Fuzz(func(t *testing.T, path, docJSON string) {
		p, err := Compile(path)
		if err != nil {
			return
		}
		doc := decodeOrNil(docJSON)
		got, err := p.Get(doc)
		if err != nil {
			if !p.IsDefinite() || !errors.Is(err, ErrNoMatch) {
				t.Fatalf("Get(%q) unexpected error %v", path, err)
			}
			return
		}
		if !p.IsDefinite() {
			if _, ok := got.([]any); !ok {
				t.Fatalf("Get(%q) on an indefinite path = %T, want []any", path, got)
			}
			return
		}
		if _, err := p.Set(doc, "v"); err != nil {
			return
		}
	})
}
