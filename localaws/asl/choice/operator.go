package choice

import "strings"

// valueType is the kind of value a comparison operator works on.
type valueType uint8

const (
	typeString valueType = iota
	typeNumeric
	typeBoolean
	typeTimestamp
)

func (t valueType) String() string {
	return [...]string{"String", "Number", "Boolean", "Timestamp"}[t]
}

// relation is what a comparison operator checks.
type relation uint8

const (
	relEquals relation = iota
	relLessThan
	relGreaterThan
	relLessThanEquals
	relGreaterThanEquals
	relMatches
)

// operator is a parsed comparison operator name such as
// "NumericLessThanEqualsPath".
type operator struct {
	typ    valueType
	rel    relation
	isPath bool
}

// parseOperator recognises a comparison operator name. It is computed from
// the name rather than looked up in a table so that the package holds no
// mutable state.
func parseOperator(name string) (operator, bool) {
	if name == "StringMatches" {
		return operator{typ: typeString, rel: relMatches}, true
	}
	var op operator
	rest := name
	switch {
	case strings.HasPrefix(rest, "String"):
		op.typ, rest = typeString, rest[len("String"):]
	case strings.HasPrefix(rest, "Numeric"):
		op.typ, rest = typeNumeric, rest[len("Numeric"):]
	case strings.HasPrefix(rest, "Boolean"):
		op.typ, rest = typeBoolean, rest[len("Boolean"):]
	case strings.HasPrefix(rest, "Timestamp"):
		op.typ, rest = typeTimestamp, rest[len("Timestamp"):]
	default:
		return op, false
	}
	rest, op.isPath = strings.CutSuffix(rest, "Path")
	switch rest {
	case "Equals":
		op.rel = relEquals
	case "LessThan":
		op.rel = relLessThan
	case "GreaterThan":
		op.rel = relGreaterThan
	case "LessThanEquals":
		op.rel = relLessThanEquals
	case "GreaterThanEquals":
		op.rel = relGreaterThanEquals
	default:
		return op, false
	}
	if op.typ == typeBoolean && op.rel != relEquals {
		return op, false
	}
	return op, true
}

// holds reports whether the comparison result c (-1, 0 or 1) satisfies
// the relation.
func (r relation) holds(c int) bool {
	switch r {
	case relEquals:
		return c == 0
	case relLessThan:
		return c < 0
	case relGreaterThan:
		return c > 0
	case relLessThanEquals:
		return c <= 0
	case relGreaterThanEquals:
		return c >= 0
	}
	return false
}

// typeTest is one of the Is* operators.
type typeTest uint8

const (
	testPresent typeTest = iota
	testNull
	testNumeric
	testString
	testBoolean
	testTimestamp
)

func parseTypeTest(name string) (typeTest, bool) {
	switch name {
	case "IsPresent":
		return testPresent, true
	case "IsNull":
		return testNull, true
	case "IsNumeric":
		return testNumeric, true
	case "IsString":
		return testString, true
	case "IsBoolean":
		return testBoolean, true
	case "IsTimestamp":
		return testTimestamp, true
	}
	return 0, false
}
