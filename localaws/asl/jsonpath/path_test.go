package jsonpath

import (
	"errors"
	"testing"
)

func TestGetDefinite(t *testing.T) {
	t.Parallel()
	doc := decode(t, storeDoc)
	tests := []struct {
		name, path, want string
	}{
		{"root", "$", ""},
		{"context root", "$$.expensive", `10`},
		{"dot", "$.store.bicycle.color", `"red"`},
		{"bracket", "$['store']['bicycle']['price']", `19.95`},
		{"double quotes", `$["expensive"]`, `10`},
		{"index", "$.store.book[1].author", `"Evelyn Waugh"`},
		{"negative index", "$.store.book[-1].title", `"The Lord of the Rings"`},
		{"space in key", "$['weird keys']['a b']", `1`},
		{"escaped quote", `$['weird keys']['it\'s']`, `2`},
		{"dot in key", "$['weird keys']['x.y']", `3`},
		{"null element", "$.flags[2]", `null`},
		{"false element", "$.flags[1]", `false`},
		{"mixed", "$.store['book'][0]['price']", `8.95`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := Compile(tt.path)
			if err != nil {
				t.Fatalf("Compile(%q): %v", tt.path, err)
			}
			if !p.IsDefinite() {
				t.Errorf("IsDefinite(%q) = false, want true", tt.path)
			}
			got, err := p.Get(doc)
			if err != nil {
				t.Fatalf("Get(%q): %v", tt.path, err)
			}
			want := tt.want
			if want == "" {
				want = encode(t, doc)
			}
			if g := encode(t, got); g != want {
				t.Errorf("Get(%q) = %s, want %s", tt.path, g, want)
			}
		})
	}
}

func TestGetIndefinite(t *testing.T) {
	t.Parallel()
	doc := decode(t, storeDoc)
	tests := []struct {
		name, path, want string
	}{
		{"wildcard bracket", "$.store.book[*].author", `["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]`},
		{"wildcard dot on object", "$.store.bicycle.*", `["red",19.95]`},
		{"recursive", "$..author", `["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]`},
		{"recursive price", "$.store..price", `[19.95,8.95,12.99,8.99,22.99]`},
		{"recursive bracket index", "$..book[2].title", `["Moby Dick"]`},
		{"slice", "$.store.book[0:2].price", `[8.95,12.99]`},
		{"slice open end", "$.store.book[2:].price", `[8.99,22.99]`},
		{"slice open start", "$.store.book[:1].price", `[8.95]`},
		{"slice negative", "$.store.book[-2:].price", `[8.99,22.99]`},
		{"slice step", "$.store.book[::2].price", `[8.95,8.99]`},
		{"slice reverse", "$.store.book[::-1].price", `[22.99,8.99,12.99,8.95]`},
		{"index union", "$.store.book[0,3].price", `[8.95,22.99]`},
		{"name union", "$.store.bicycle['color','price']", `["red",19.95]`},
		{"filter less", "$.store.book[?(@.price < 10)].title", `["Sayings of the Century","Moby Dick"]`},
		{"filter root ref", "$.store.book[?(@.price > $.expensive)].price", `[12.99,22.99]`},
		{"filter string eq", "$.store.book[?(@.category == 'reference')].author", `["Nigel Rees"]`},
		{"filter string ne", `$.store.book[?(@.category != "fiction")].author`, `["Nigel Rees"]`},
		{"filter exists", "$..book[?(@.isbn)].title", `["Moby Dick","The Lord of the Rings"]`},
		{"filter not exists", "$..book[?(!@.isbn)].title", `["Sayings of the Century","Sword of Honour"]`},
		{"filter and", "$.store.book[?(@.category == 'fiction' && @.price < 10)].title", `["Moby Dick"]`},
		{"filter or", "$.store.book[?(@.price < 9 || @.price > 20)].price", `[8.95,8.99,22.99]`},
		{"filter parens", "$.store.book[?((@.price < 9 || @.price > 20) && @.isbn)].price", `[8.99,22.99]`},
		{"filter bool", "$.flags[?(@ == true)]", `[true]`},
		{"filter null", "$.flags[?(@ == null)]", `[null]`},
		{"filter ge le", "$.store.book[?(@.price >= 8.99 && @.price <= 12.99)].price", `[12.99,8.99]`},
		{"filter string order", "$.store.book[?(@.author > 'I')].author", `["Nigel Rees","J. R. R. Tolkien"]`},
		{"filter type mismatch", "$.store.book[?(@.price == '8.95')]", `[]`},
		{"filter regex", "$.store.book[?(@.author =~ /.*melville/i)].title", `["Moby Dick"]`},
		{"filter on object", "$.store.bicycle[?(@.color == 'red')].price", `[19.95]`},
		{"no match", "$.store.book[*].publisher", `[]`},
		{"missing parent", "$.nothing[*]", `[]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := Compile(tt.path)
			if err != nil {
				t.Fatalf("Compile(%q): %v", tt.path, err)
			}
			if p.IsDefinite() {
				t.Errorf("IsDefinite(%q) = true, want false", tt.path)
			}
			got, err := p.Get(doc)
			if err != nil {
				t.Fatalf("Get(%q): %v", tt.path, err)
			}
			if g := encode(t, got); g != tt.want {
				t.Errorf("Get(%q) = %s, want %s", tt.path, g, tt.want)
			}
		})
	}
}

func TestGetNoMatch(t *testing.T) {
	t.Parallel()
	doc := decode(t, storeDoc)
	for _, path := range []string{
		"$.missing", "$.store.book[4]", "$.store.book[-5]", "$.expensive.x",
		"$.store.book.x", "$.store[0]", "$.flags[2].x",
	} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			p, err := Compile(path)
			if err != nil {
				t.Fatalf("Compile(%q): %v", path, err)
			}
			_, err = p.Get(doc)
			if !errors.Is(err, ErrNoMatch) {
				t.Errorf("Get(%q) error = %v, want ErrNoMatch", path, err)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	t.Parallel()
	for _, path := range []string{
		"", "a.b", "$.", "$..", "$[", "$[]", "$['a'", "$['a]", "$.a b", "$[0", "$[a]",
		"$[?(@.a <)]", "$[?(@.a == 1]", "$[?()]", "$[?(1)]", "$[?(@.a =~ /(/)]",
		"$[1,]", "$.a]", "$[0:1:]x", "$[99999999999999999999]", "$['\\u12']",
	} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			if p, err := Compile(path); err == nil {
				t.Errorf("Compile(%q) = %v, want an error", path, p.segs)
			}
		})
	}
}

func TestGetDoesNotNeedUseNumber(t *testing.T) {
	t.Parallel()
	doc := map[string]any{"items": []any{map[string]any{"n": 1.5}, map[string]any{"n": 3}}}
	p, err := Compile("$.items[?(@.n > 2)].n")
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Get(doc)
	if err != nil {
		t.Fatal(err)
	}
	if g := encode(t, got); g != "[3]" {
		t.Errorf("Get = %s, want [3]", g)
	}
}
