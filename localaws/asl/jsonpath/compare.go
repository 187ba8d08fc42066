package jsonpath

import (
	"github.com/payflow-dev/payflow/localaws/asl/jsonvalue"
)

// compare applies a filter comparison operator. Numbers compare by value,
// strings by code point, booleans and null only for (in)equality; values of
// different types are never equal and never ordered.
func compare(op string, a, b any) bool {
	switch op {
	case "==":
		return jsonvalue.Equal(a, b)
	case "!=":
		return !jsonvalue.Equal(a, b)
	}
	c, ok := order(a, b)
	if !ok {
		return false
	}
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return false
}

// order returns the sign of a-b for two numbers or two strings.
func order(a, b any) (int, bool) {
	if as, ok := a.(string); ok {
		bs, ok := b.(string)
		if !ok {
			return 0, false
		}
		switch {
		case as < bs:
			return -1, true
		case as > bs:
			return 1, true
		}
		return 0, true
	}
	af, ok := jsonvalue.Float(a)
	if !ok {
		return 0, false
	}
	bf, ok := jsonvalue.Float(b)
	if !ok {
		return 0, false
	}
	switch {
	case af < bf:
		return -1, true
	case af > bf:
		return 1, true
	}
	return 0, true
}
