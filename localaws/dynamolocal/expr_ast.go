package dynamolocal

import (
	"strconv"
	"strings"
)

// pathElem is one step of a document path: an attribute or map key name,
// or a list index.
type pathElem struct {
	name    string
	index   int
	isIndex bool
}

// docPath is a document path with names already substituted, such as
// a.b[2].c.
type docPath []pathElem

// String prints the path the way DynamoDB's messages do: [a, b, [2]].
func (p docPath) String() string {
	parts := make([]string, len(p))
	for i, e := range p {
		if e.isIndex {
			parts[i] = "[" + strconv.Itoa(e.index) + "]"
		} else {
			parts[i] = e.name
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// overlaps reports whether one path is a prefix of the other.
func (p docPath) overlaps(o docPath) bool {
	n := min(len(p), len(o))
	for i := 0; i < n; i++ {
		if p[i] != o[i] {
			return false
		}
	}
	return true
}

// operand is a value-producing part of an expression.
type operand interface{ operandNode() }

type pathOperand struct{ path docPath }

type valueOperand struct {
	ref string // ":v", for messages
	v   *Value
}

type sizeOperand struct{ path docPath }

// callOperand is if_not_exists or list_append in an update expression.
type callOperand struct {
	name string
	args []operand
}

// arithOperand is a + b or a - b in an update expression.
type arithOperand struct {
	op   string
	l, r operand
}

func (pathOperand) operandNode()  {}
func (valueOperand) operandNode() {}
func (sizeOperand) operandNode()  {}
func (callOperand) operandNode()  {}
func (arithOperand) operandNode() {}

// condition is a node of a condition, filter or key condition expression.
type condition interface{ conditionNode() }

type compareCond struct {
	op   string // = <> < <= > >=
	l, r operand
}

type betweenCond struct{ v, lo, hi operand }

type inCond struct {
	v    operand
	list []operand
}

// funcCond is attribute_exists, attribute_not_exists, attribute_type,
// begins_with or contains.
type funcCond struct {
	name string
	args []operand
}

type andCond struct{ l, r condition }
type orCond struct{ l, r condition }
type notCond struct{ c condition }

func (compareCond) conditionNode() {}
func (betweenCond) conditionNode() {}
func (inCond) conditionNode()      {}
func (funcCond) conditionNode()    {}
func (andCond) conditionNode()     {}
func (orCond) conditionNode()      {}
func (notCond) conditionNode()     {}

// updateAction is one action of an update expression.
type updateAction struct {
	verb  string // SET, REMOVE, ADD, DELETE
	path  docPath
	value operand // nil for REMOVE
}
