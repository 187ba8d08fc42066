package dynamolocal

import (
	"bytes"
	"sort"
)

// kind is an attribute value's data type.
type kind uint8

// The data types, in the order DynamoDB lists them.
const (
	kindS kind = iota + 1
	kindN
	kindB
	kindBOOL
	kindNULL
	kindM
	kindL
	kindSS
	kindNS
	kindBS
)

// String is the kind's data type descriptor in the wire format.
func (k kind) String() string {
	switch k {
	case kindS:
		return "S"
	case kindN:
		return "N"
	case kindB:
		return "B"
	case kindBOOL:
		return "BOOL"
	case kindNULL:
		return "NULL"
	case kindM:
		return "M"
	case kindL:
		return "L"
	case kindSS:
		return "SS"
	case kindNS:
		return "NS"
	case kindBS:
		return "BS"
	}
	return "?"
}

func kindOf(name string) (kind, bool) {
	for k := kindS; k <= kindBS; k++ {
		if k.String() == name {
			return k, true
		}
	}
	return 0, false
}

// Value is one attribute value. Values are immutable once built, so items
// and their copies can share them; updates build new values.
type Value struct {
	kind kind
	// str is the string of S, the canonical decimal of N and the bytes of B.
	str string
	b   bool
	m   map[string]*Value
	l   []*Value
	// set holds the members of SS, NS (canonical) and BS (as strings),
	// sorted so that sets compare and print stably.
	set []string
}

// Item is an item or a key: attribute names to values.
type Item map[string]*Value

func numberValue(d decimal) *Value {
	return &Value{kind: kindN, str: d.String()}
}

// equal reports whether two values are of the same type and equal, sets
// compared as sets and numbers numerically.
func (v *Value) equal(o *Value) bool {
	if v == nil || o == nil {
		return v == o
	}
	if v.kind != o.kind {
		return false
	}
	switch v.kind {
	case kindS, kindN, kindB:
		return v.str == o.str
	case kindBOOL:
		return v.b == o.b
	case kindNULL:
		return true
	case kindM:
		if len(v.m) != len(o.m) {
			return false
		}
		for k, x := range v.m {
			if !x.equal(o.m[k]) {
				return false
			}
		}
		return true
	case kindL:
		if len(v.l) != len(o.l) {
			return false
		}
		for i := range v.l {
			if !v.l[i].equal(o.l[i]) {
				return false
			}
		}
		return true
	default:
		if len(v.set) != len(o.set) {
			return false
		}
		for i := range v.set {
			if v.set[i] != o.set[i] {
				return false
			}
		}
		return true
	}
}

// clone copies the containers of v down to its leaves, for updates that
// change a nested path.
func (v *Value) clone() *Value {
	c := *v
	switch v.kind {
	case kindM:
		c.m = make(map[string]*Value, len(v.m))
		for k, x := range v.m {
			c.m[k] = x.clone()
		}
	case kindL:
		c.l = make([]*Value, len(v.l))
		for i, x := range v.l {
			c.l[i] = x.clone()
		}
	}
	return &c
}

// setOf builds a set of kind k from members, canonical and sorted,
// dropping duplicates. It returns nil for no members.
func setOf(k kind, members []string) *Value {
	if len(members) == 0 {
		return nil
	}
	s := append([]string(nil), members...)
	sort.Strings(s)
	out := s[:1]
	for _, x := range s[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return &Value{kind: k, set: out}
}

// MarshalJSON writes the item in the wire format with sorted names.
func (it Item) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	writeItem(&buf, it)
	return buf.Bytes(), nil
}

// checkItem refuses nil values in a decoded item.
func checkItem(it Item) error {
	for _, v := range it {
		if v == nil {
			return validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
		}
	}
	return nil
}

// copyItem returns a shallow copy; values are immutable so sharing is safe.
func copyItem(it Item) Item {
	if it == nil {
		return nil
	}
	c := make(Item, len(it))
	for k, v := range it {
		c[k] = v
	}
	return c
}
