package dynamolocal

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// resolve follows a document path into an item; it returns nil when any
// step is missing or of the wrong type.
func resolve(it Item, path docPath) *Value {
	v, ok := it[path[0].name]
	if !ok || path[0].isIndex {
		return nil
	}
	for _, e := range path[1:] {
		switch {
		case e.isIndex && v.kind == kindL:
			if e.index >= len(v.l) {
				return nil
			}
			v = v.l[e.index]
		case !e.isIndex && v.kind == kindM:
			x, ok := v.m[e.name]
			if !ok {
				return nil
			}
			v = x
		default:
			return nil
		}
	}
	return v
}

// operandValue evaluates a condition operand; nil means "no value" (a
// missing attribute, or size of a type without one).
func operandValue(it Item, o operand) *Value {
	switch x := o.(type) {
	case pathOperand:
		return resolve(it, x.path)
	case valueOperand:
		return x.v
	case sizeOperand:
		v := resolve(it, x.path)
		if v == nil {
			return nil
		}
		n := 0
		switch v.kind {
		case kindS:
			n = utf8.RuneCountInString(v.str)
		case kindB:
			n = len(v.str)
		case kindM:
			n = len(v.m)
		case kindL:
			n = len(v.l)
		case kindSS, kindNS, kindBS:
			n = len(v.set)
		default:
			return nil
		}
		return numberValue(decimal{coef: bigInt(int64(n))}).normalized()
	}
	return nil
}

// normalized returns v with a canonical number string.
func (v *Value) normalized() *Value {
	if v.kind == kindN {
		return &Value{kind: kindN, str: mustNumber(v.str).String()}
	}
	return v
}

// evalCondition evaluates a condition against an item (empty when there
// is none).
func evalCondition(it Item, c condition) bool {
	switch x := c.(type) {
	case andCond:
		return evalCondition(it, x.l) && evalCondition(it, x.r)
	case orCond:
		return evalCondition(it, x.l) || evalCondition(it, x.r)
	case notCond:
		return !evalCondition(it, x.c)
	case compareCond:
		return compare(x.op, operandValue(it, x.l), operandValue(it, x.r))
	case betweenCond:
		v := operandValue(it, x.v)
		return compare(">=", v, operandValue(it, x.lo)) && compare("<=", v, operandValue(it, x.hi))
	case inCond:
		v := operandValue(it, x.v)
		for _, o := range x.list {
			if compare("=", v, operandValue(it, o)) {
				return true
			}
		}
		return false
	case funcCond:
		return evalFunction(it, x)
	}
	return false
}

// compare applies a comparator. Missing values compare false (and <>
// true against a present value); ordering needs two scalars of one type.
func compare(op string, a, b *Value) bool {
	if a == nil || b == nil {
		return op == "<>" && (a != nil || b != nil)
	}
	switch op {
	case "=":
		return a.equal(b)
	case "<>":
		return !a.equal(b)
	}
	if a.kind != b.kind || !isScalarKey(a.kind) {
		return false
	}
	c := compareScalar(a, b)
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	default:
		return c >= 0
	}
}

func evalFunction(it Item, f funcCond) bool {
	path := f.args[0].(pathOperand).path
	v := resolve(it, path)
	switch f.name {
	case "attribute_exists":
		return v != nil
	case "attribute_not_exists":
		return v == nil
	}
	arg := operandValue(it, f.args[1])
	if v == nil || arg == nil {
		return false
	}
	switch f.name {
	case "attribute_type":
		return arg.kind == kindS && v.kind.String() == arg.str
	case "begins_with":
		if v.kind != arg.kind || (v.kind != kindS && v.kind != kindB) {
			return false
		}
		return strings.HasPrefix(v.str, arg.str)
	case "contains":
		switch v.kind {
		case kindS:
			return arg.kind == kindS && strings.Contains(v.str, arg.str)
		case kindB:
			return arg.kind == kindB && bytes.Contains([]byte(v.str), []byte(arg.str))
		case kindSS, kindNS, kindBS:
			if setMemberKind(v.kind) != arg.kind {
				return false
			}
			for _, m := range v.set {
				if m == arg.normalized().str {
					return true
				}
			}
		case kindL:
			for _, x := range v.l {
				if x.equal(arg) {
					return true
				}
			}
		}
	}
	return false
}

// setMemberKind is the scalar type of a set's members.
func setMemberKind(k kind) kind {
	switch k {
	case kindSS:
		return kindS
	case kindNS:
		return kindN
	}
	return kindB
}
