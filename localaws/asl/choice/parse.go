package choice

import (
	"slices"
	"strconv"
	"strings"

	"github.com/payflow-dev/payflow/localaws/asl/jsonvalue"

	"github.com/payflow-dev/payflow/localaws/asl/jsonpath"
)

// parseCondition parses the comparison part of a rule; top says whether the
// rule is an element of Choices (which carries Next) or nested in And, Or
// or Not (which must not).
func parseCondition(m map[string]any, loc string, top bool) (condition, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var ops []string
	for _, k := range keys {
		switch k {
		case "Next":
			if !top {
				return nil, schemaError(loc, "Nested choice rules must not contain the field 'Next'")
			}
		case "Variable":
		case "Comment":
			if _, ok := m[k].(string); !ok {
				return nil, schemaError(loc+"/Comment", "Expected value of type: String")
			}
		case "And", "Or", "Not":
			ops = append(ops, k)
		default:
			_, isCmp := parseOperator(k)
			_, isTest := parseTypeTest(k)
			if !isCmp && !isTest {
				return nil, schemaError(loc, "The field '%s' is not supported by Step Functions", k)
			}
			ops = append(ops, k)
		}
	}
	switch len(ops) {
	case 0:
		return nil, schemaError(loc, "The choice rule has no comparison operator: it needs one of And, Or, Not, a comparison such as StringEquals, or a test such as IsPresent")
	case 1:
	default:
		return nil, schemaError(loc, "The choice rule has more than one comparison operator: [%s]", strings.Join(ops, ", "))
	}
	op := ops[0]
	switch op {
	case "And", "Or":
		return parseCombinator(m, loc, op)
	case "Not":
		if _, ok := m["Variable"]; ok {
			return nil, schemaError(loc, "The field 'Variable' is not supported together with 'Not'")
		}
		sub, ok := m["Not"].(map[string]any)
		if !ok {
			return nil, schemaError(loc+"/Not", "Expected value of type: Object")
		}
		c, err := parseCondition(sub, loc+"/Not", false)
		if err != nil {
			return nil, err
		}
		return notCond{c}, nil
	}
	variable, err := parseVariable(m, loc)
	if err != nil {
		return nil, err
	}
	if t, ok := parseTypeTest(op); ok {
		want, ok := m[op].(bool)
		if !ok {
			return nil, schemaError(loc+"/"+op, "Expected value of type: Boolean")
		}
		return testCond{variable: variable, test: t, want: want}, nil
	}
	cmp, _ := parseOperator(op)
	return parseComparison(variable, cmp, m[op], loc+"/"+op)
}

func parseCombinator(m map[string]any, loc, op string) (condition, error) {
	if _, ok := m["Variable"]; ok {
		return nil, schemaError(loc, "The field 'Variable' is not supported together with '%s'", op)
	}
	items, ok := m[op].([]any)
	if !ok {
		return nil, schemaError(loc+"/"+op, "Expected value of type: Array")
	}
	if len(items) == 0 {
		return nil, schemaError(loc+"/"+op, "The array must contain at least one choice rule")
	}
	conds := make([]condition, len(items))
	for i, it := range items {
		itemLoc := loc + "/" + op + "/" + strconv.Itoa(i)
		sub, ok := it.(map[string]any)
		if !ok {
			return nil, schemaError(itemLoc, "Expected value of type: Object")
		}
		c, err := parseCondition(sub, itemLoc, false)
		if err != nil {
			return nil, err
		}
		conds[i] = c
	}
	if op == "And" {
		return andCond(conds), nil
	}
	return orCond(conds), nil
}

func parseVariable(m map[string]any, loc string) (ref, error) {
	v, ok := m["Variable"]
	if !ok {
		return ref{}, schemaError(loc, "These fields are required: [Variable]")
	}
	s, ok := v.(string)
	if !ok {
		return ref{}, schemaError(loc+"/Variable", "Expected value of type: String")
	}
	r, ok := compileRef(s)
	if !ok {
		return ref{}, schemaError(loc+"/Variable", "The value for the field 'Variable' must be a valid JSONPath")
	}
	return r, nil
}

func compileRef(s string) (ref, bool) {
	expr, variable := s, ""
	if len(s) > 1 && s[1] != '.' && s[1] != '[' && s[1] != '$' {
		i := 1
		for i < len(s) && s[i] != '.' && s[i] != '[' {
			i++
		}
		variable, expr = s[1:i], "$"+s[i:]
	}
	p, err := jsonpath.Compile(expr)
	if err != nil {
		return ref{}, false
	}
	return ref{src: s, context: strings.HasPrefix(s, "$$"), variable: variable, path: p}, true
}

// parseComparison checks the operand of a comparison operator: a literal of
// the operator's type, or a path for the *Path variants.
func parseComparison(variable ref, op operator, v any, loc string) (condition, error) {
	c := compareCond{variable: variable, op: op}
	field := loc[strings.LastIndexByte(loc, '/')+1:]
	if op.isPath {
		s, ok := v.(string)
		if !ok {
			return nil, schemaError(loc, "Expected value of type: String")
		}
		r, ok := compileRef(s)
		if !ok {
			return nil, schemaError(loc, "The value for the field '%s' must be a valid JSONPath", field)
		}
		c.other = &r
		return c, nil
	}
	lit, ok := literal(op, v)
	if !ok {
		if op.typ == typeTimestamp {
			if _, isString := v.(string); isString {
				return nil, schemaError(loc, "The value for the field '%s' must be an RFC3339 timestamp with an uppercase T and Z, such as 2016-08-18T17:33:00Z", field)
			}
			return nil, schemaError(loc, "Expected value of type: String")
		}
		return nil, schemaError(loc, "Expected value of type: %s", op.typ)
	}
	c.lit = lit
	return c, nil
}

// literal converts an operand to the form matching compares: string,
// float64, bool, time.Time or, for StringMatches, a *pattern.
func literal(op operator, v any) (any, bool) {
	switch op.typ {
	case typeString:
		s, ok := v.(string)
		if !ok {
			return nil, false
		}
		if op.rel == relMatches {
			return compilePattern(s), true
		}
		return s, true
	case typeNumeric:
		return jsonvalue.Float(v)
	case typeBoolean:
		b, ok := v.(bool)
		return b, ok
	}
	s, ok := v.(string)
	if !ok {
		return nil, false
	}
	t, ok := parseTimestamp(s)
	return t, ok
}
