package dynamolocal

import "fmt"

// legacyParams are the pre-expression parameters; the local DynamoDB
// serves only expressions and refuses these by name.
type legacyParams struct {
	Expected            map[string]any `json:"Expected"`
	AttributeUpdates    map[string]any `json:"AttributeUpdates"`
	ConditionalOperator string         `json:"ConditionalOperator"`
	AttributesToGet     []string       `json:"AttributesToGet"`
	KeyConditions       map[string]any `json:"KeyConditions"`
	QueryFilter         map[string]any `json:"QueryFilter"`
	ScanFilter          map[string]any `json:"ScanFilter"`
}

func (l legacyParams) refuse() error {
	for name, set := range map[string]bool{
		"Expected": l.Expected != nil, "AttributeUpdates": l.AttributeUpdates != nil,
		"ConditionalOperator": l.ConditionalOperator != "", "AttributesToGet": l.AttributesToGet != nil,
		"KeyConditions": l.KeyConditions != nil, "QueryFilter": l.QueryFilter != nil, "ScanFilter": l.ScanFilter != nil,
	} {
		if set {
			return refused(fmt.Sprintf("the legacy parameter %s (use the expression parameters instead)", name))
		}
	}
	return nil
}

// exprParams are the expression attribute names and values every
// expression-taking action accepts.
type exprParams struct {
	ExpressionAttributeNames  map[string]string `json:"ExpressionAttributeNames"`
	ExpressionAttributeValues Item              `json:"ExpressionAttributeValues"`
}

// parseCondition parses an optional condition-like expression of the
// given kind; nil src means absent.
func parseCondition(ctx *exprContext, kind string, src *string) (condition, error) {
	if src == nil {
		return nil, nil
	}
	p, err := newParser(ctx, kind, *src)
	if err != nil {
		return nil, err
	}
	return p.parseCondition()
}

// parseProjectionExpr parses an optional ProjectionExpression.
func parseProjectionExpr(ctx *exprContext, src *string) ([]docPath, error) {
	if src == nil {
		return nil, nil
	}
	p, err := newParser(ctx, "ProjectionExpression", *src)
	if err != nil {
		return nil, err
	}
	return p.parseProjection()
}

// conditionFailed is the ConditionalCheckFailedException of a write whose
// condition did not hold, carrying the old item when asked for.
func conditionFailed(old Item, onFailure string) *Error {
	e := errorf(codeConditionalCheckFailed, "The conditional request failed")
	if onFailure == "ALL_OLD" && old != nil {
		e.Item = old
	}
	return e
}

func checkOnFailure(v string) error {
	switch v {
	case "", "NONE", "ALL_OLD":
		return nil
	}
	return validation("1 validation error detected: Value '%s' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]", v)
}

// consumedWire is the ConsumedCapacity of one table, reported when asked
// for; the local DynamoDB has no capacity, so it reports one unit per
// item touched.
type consumedWire struct {
	TableName     string  `json:"TableName"`
	CapacityUnits float64 `json:"CapacityUnits"`
}

func consumed(mode, table string, units float64) *consumedWire {
	if mode != "TOTAL" && mode != "INDEXES" {
		return nil
	}
	return &consumedWire{TableName: table, CapacityUnits: units}
}

// change is one computed write: the item at key in t goes from old to new
// (nil new deletes it). Computing changes before applying any lets a
// transaction check every condition first.
type change struct {
	t        *table
	key      string
	old, new Item
	touched  []docPath
	// write is false for a ConditionCheck, and for the zero change of a
	// failed computation.
	write bool
}

// apply makes the change; the caller holds s.mu for writing.
func (c change) apply() {
	if !c.write {
		return
	}
	if c.new == nil {
		delete(c.t.items, c.key)
		return
	}
	c.t.items[c.key] = c.new
}

// applyOne computes and makes one item's change under s.mu, as PutItem,
// DeleteItem and UpdateItem do, and returns it so the caller can answer
// with the item as it was or became.
func (s *regional) applyOne(p changer) (change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, err := p.change(s)
	ch.apply()
	return ch, err
}

// writeReturningOld finishes PutItem and DeleteItem alike: ReturnValues
// may only be NONE or ALL_OLD (checked before plan runs), the planned
// change is made under the lock, and ALL_OLD answers with the item as it
// was.
func (s *regional) writeReturningOld(returnValues, returnCapacity, table string, plan func() (changer, error)) (any, error) {
	switch returnValues {
	case "", "NONE", "ALL_OLD":
	default:
		return nil, validation("ReturnValues can only be ALL_OLD or NONE")
	}
	p, err := plan()
	if err != nil {
		return nil, err
	}
	ch, err := s.applyOne(p)
	if err != nil {
		return nil, err
	}
	out := writeOutput{ConsumedCapacity: consumed(returnCapacity, table, 1)}
	if returnValues == "ALL_OLD" {
		out.Attributes = ch.old
	}
	return out, nil
}

// parseWriteCondition parses the ConditionExpression of a write that takes
// no other expression (PutItem, DeleteItem, a ConditionCheck). Without one,
// the request may carry no expression names or values; with one, each of
// them must be used.
func (s *regional) parseWriteCondition(src *string, params exprParams) (condition, error) {
	if src == nil {
		return nil, noExpressions(params.ExpressionAttributeNames, params.ExpressionAttributeValues, "ConditionExpression")
	}
	ctx, err := s.newExprContext(params.ExpressionAttributeNames, params.ExpressionAttributeValues)
	if err != nil {
		return nil, err
	}
	cond, err := parseCondition(ctx, "ConditionExpression", src)
	if err != nil {
		return nil, err
	}
	return cond, ctx.checkUnused()
}
