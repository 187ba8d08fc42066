package snslocal

import (
	"encoding/json"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// value is one matchable value of a message attribute or body field.
type value struct {
	kind valueKind
	s    string
	n    float64
	b    bool
}

type valueKind int

const (
	kindString valueKind = iota + 1
	kindNumber
	kindBool
	kindNull
)

// attributeValues turns a message attribute into matchable values: String
// as a string, Number as a number, String.Array as its elements. Binary
// attributes are never matched, as in AWS. A String.Array that is not a
// JSON array is one value: a JSON scalar as such, anything else as a
// string, so "100" matches 100 and "one hundred" does not (moto's
// test_filtering_string_array_with_number_no_array_match and
// _with_string_no_array_no_match, written in 2019 as "the correct behavior
// from SNS"; not marked AWS-verified).
func attributeValues(a MessageAttribute) []value {
	base, _, _ := strings.Cut(a.DataType, ".")
	switch {
	case strings.HasPrefix(a.DataType, "String.Array"):
		var doc any
		dec := json.NewDecoder(strings.NewReader(a.StringValue))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil || dec.More() {
			return []value{{kind: kindString, s: a.StringValue}}
		}
		return jsonValues(doc) // an array's elements, or the scalar
	case base == "String":
		return []value{{kind: kindString, s: a.StringValue}}
	case base == "Number":
		n, err := strconv.ParseFloat(a.StringValue, 64)
		if err != nil {
			return nil
		}
		return []value{numberValue(n)}
	}
	return nil
}

// numberValue is a number as filter policies compare it: to five decimal
// places, as AWS documents, so 1.000001 equals 1.
func numberValue(n float64) value { return value{kind: kindNumber, n: fixed(n)} }

// fixed scales n to a whole number of hundred-thousandths.
func fixed(n float64) float64 { return math.Round(n * 1e5) }

// jsonValues turns a decoded JSON value into matchable values; arrays
// contribute each scalar element.
func jsonValues(v any) []value {
	switch v := v.(type) {
	case string:
		return []value{{kind: kindString, s: v}}
	case json.Number:
		n, err := v.Float64()
		if err != nil {
			return nil
		}
		return []value{numberValue(n)}
	case bool:
		return []value{{kind: kindBool, b: v}}
	case nil:
		return []value{{kind: kindNull}}
	case []any:
		var out []value
		for _, e := range v {
			if _, nested := e.([]any); nested {
				continue
			}
			out = append(out, jsonValues(e)...)
		}
		return out
	}
	return nil
}

// condition is one entry of a policy key's array.
type condition struct {
	exact      *value        // a literal string, number, boolean or null
	prefix     *string       // {"prefix": ...}
	suffix     *string       // {"suffix": ...}
	ignoreCase *string       // {"equals-ignore-case": ...}
	cidr       *netip.Prefix // {"cidr": ...}
	exists     *bool         // {"exists": ...}
	numeric    []numericBound
	anyBut     *anythingBut
}

type numericBound struct {
	op string
	n  float64
}

type anythingBut struct {
	values []value
	prefix *string
	suffix *string
}

// parseCondition reads one entry of a key's array. Its refusals carry
// AWS's wordings, as recorded from AWS in moto's filter policy tests: the
// structural ones after "FilterPolicy:", the numeric ones (from the rule
// engine SNS uses) after "Attributes Reason: FilterPolicy:" and ending in
// "\n at ...".
func parseCondition(key string, raw any) (condition, error) {
	bad := func(why string) (condition, error) {
		return condition{}, refuse("%s", why)
	}
	switch raw := raw.(type) {
	case map[string]any:
		if len(raw) > 1 {
			// LocalStack's AWS-validated test_validate_policy
			// (error-condition-two-operators).
			return bad("Only one key allowed in match expression")
		}
		if len(raw) == 0 {
			return bad("Match value must be String, number, true, false, or null")
		}
		for op, arg := range raw {
			return parseOperator(op, arg, bad)
		}
	case []any:
		return bad("Match value must be String, number, true, false, or null")
	}
	vals := jsonValues(raw)
	if len(vals) != 1 {
		return bad("Match value must be String, number, true, false, or null")
	}
	return condition{exact: &vals[0]}, nil
}

func parseOperator(op string, arg any, bad func(string) (condition, error)) (condition, error) {
	str, isStr := arg.(string)
	switch op {
	case "prefix", "suffix", "equals-ignore-case":
		if !isStr || str == "" {
			return bad(op + " match pattern must be a string")
		}
		switch op {
		case "prefix":
			return condition{prefix: &str}, nil
		case "suffix":
			return condition{suffix: &str}, nil
		}
		return condition{ignoreCase: &str}, nil
	case "exists":
		b, ok := arg.(bool)
		if !ok {
			return bad("exists match pattern must be either true or false.")
		}
		return condition{exists: &b}, nil
	case "numeric":
		return parseNumeric(arg)
	case "anything-but":
		return parseAnythingBut(arg, bad)
	case "cidr":
		return parseCIDR(arg, bad)
	}
	return bad("Unrecognized match type " + op)
}

// numericError is a refusal of a numeric match, in the rule engine's
// wording.
func numericError(why string) (condition, error) {
	return condition{}, refuse("%s\n at ...", why)
}

// parseNumeric reads a numeric match the way AWS's rule engine does,
// token by token: one bound ("<", "<=", "=", ">", ">=" and a number), or a
// lower bound (">" or ">=") then an upper one ("<" or "<="), the bottom
// below the top.
func parseNumeric(arg any) (condition, error) {
	list, ok := arg.([]any)
	if !ok {
		return numericError("Value of numeric must be an array.")
	}
	var bounds []numericBound
	for i := 0; ; i += 2 {
		if i >= len(list) {
			if i == 0 {
				return numericError("Invalid member in numeric match: ]")
			}
			break
		}
		// The wordings of each refusal are those AWS answers (LocalStack's
		// AWS-validated test_validate_policy_numeric_operator): a second
		// bound's token is judged as part of a range.
		if len(bounds) == 2 {
			return numericError("Too many terms in numeric range expression")
		}
		if len(bounds) == 1 && bounds[0].op != ">" && bounds[0].op != ">=" {
			return numericError("Too many elements in numeric expression")
		}
		op, isStr := list[i].(string)
		switch {
		case !isStr && len(bounds) == 0:
			return numericError(fmt.Sprintf("Invalid member in numeric match: %v", list[i]))
		case !isStr:
			return numericError(fmt.Sprintf("Bad value in numeric range: %v", list[i]))
		}
		switch op {
		case "=", "<", "<=", ">", ">=":
		default:
			if len(bounds) == 1 {
				return numericError("Bad numeric range operator: " + op)
			}
			return numericError("Unrecognized numeric range operator: " + op)
		}
		if len(bounds) == 1 && op != "<" && op != "<=" {
			return numericError("Bad numeric range operator: " + op)
		}
		var num json.Number
		if i+1 < len(list) {
			num, ok = list[i+1].(json.Number)
		} else {
			ok = false
		}
		name := op
		if op == "=" {
			name = "equals"
		}
		if !ok {
			return numericError("Value of " + name + " must be numeric")
		}
		n, err := num.Float64()
		if err != nil {
			return numericError("Value of " + name + " must be numeric")
		}
		bounds = append(bounds, numericBound{op: op, n: fixed(n)})
	}
	if len(bounds) == 2 && bounds[0].n >= bounds[1].n {
		return numericError("Bottom must be less than top")
	}
	return condition{numeric: bounds}, nil
}

func parseAnythingBut(arg any, bad func(string) (condition, error)) (condition, error) {
	switch arg := arg.(type) {
	case map[string]any:
		if len(arg) != 1 {
			return bad("anything-but takes one operator")
		}
		if p, ok := arg["prefix"].(string); ok && p != "" {
			return condition{anyBut: &anythingBut{prefix: &p}}, nil
		}
		if p, ok := arg["suffix"].(string); ok && p != "" {
			return condition{anyBut: &anythingBut{suffix: &p}}, nil
		}
		for op := range arg {
			if op != "prefix" && op != "suffix" {
				// LocalStack's AWS-validated
				// test_validate_policy_nested_anything_but_operator.
				return bad("Unsupported anything-but pattern: " + op)
			}
		}
		return bad("anything-but supports prefix and suffix")
	case []any:
		if len(arg) == 0 {
			return bad("anything-but needs at least one value")
		}
		var vals []value
		for _, e := range arg {
			v := jsonValues(e)
			if len(v) != 1 || (v[0].kind != kindString && v[0].kind != kindNumber) {
				return bad("anything-but values must be strings or numbers")
			}
			vals = append(vals, v[0])
		}
		return condition{anyBut: &anythingBut{values: vals}}, nil
	}
	v := jsonValues(arg)
	if len(v) != 1 || (v[0].kind != kindString && v[0].kind != kindNumber) {
		return bad("anything-but values must be strings or numbers")
	}
	return condition{anyBut: &anythingBut{values: v}}, nil
}

// matches applies the condition to a key that is present or not, with its
// values. Only {"exists": false} matches an absent key.
func (c condition) matches(present bool, vals []value) bool {
	if c.exists != nil {
		return *c.exists == present
	}
	for _, v := range vals {
		if c.matchValue(v) {
			return true
		}
	}
	return false
}

func (c condition) matchValue(v value) bool {
	switch {
	case c.exact != nil:
		return v == *c.exact
	case c.prefix != nil:
		return v.kind == kindString && strings.HasPrefix(v.s, *c.prefix)
	case c.suffix != nil:
		return v.kind == kindString && strings.HasSuffix(v.s, *c.suffix)
	case c.ignoreCase != nil:
		return v.kind == kindString && strings.EqualFold(v.s, *c.ignoreCase)
	case c.numeric != nil:
		return v.kind == kindNumber && inBounds(v.n, c.numeric)
	case c.anyBut != nil:
		return c.anyBut.matchValue(v)
	case c.cidr != nil:
		return inCIDR(v, *c.cidr)
	}
	return false
}

func inBounds(n float64, bounds []numericBound) bool {
	for _, b := range bounds {
		ok := false
		switch b.op {
		case "=":
			ok = n == b.n
		case "<":
			ok = n < b.n
		case "<=":
			ok = n <= b.n
		case ">":
			ok = n > b.n
		case ">=":
			ok = n >= b.n
		}
		if !ok {
			return false
		}
	}
	return true
}

func (a *anythingBut) matchValue(v value) bool {
	switch {
	case a.prefix != nil:
		return v.kind == kindString && !strings.HasPrefix(v.s, *a.prefix)
	case a.suffix != nil:
		return v.kind == kindString && !strings.HasSuffix(v.s, *a.suffix)
	}
	if v.kind != kindString && v.kind != kindNumber {
		return false
	}
	for _, x := range a.values {
		if x == v {
			return false
		}
	}
	return true
}
