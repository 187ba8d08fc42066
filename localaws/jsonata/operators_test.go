package jsonata

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const libraryJSON = `{"library": {
 "books": [
  {"title": "SICP", "isbn": "0262510871", "price": 38.9},
  {"title": "K&R", "isbn": "0131103628", "price": 42.5},
  {"title": "AWK", "isbn": "020107981X", "price": 31.2}
 ],
 "loans": [
  {"customer": "10001", "isbn": "0262510871"},
  {"customer": "10003", "isbn": "020107981X"},
  {"customer": "10001", "isbn": "0131103628"}
 ]
}}`

// TestBindingOperators checks the transform (| |), parent (%), focus (@)
// and index (#) operators. Each expectation is the output of the
// reference implementation, npm jsonata 2.0.6, for the same expression
// and input (recorded by hand with node; the differential test holds many
// more such cases).
func TestBindingOperators(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr string
		want       string // JSON; "" means undefined
		wantCode   string
	}{
		{"join with focus bindings", `library.loans@$l.books@$b[$l.isbn=$b.isbn].{"t": $b.title, "c": $l.customer}`,
			`[{"t":"SICP","c":"10001"},{"t":"AWK","c":"10003"},{"t":"K&R","c":"10001"}]`, ""},
		{"focus keeps the context", `library.books@$b.loans[0].customer`, `"10001"`, ""},
		{"index counts per input value", `library.books#$i.{"i": $i, "t": title}`,
			`[{"i":0,"t":"SICP"},{"i":1,"t":"K&R"},{"i":2,"t":"AWK"}]`, ""},
		{"index before a filter numbers the input", `library.books#$i[price>35].$i`, `[0,1]`, ""},
		{"index after a filter numbers the output", `library.books[price>35]#$i.$i`, `[0,1]`, ""},
		{"index after order-by", `library.books^(price)#$r.{"r": $r, "t": title}`,
			`[{"r":0,"t":"AWK"},{"r":1,"t":"SICP"},{"r":2,"t":"K&R"}]`, ""},
		{"group-by over bindings", `library.loans@$l.books@$b[$l.isbn=$b.isbn]{$l.customer: $b.title}`,
			`{"10001":["SICP","K&R"],"10003":"AWK"}`, ""},
		{"parent", `library.books.%.loans[1].customer`, `"10003"`, ""},
		{"parent in a predicate", `library.loans[%.books[0].isbn = isbn].customer`, `"10001"`, ""},
		{"grandparent", `library.books.title.%.%.loans[0].customer`, `"10001"`, ""},
		{"parent at the top", `%.a`, "", "S0217"},
		{"parent beyond the path", `library.books.%.%.%`, "", "S0217"},
		{"focus after a predicate", `library.books[0]@$b`, "", "S0215"},
		{"focus after order-by", `library.books^(price)@$b`, "", "S0216"},
		{"binding to a non-variable", `library.books#i`, "", "S0214"},
		{"transform", `library ~> |books[price > 40]|{"dear": true}, "isbn"|`,
			`{"books":[{"title":"SICP","isbn":"0262510871","price":38.9},{"title":"K&R","price":42.5,"dear":true},` +
				`{"title":"AWK","isbn":"020107981X","price":31.2}],"loans":[{"customer":"10001","isbn":"0262510871"},` +
				`{"customer":"10003","isbn":"020107981X"},{"customer":"10001","isbn":"0131103628"}]}`, ""},
		{"transform called directly", `|books|{}, "isbn"|(library).books.isbn`, "", ""},
		{"transform update not an object", `library ~> |books|5|`, "", "T2011"},
		{"transform delete not strings", `library ~> |books|{}, 5|`, "", "T2012"},
		{"transform with $clone rebound", `($clone := 1; library ~> |books|{}|)`, "", "T2013"},
		{"transform of a string field", `library ~> |books.title|{"x": 1}|`, "", ""},
		// The reference implementation builds the object that contains
		// itself and then fails to write it out ("Converting circular
		// structure to JSON"); this one refuses to build it.
		{"transform that would make a cycle", `library ~> |books[0]|{"self": $}|`, "", ""},
	}
	input, err := ParseJSON(libraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := Compile(tc.expr)
			var got any
			defined := false
			if err == nil {
				got, defined, err = e.Evaluate(input, nil, nil)
			}
			if tc.name == "transform of a string field" {
				// JavaScript's TypeError, passed on without a code.
				var je *Error
				if !errors.As(err, &je) || je.Message != "Cannot create property 'x' on string 'SICP'" {
					t.Fatalf("err = %v, want the TypeError of the reference implementation", err)
				}
				return
			}
			if tc.name == "transform that would make a cycle" {
				var je *Error
				if !errors.As(err, &je) || !strings.HasPrefix(je.Message, "Converting circular structure to JSON") {
					t.Fatalf("err = %v, want the circular-structure error", err)
				}
				return
			}
			if tc.wantCode != "" {
				var je *Error
				if !errors.As(err, &je) || je.Code != tc.wantCode {
					t.Fatalf("err = %v, want %s", err, tc.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				if defined {
					t.Fatalf("got %v, want undefined", got)
				}
				return
			}
			var want any
			if err := json.Unmarshal([]byte(tc.want), &want); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			var have any
			if err := json.Unmarshal(b, &have); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, have); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.expr, d)
			}
		})
	}
}

// TestTransformLeavesInputAlone runs one compiled transform from many
// goroutines over one shared input: each gets the changed copy and the
// input stays as it was.
func TestTransformLeavesInputAlone(t *testing.T) {
	t.Parallel()
	input, err := ParseJSON(libraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	before, _, err := mustCompile(t, `$`).Evaluate(input, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := mustCompile(t, `$ ~> |library.books|{"title": $lowercase(title)}, "isbn"| ~> |library.loans#$i|{}, "customer"|`)
	want := `{"library":{"books":[{"title":"sicp","price":38.9},{"title":"k&r","price":42.5},{"title":"awk","price":31.2}],` +
		`"loans":[{"isbn":"0262510871"},{"isbn":"020107981X"},{"isbn":"0131103628"}]}}`
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, _, err := e.Evaluate(input, nil, nil)
			if err != nil {
				errs <- err
				return
			}
			b, _ := json.Marshal(got)
			var have, w any
			_ = json.Unmarshal(b, &have)
			_ = json.Unmarshal([]byte(want), &w)
			if d := cmp.Diff(w, have); d != "" {
				errs <- errors.New("transform result (-want +got):\n" + d)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	after, _, err := mustCompile(t, `$`).Evaluate(input, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(before, after); d != "" {
		t.Errorf("the transform changed its input (-before +after):\n%s", d)
	}
}

func mustCompile(tb testing.TB, src string) *Expr {
	tb.Helper()
	e, err := Compile(src)
	if err != nil {
		tb.Fatalf("Compile(%q): %v", src, err)
	}
	return e
}
