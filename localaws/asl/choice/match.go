package choice

import (
	"time"

	"github.com/payflow-dev/payflow/localaws/asl/jsonvalue"
)

// condition is a parsed rule without its Next.
type condition interface {
	match(e env) (bool, error)
}

type andCond []condition
type orCond []condition
type notCond struct{ c condition }

// compareCond is a comparison operator; other is set for *Path variants,
// lit otherwise.
type compareCond struct {
	variable ref
	op       operator
	lit      any
	other    *ref
}

// testCond is one of the Is* operators, matching when the test's outcome
// equals want.
type testCond struct {
	variable ref
	test     typeTest
	want     bool
}

// match is true when every rule matches; it stops at the first that does
// not, so later rules are not evaluated (nor their paths checked).
func (c andCond) match(e env) (bool, error) {
	for _, sub := range c {
		ok, err := sub.match(e)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// match is true when any rule matches, stopping at the first that does.
func (c orCond) match(e env) (bool, error) {
	for _, sub := range c {
		ok, err := sub.match(e)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

func (c notCond) match(e env) (bool, error) {
	ok, err := c.c.match(e)
	return !ok && err == nil, err
}

func (c testCond) match(e env) (bool, error) {
	v, found, err := c.variable.get(e)
	if err != nil {
		return false, err
	}
	if c.test == testPresent {
		return found == c.want, nil
	}
	if !found {
		return false, c.variable.missing()
	}
	var got bool
	switch c.test {
	case testNull:
		got = v == nil
	case testNumeric:
		_, got = jsonvalue.Float(v)
	case testString:
		_, got = v.(string)
	case testBoolean:
		_, got = v.(bool)
	case testTimestamp:
		s, isString := v.(string)
		_, got = parseTimestamp(s)
		got = got && isString
	}
	return got == c.want, nil
}

func (c compareCond) match(e env) (bool, error) {
	v, found, err := c.variable.get(e)
	if err != nil {
		return false, err
	}
	if !found {
		return false, c.variable.missing()
	}
	operand := c.lit
	if c.other != nil {
		o, found, err := c.other.get(e)
		if err != nil {
			return false, err
		}
		if !found {
			return false, c.other.missing()
		}
		if operand, found = literal(c.op, o); !found {
			return false, nil // an operand of the wrong type never matches
		}
	}
	return c.compare(v, operand), nil
}

// compare applies the operator to the variable's value and the operand
// (already converted by literal). A value of the wrong type is false.
func (c compareCond) compare(v, operand any) bool {
	switch c.op.typ {
	case typeString:
		s, ok := v.(string)
		if !ok {
			return false
		}
		if c.op.rel == relMatches {
			return operand.(*pattern).match(s)
		}
		return c.op.rel.holds(compareStrings(s, operand.(string)))
	case typeNumeric:
		f, ok := jsonvalue.Float(v)
		if !ok {
			return false
		}
		return c.op.rel.holds(compareFloats(f, operand.(float64)))
	case typeBoolean:
		b, ok := v.(bool)
		return ok && b == operand.(bool)
	}
	s, ok := v.(string)
	if !ok {
		return false
	}
	t, ok := parseTimestamp(s)
	if !ok {
		return false
	}
	return c.op.rel.holds(t.Compare(operand.(time.Time)))
}

func compareFloats(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
