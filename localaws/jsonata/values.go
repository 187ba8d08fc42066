package jsonata

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Values inside an evaluation are: nil for undefined (no value), null{}
// for JSON null, bool, float64, string, *array, *object and the function
// types. Objects keep their keys' insertion order, as JSONata's do.

type null struct{}

// array is a JSON array or a JSONata sequence. A sequence is a result of
// path navigation: it unwraps when it holds a single value, unless
// keepSingleton is set ([] after a path step); cons marks an array built
// by an array constructor, which path navigation does not flatten.
type array struct {
	items         []any
	sequence      bool
	keepSingleton bool
	cons          bool
	outerWrapper  bool
	// tupleStream marks a stream of tuples (eval_tuple.go): each item is
	// an *object holding the context under "@" and the bindings made
	// along the path.
	tupleStream bool
}

func seqOf(items ...any) *array { return &array{items: items, sequence: true} }

// object is a JSON object keeping its keys in insertion order.
type object struct {
	keys []string
	vals map[string]any
}

func newObject(n int) *object {
	return &object{keys: make([]string, 0, n), vals: make(map[string]any, n)}
}

func (o *object) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

// del removes k, keeping the order of the other keys.
func (o *object) del(k string) {
	if _, ok := o.vals[k]; !ok {
		return
	}
	delete(o.vals, k)
	keys := make([]string, 0, len(o.keys)-1)
	for _, x := range o.keys {
		if x != k {
			keys = append(keys, x)
		}
	}
	o.keys = keys
}

func (o *object) get(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

// regex is a compiled regular expression literal.
type regex struct {
	re  *regexp.Regexp
	src string
}

// compileRegex compiles a JSONata regex on Go's RE2 with its flags.
func compileRegex(pattern, flags string) (*regex, error) {
	prefix := ""
	if strings.Contains(flags, "i") {
		prefix += "i"
	}
	if strings.Contains(flags, "m") {
		prefix += "m"
	}
	src := pattern
	if prefix != "" {
		src = "(?" + prefix + ")" + pattern
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	return &regex{re: re, src: pattern}, nil
}

// FromJSON converts a decoded JSON value (nil, bool, string, float64,
// json.Number, []any, map[string]any) into an evaluation value. Object
// keys of a Go map come out sorted, since a map keeps no order.
func FromJSON(v any) any {
	switch x := v.(type) {
	case nil:
		return null{}
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return string(x)
		}
		return f
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = FromJSON(e)
		}
		return &array{items: out}
	case map[string]any:
		o := newObject(len(x))
		for _, k := range sortedKeys(x) {
			o.set(k, FromJSON(x[k]))
		}
		return o
	}
	return v
}

// toJSON converts an evaluation value into a decoded JSON value: nil for
// null, json.Number for numbers (written as JavaScript writes them),
// []any and map[string]any. Non-finite numbers become the strings
// JavaScript names them by, as Step Functions writes them. Functions
// become "" in objects and arrays, as JSON.stringify leaves them out.
func toJSON(v any) any {
	switch x := v.(type) {
	case nil, null:
		return nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return jsNumber(x)
		}
		return json.Number(jsNumber(x))
	case *array:
		out := make([]any, 0, len(x.items))
		for _, e := range x.items {
			if isFunction(e) {
				out = append(out, nil)
				continue
			}
			out = append(out, toJSON(e))
		}
		return out
	case *object:
		out := make(map[string]any, len(x.keys))
		for _, k := range x.keys {
			e := x.vals[k]
			if e == nil || isFunction(e) {
				continue
			}
			out[k] = toJSON(e)
		}
		return out
	case callable:
		return ""
	}
	return v
}

// jsNumber writes a number as JavaScript's Number.prototype.toString does.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddddde±XX
	mant, expStr, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expStr)
	n := exp + 1 // position of the decimal point
	k := len(digits)
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	es := "+"
	if n-1 < 0 {
		es = "-"
	}
	m := digits[:1]
	if k > 1 {
		m += "." + digits[1:]
	}
	return sign + m + "e" + es + strconv.Itoa(abs(n-1))
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// precision15 rounds a number to 15 significant digits, as $string does.
func precision15(f float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'e', 14, 64), 64)
	if err != nil {
		return f
	}
	return r
}

// truthy is JSONata's boolean cast ($boolean); undefined is false.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil, null:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case float64:
		return x != 0
	case *array:
		if len(x.items) == 1 {
			return truthy(x.items[0])
		}
		for _, e := range x.items {
			if truthy(e) {
				return true
			}
		}
		return false
	case *object:
		return len(x.keys) > 0
	}
	return false
}

// deepEqual is JSONata's = on two defined values.
func deepEqual(a, b any) bool {
	switch x := a.(type) {
	case null:
		_, ok := b.(null)
		return ok
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case *array:
		y, ok := b.(*array)
		if !ok || len(x.items) != len(y.items) {
			return false
		}
		for i := range x.items {
			if !deepEqual(x.items[i], y.items[i]) {
				return false
			}
		}
		return true
	case *object:
		y, ok := b.(*object)
		if !ok || len(x.keys) != len(y.keys) {
			return false
		}
		for k, v := range x.vals {
			w, ok := y.vals[k]
			if !ok || !deepEqual(v, w) {
				return false
			}
		}
		return true
	}
	return a == b
}

// typeName is $type's answer.
func typeName(v any) string {
	switch v.(type) {
	case null:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case *array:
		return "array"
	case *object:
		return "object"
	case callable:
		return "function"
	}
	return ""
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
