package jsonpath

import (
	"strings"
	"testing"
)

func TestSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, doc, path, value, want string
	}{
		{"replace root", `{"a":1}`, "$", `{"b":2}`, `{"b":2}`},
		{"replace root of scalar", `"x"`, "$", `3`, `3`},
		{"add member", `{"a":1}`, "$.b", `2`, `{"a":1,"b":2}`},
		{"overwrite member", `{"a":1}`, "$.a", `[1]`, `{"a":[1]}`},
		{"create parents", `{"a":1}`, "$.x.y.z", `true`, `{"a":1,"x":{"y":{"z":true}}}`},
		{"into existing object", `{"a":{"k":1}}`, "$.a.b", `null`, `{"a":{"b":null,"k":1}}`},
		{"bracket name", `{}`, "$['a b']", `1`, `{"a b":1}`},
		{"array element", `{"a":[1,2,3]}`, "$.a[1]", `"x"`, `{"a":[1,"x",3]}`},
		{"negative index", `{"a":[1,2,3]}`, "$.a[-1]", `0`, `{"a":[1,2,0]}`},
		{"inside array element", `{"a":[{"b":1}]}`, "$.a[0].c", `2`, `{"a":[{"b":1,"c":2}]}`},
		{"context path", `{"a":1}`, "$$.b", `2`, `{"a":1,"b":2}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := decode(t, tt.doc)
			before := encode(t, doc)
			got, err := Set(doc, tt.path, decode(t, tt.value))
			if err != nil {
				t.Fatalf("Set(%s, %q): %v", tt.doc, tt.path, err)
			}
			if g := encode(t, got); g != tt.want {
				t.Errorf("Set(%s, %q) = %s, want %s", tt.doc, tt.path, g, tt.want)
			}
			if after := encode(t, doc); after != before {
				t.Errorf("Set modified its input: %s became %s", before, after)
			}
		})
	}
}

func TestSetErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, doc, path, wantErr string
	}{
		{"through string", `{"a":"s"}`, "$.a.b", "is a string, not an object"},
		{"through array by name", `{"a":[1]}`, "$.a.b", "is an array, not an object"},
		{"scalar root", `5`, "$.a", "is a number, not an object"},
		{"null root", `null`, "$.a", "is null, not an object"},
		{"index on object", `{"a":{}}`, "$.a[0]", "is an object, not an array"},
		{"index out of range", `{"a":[1]}`, "$.a[3]", "out of range"},
		{"missing array", `{}`, "$.a[0]", "does not exist"},
		{"not reference", `{"a":[1]}`, "$.a[*]", "not a reference path"},
		{"bad syntax", `{}`, "$.a[", "invalid JSONPath"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Set(decode(t, tt.doc), tt.path, "v")
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Set(%s, %q) error = %v, want it to mention %q", tt.doc, tt.path, err, tt.wantErr)
			}
		})
	}
}
